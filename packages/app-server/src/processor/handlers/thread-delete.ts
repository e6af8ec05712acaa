import { ThreadDeleteParamsSchema, type ThreadDeleteParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';

/**
 * `thread/delete`: removes a stored thread (rollout and index row), answers `{}`, then tells
 * every connection `thread/deleted`.
 */
export const threadDeleteHandler = defineHandler({
  method: 'thread/delete',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/delete', ThreadDeleteParamsSchema, params),
  async handle(ctx, params: ThreadDeleteParams) {
    const threadId = parseThreadId(params.threadId, 'session id');
    await ctx.services.threadManager.deleteThread(ctx.services.codexHome, threadId);
    ctx.respond({});
    ctx.services.broadcast({ method: 'thread/deleted', params: { threadId } });
  },
});
