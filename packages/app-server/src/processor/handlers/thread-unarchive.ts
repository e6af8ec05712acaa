import { ThreadUnarchiveParamsSchema, type ThreadUnarchiveParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';

/**
 * `thread/unarchive`: brings an archived thread back to the live list, answers `{thread}`, then
 * tells every connection `thread/unarchived`.
 */
export const threadUnarchiveHandler = defineHandler({
  method: 'thread/unarchive',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/unarchive', ThreadUnarchiveParamsSchema, params),
  async handle(ctx, params: ThreadUnarchiveParams) {
    const threadId = parseThreadId(params.threadId, 'session id');
    const thread = await ctx.services.threadManager.unarchiveThread(
      ctx.services.codexHome,
      threadId,
    );
    ctx.respond({ thread });
    ctx.services.broadcast({ method: 'thread/unarchived', params: { threadId: thread.id } });
  },
});
