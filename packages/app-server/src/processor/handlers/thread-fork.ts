import { ThreadForkParamsSchema, type ThreadForkParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { answerWithThread, loadThreadConfig, readStored, storedTurns } from './thread-session.js';

/**
 * `thread/fork`: a new live thread whose history is a copy of a stored thread's (through
 * `lastTurnId` when given). Settings default to the source thread's cwd. Answers like
 * thread/start (with the copied turns unless `excludeTurns`), then `thread/started` to every
 * connection, as the Rust app server does.
 */
export const threadForkHandler = defineHandler({
  method: 'thread/fork',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/fork', ThreadForkParamsSchema, params),
  async handle(ctx, params: ThreadForkParams) {
    const { services } = ctx;
    const source = await readStored(services, params.threadId);
    const config = await loadThreadConfig(services, params, { cwd: source?.cwd ?? null });
    const thread = await services.threadManager.forkThread({
      config,
      threadId: params.threadId,
      ephemeral: params.ephemeral ?? false,
      lastTurnId: params.lastTurnId ?? null,
    });
    const turns = params.excludeTurns === true ? [] : await storedTurns(services, thread.id);
    answerWithThread(ctx, thread, turns, 'everyone');
  },
});
