import { ThreadRevertParamsSchema, type ThreadRevertParams } from '@codex-ts/protocol';
import { InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';

const METHOD = 'thread/revert';

/**
 * `thread/revert`: drops turn `beforeTurnId` and every later turn from a loaded thread's history
 * (the conversation only; files stay as they are), answers with the thread (`turns: []`, as the
 * schema says: clients read the shortened turns with `thread/read`), then the thread's
 * subscribers get `thread/reverted`. Refused while a turn runs, for a thread that is not loaded,
 * and for a turn the thread does not have; every refusal names the method.
 */
export const threadRevertHandler = defineHandler({
  method: METHOD,
  requiresInitialize: true,
  parse: (params) => parseParams(METHOD, ThreadRevertParamsSchema, params),
  async handle(ctx, params: ThreadRevertParams) {
    const threadId = parseThreadId(params.threadId, 'thread id');
    const thread = ctx.services.threadManager.getThread(threadId);
    if (!thread) throw new InvalidRequestError(`${METHOD}: thread not loaded: ${threadId}`);
    const active = thread.activeTurnId();
    if (active !== null) throw busy(threadId, active);
    if (params.beforeTurnId === '') {
      throw new InvalidRequestError(`${METHOD}: beforeTurnId must not be empty`);
    }
    // The requester hears `thread/reverted` too, after this answer.
    const release = ctx.connection.hold(threadId);
    try {
      ctx.services.threads.subscribe(thread, ctx.connection);
      try {
        await thread.revert(params.beforeTurnId);
      } catch (error) {
        const running = thread.activeTurnId() ?? 'another turn';
        throw refusal(error, threadId, params.beforeTurnId, running) ?? error;
      }
      ctx.respond({
        thread: { ...thread.snapshot(), turns: [] },
        turnsBackwardsCursor: null,
        itemsBackwardsCursor: null,
      });
    } finally {
      release();
    }
  },
});

function busy(threadId: string, turnId: string): InvalidRequestError {
  return new InvalidRequestError(
    `${METHOD}: cannot revert thread ${threadId} while turn ${turnId} is running; interrupt it first`,
    { code: 'thread_busy' },
  );
}

/** Core's revert errors (by their stable codes) as invalid-request errors naming the method. */
function refusal(
  error: unknown,
  threadId: string,
  turnId: string,
  running: string,
): InvalidRequestError | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  switch (code) {
    case 'thread_busy':
      return busy(threadId, running);
    case 'turn_not_found':
      return new InvalidRequestError(`${METHOD}: turn not found: ${turnId}`, { code });
    case 'revert_unavailable':
      return new InvalidRequestError(`${METHOD}: ${String(message)}`, { code });
    default:
      return null;
  }
}
