import { ThreadStartParamsSchema, type ThreadStartParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { answerWithThread, loadThreadConfig } from './thread-session.js';

/**
 * `thread/start`: loads config with the request's overrides, starts a core thread, subscribes the
 * connection to it, answers `ThreadStartResponse`, then notifies `thread/started` and one
 * `warning` per config warning.
 */
export const threadStartHandler = defineHandler({
  method: 'thread/start',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/start', ThreadStartParamsSchema, params),
  async handle(ctx, params: ThreadStartParams) {
    const config = await loadThreadConfig(ctx.services, params);
    const thread = await ctx.services.threadManager.startThread({
      config,
      ephemeral: params.ephemeral ?? false,
    });
    answerWithThread(ctx, thread, [], 'connection');
  },
});
