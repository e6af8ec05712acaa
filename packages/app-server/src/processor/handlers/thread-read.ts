import { ThreadReadParamsSchema, type ThreadReadParams } from '@codex-ts/protocol';
import { InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';
import { isThreadNotFound } from './thread-session.js';

/**
 * `thread/read`: a stored or live thread, with its turns when `includeTurns`. An unknown thread
 * is refused with the Rust app server's `thread not loaded: <id>`.
 */
export const threadReadHandler = defineHandler({
  method: 'thread/read',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/read', ThreadReadParamsSchema, params),
  async handle(ctx, params: ThreadReadParams) {
    const threadId = parseThreadId(params.threadId, 'thread id');
    const { threadManager, codexHome } = ctx.services;
    try {
      const thread = await threadManager.readThread(
        codexHome,
        threadId,
        params.includeTurns === true,
      );
      ctx.respond({ thread });
    } catch (error) {
      if (isThreadNotFound(error)) throw new InvalidRequestError(`thread not loaded: ${threadId}`);
      throw error;
    }
  },
});
