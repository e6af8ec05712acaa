import { ThreadArchiveParamsSchema, type ThreadArchiveParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';

/**
 * `thread/archive`: moves a stored thread out of the live list (its rollout goes to
 * `archived_sessions/`), answers `{}`, then tells every connection `thread/archived`. An unknown
 * thread is refused by core (`no rollout found for thread id <id>`, as Rust).
 */
export const threadArchiveHandler = defineHandler({
  method: 'thread/archive',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/archive', ThreadArchiveParamsSchema, params),
  async handle(ctx, params: ThreadArchiveParams) {
    const threadId = parseThreadId(params.threadId, 'session id');
    await ctx.services.threadManager.archiveThread(ctx.services.codexHome, threadId);
    ctx.respond({});
    ctx.services.broadcast({ method: 'thread/archived', params: { threadId } });
  },
});
