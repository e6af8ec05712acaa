import type { Turn } from '@codex-ts/protocol';
import { ThreadBusyError } from '../errors.js';
import { dropLastUserTurns } from '../rollout/reconstruct-history.js';
import type { RolloutResponseItem } from '../rollout/rollout-schemas.js';
import type { RecordingHistory } from './recording-history.js';
import { userMessageCount } from './rolled-back-turns.js';
import { turnsFromRollout } from './restore-thread.js';
import type { ThreadPersistence } from './thread-persistence.js';

/**
 * `thread/revert` (the TUI's Esc-Esc "edit a previous message"): drop a turn and every later
 * turn from a loaded thread's history, so the next model request no longer carries them.
 *
 * The rollout keeps what was written and gains one line, the Rust Codex's
 * `{"type":"event_msg","payload":{"type":"thread_rolled_back","num_turns":N}}`. Both
 * implementations replay it on resume by dropping the last N user messages (and what followed
 * each) from the model history, so N counts the user messages of the dropped turns (a steered
 * turn has more than one); the turn list (`turnsFromRollout`) drops the turns holding them.
 * Files the dropped turns changed are not restored.
 */

/** The turn named by `beforeTurnId` is not one of the thread's (or was reverted already). */
export class TurnNotFoundError extends Error {
  readonly code = 'turn_not_found';
  constructor(readonly turnId: string) {
    super(`turn not found: ${turnId}`);
    this.name = 'TurnNotFoundError';
  }
}

/** The thread cannot be reverted: it keeps no rollout (ephemeral), or the turn has no input. */
export class RevertUnavailableError extends Error {
  readonly code = 'revert_unavailable';
  constructor(message: string) {
    super(message);
    this.name = 'RevertUnavailableError';
  }
}

/** What a revert needs from its thread. */
export interface RevertHost {
  readonly threadId: string;
  activeTurnId(): string | null;
  /** The conversation after the initial context (which has no user messages to drop). */
  readonly history: RecordingHistory;
  readonly persistence: ThreadPersistence | null;
}

export interface ThreadRevertOutcome {
  /** The turns dropped, oldest first (`beforeTurnId` first). */
  droppedTurnIds: string[];
  /** The `num_turns` of the rollout line: user messages dropped from the model history. */
  numTurns: number;
}

/** Reverts of one thread run one at a time (each reads the rollout the previous one wrote). */
const pending = new WeakMap<RecordingHistory, Promise<unknown>>();

/**
 * Drops `beforeTurnId` and the turns after it. Throws ThreadBusyError while a turn runs (also
 * when one starts during the revert), TurnNotFoundError for a turn the thread does not have,
 * RevertUnavailableError for an ephemeral thread.
 */
export function revertThread(host: RevertHost, beforeTurnId: string): Promise<ThreadRevertOutcome> {
  const previous = pending.get(host.history) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => revertNow(host, beforeTurnId));
  pending.set(host.history, run);
  return run;
}

/** Rollout reads redone when a whole turn ran meanwhile (the history moved under the read). */
const MAX_ATTEMPTS = 3;

async function revertNow(host: RevertHost, beforeTurnId: string): Promise<ThreadRevertOutcome> {
  const persistence = host.persistence;
  if (persistence === null) {
    throw new RevertUnavailableError(
      `thread ${host.threadId} is ephemeral: it keeps no history to revert`,
    );
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    assertIdle(host);
    const length = host.history.length;
    await persistence.flush();
    const turns = await turnsFromRollout(persistence.rolloutPath);
    assertIdle(host);
    if (host.history.length !== length) continue;
    // From here on nothing awaits: no turn can start before the history is cut and recorded.
    const plan = planRevert(turns, beforeTurnId);
    const kept = dropLastUserTurns(host.history as unknown as RolloutResponseItem[], plan.numTurns);
    host.history.truncate(kept.length);
    persistence.recordLines([
      { type: 'event_msg', payload: { type: 'thread_rolled_back', num_turns: plan.numTurns } },
    ]);
    await persistence.flush();
    return plan;
  }
  throw new RevertUnavailableError(`thread ${host.threadId} kept changing; revert it again`);
}

function assertIdle(host: RevertHost): void {
  const active = host.activeTurnId();
  if (active !== null) throw new ThreadBusyError(host.threadId, active);
}

/** Which turns go and how many user messages that takes off the model history. */
export function planRevert(turns: readonly Turn[], beforeTurnId: string): ThreadRevertOutcome {
  const index = turns.findIndex((turn) => turn.id === beforeTurnId);
  if (index < 0) throw new TurnNotFoundError(beforeTurnId);
  const dropped = turns.slice(index);
  const numTurns = dropped.reduce((sum, turn) => sum + userMessageCount(turn), 0);
  if (numTurns === 0) {
    throw new RevertUnavailableError(`turn ${beforeTurnId} has no user input to revert`);
  }
  return { droppedTurnIds: dropped.map((turn) => turn.id), numTurns };
}
