import type { Turn, TurnError, TurnStatus } from '@codex-ts/protocol';
import { isRetryableModelError, retryAfterMs, toTurnError } from './model-errors.js';
import { runSamplingAttempt, type AttemptResult } from './sampling-attempt.js';
import { abortableSleep } from './sleep.js';
import type { TurnRuntime } from './turn-runtime.js';

export interface TurnOutcome {
  status: Exclude<TurnStatus, 'inProgress'>;
  error: TurnError | null;
  lastMessage: string | null;
}

/**
 * One sampling request with stream-level retries: a retryable failure is reported as a visible
 * `Reconnecting... n/N (reason)` error notification, then the request is rebuilt from the
 * current history and sent again after a backoff.
 */
async function sampleWithRetries(rt: TurnRuntime): Promise<AttemptResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runSamplingAttempt(rt);
    } catch (err) {
      if (rt.signal.aborted) throw err;
      if (!isRetryableModelError(err) || attempt >= rt.streamMaxRetries) throw err;
      const n = attempt + 1;
      const error = toTurnError(err);
      rt.emitter.emit('error', {
        threadId: rt.emitter.threadId,
        turnId: rt.emitter.turnId,
        error: {
          ...error,
          message: `Reconnecting... ${n}/${rt.streamMaxRetries} (${error.message})`,
        },
        willRetry: true,
      });
      await abortableSleep(retryAfterMs(err) ?? rt.retryDelayMs(n), rt.signal);
    }
  }
}

/**
 * The turn loop: sample, run the tool calls, sample again with their outputs, until the model
 * answers without calling tools, the turn is interrupted, or an error ends it. Input steered
 * into the turn joins the history before each follow-up request, and input still pending after
 * a response makes the turn sample again (the Rust Codex's `has_pending_input`).
 */
export async function runTurnLoop(rt: TurnRuntime): Promise<TurnOutcome> {
  let lastMessage: string | null = null;
  try {
    for (let first = true; ; first = false) {
      if (!first) await rt.steering?.drain();
      const result = await sampleWithRetries(rt);
      if (result.lastMessage !== null) lastMessage = result.lastMessage;
      if (!result.needsFollowUp && rt.steering?.hasPending() !== true) break;
      if (rt.signal.aborted) throw rt.signal.reason;
    }
    rt.steering?.close();
    return { status: 'completed', error: null, lastMessage };
  } catch (err) {
    rt.steering?.close();
    if (rt.signal.aborted) return { status: 'interrupted', error: null, lastMessage };
    const error = toTurnError(err);
    rt.emitter.emit('error', {
      threadId: rt.emitter.threadId,
      turnId: rt.emitter.turnId,
      error,
      willRetry: false,
    });
    return { status: 'failed', error, lastMessage };
  }
}

export function finishedTurn(
  base: Pick<Turn, 'id' | 'startedAt'>,
  outcome: TurnOutcome,
  startedMs: number,
): Turn {
  const now = Date.now();
  return {
    id: base.id,
    items: [],
    status: outcome.status,
    error: outcome.error,
    startedAt: base.startedAt,
    completedAt: Math.floor(now / 1000),
    durationMs: now - startedMs,
  };
}
