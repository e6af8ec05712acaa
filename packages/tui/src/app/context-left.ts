import type { ThreadTokenUsage } from '@codex-ts/protocol';

/**
 * Tokens every request spends on instructions and tools before the conversation: the Rust TUI
 * leaves them out of "context left" so a fresh session shows 100%.
 */
const BASELINE_TOKENS = 12_000;

/** The percentage of the context window still free after the last request, or null. */
export function contextLeftPercent(usage: ThreadTokenUsage | null): number | null {
  const window = usage?.modelContextWindow ?? null;
  if (!usage || window === null) return null;
  if (window <= BASELINE_TOKENS) return 0;
  const effective = window - BASELINE_TOKENS;
  const used = Math.max(0, usage.last.totalTokens - BASELINE_TOKENS);
  const remaining = Math.max(0, effective - used);
  return Math.round((remaining / effective) * 100);
}
