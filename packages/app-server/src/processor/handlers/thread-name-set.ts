import { ThreadSetNameParamsSchema, type ThreadSetNameParams } from '@codex-ts/protocol';
import { InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';
import { isThreadNotFound } from './thread-session.js';

/**
 * `thread/name/set`: names a thread (trimmed; an empty name is refused), answers `{}`, then
 * tells every connection `thread/name/updated`. Errors use the Rust app server's wording.
 */
export const threadNameSetHandler = defineHandler({
  method: 'thread/name/set',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/name/set', ThreadSetNameParamsSchema, params),
  async handle(ctx, params: ThreadSetNameParams) {
    const threadId = parseThreadId(params.threadId, 'thread id');
    const name = params.name.trim();
    if (name === '') throw new InvalidRequestError('thread name must not be empty');
    try {
      await ctx.services.threadManager.setThreadName(ctx.services.codexHome, threadId, name);
    } catch (error) {
      if (isThreadNotFound(error)) throw new InvalidRequestError(`thread not found: ${threadId}`);
      throw error;
    }
    ctx.respond({});
    ctx.services.broadcast({
      method: 'thread/name/updated',
      params: { threadId, threadName: name },
    });
  },
});
