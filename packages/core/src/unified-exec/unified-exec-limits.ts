/**
 * Defaults and limits of unified exec (`exec_command` + `write_stdin`), the values of the Rust
 * Codex (`core/src/unified_exec/mod.rs`, `tools/handlers/unified_exec.rs`).
 */

/** `exec_command.yield_time_ms` when absent. */
export const DEFAULT_EXEC_YIELD_TIME_MS = 10_000;
/** `write_stdin.yield_time_ms` when absent. */
export const DEFAULT_WRITE_STDIN_YIELD_TIME_MS = 250;
/** Every wait lasts at least this long. */
export const MIN_YIELD_TIME_MS = 250;
/** `exec_command` and a `write_stdin` that writes something wait at most this long. */
export const MAX_YIELD_TIME_MS = 30_000;
/** An empty `write_stdin` (a poll) waits at least this long... */
export const MIN_EMPTY_POLL_YIELD_TIME_MS = 5_000;
/** ...and at most this long (Rust's default `background_terminal_max_timeout`). */
export const MAX_EMPTY_POLL_YIELD_TIME_MS = 300_000;
/** `max_output_tokens` when absent. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 10_000;
/** Output kept per session, both for the next poll and for the item transcript (head + tail). */
export const UNIFIED_EXEC_OUTPUT_MAX_BYTES = 1024 * 1024;
/** Sessions one thread keeps; storing one more prunes an older one. */
export const MAX_UNIFIED_EXEC_SESSIONS = 64;
/** The most recently used sessions are never pruned. */
export const PROTECTED_RECENT_SESSIONS = 8;
/** After writing to a session, give the program this long to react before polling. */
export const WRITE_STDIN_SETTLE_MS = 100;
/** Session ids are drawn at random from [MIN, MAX). */
export const MIN_SESSION_ID = 1_000;
export const MAX_SESSION_ID = 100_000;
/** Size of the pseudo-terminal of a `tty: true` session. */
export const PTY_COLUMNS = 80;
export const PTY_ROWS = 24;

/** The wait of `exec_command`: clamped to [250, 30000] ms. */
export function clampYieldTime(ms: number): number {
  return Math.min(MAX_YIELD_TIME_MS, Math.max(MIN_YIELD_TIME_MS, ms));
}

/**
 * The wait of `write_stdin`: at least 250 ms; a write waits at most 30 s, while an empty poll
 * waits between 5 s and 300 s so a model that polls a slow build does not spin.
 */
export function clampWriteStdinYieldTime(ms: number, chars: string): number {
  const atLeast = Math.max(MIN_YIELD_TIME_MS, ms);
  if (chars !== '') return Math.min(MAX_YIELD_TIME_MS, atLeast);
  return Math.min(MAX_EMPTY_POLL_YIELD_TIME_MS, Math.max(MIN_EMPTY_POLL_YIELD_TIME_MS, atLeast));
}
