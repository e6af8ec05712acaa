import type { Turn } from '@codex-ts/protocol';

/**
 * The turn list after a `thread_rolled_back {num_turns}` rollout line. `num_turns` counts the
 * user messages dropped from the model history (one per turn unless input was steered into a
 * turn), so the last turns go until they held that many user messages.
 */
export function dropRolledBackTurns(turns: Turn[], numTurns: number): void {
  let remaining = numTurns;
  while (remaining > 0 && turns.length > 0) {
    const turn = turns.pop() as Turn;
    remaining -= userMessageCount(turn);
  }
}

/** The `userMessage` items of a turn (its prompt and any input steered into it). */
export function userMessageCount(turn: Turn): number {
  return turn.items.filter((item) => item.type === 'userMessage').length;
}
