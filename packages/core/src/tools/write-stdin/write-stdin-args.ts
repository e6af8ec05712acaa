import { DEFAULT_WRITE_STDIN_YIELD_TIME_MS } from '../../unified-exec/unified-exec-limits.js';
import { JsonArgs } from '../exec-command/json-args.js';

/** Parsed `write_stdin` arguments. */
export interface WriteStdinArgs {
  sessionId: number;
  /** What to write; empty to only poll. */
  chars: string;
  /** As requested (default applied, not yet clamped). */
  yieldTimeMs: number;
  maxOutputTokens: number | null;
}

/** Parses the model's JSON arguments; malformed input is a ToolCallError for the model. */
export function parseWriteStdinArgs(json: string): WriteStdinArgs {
  const args = JsonArgs.parse(json);
  return {
    sessionId: args.requiredInteger('session_id'),
    chars: args.string('chars') ?? '',
    yieldTimeMs: args.count('yield_time_ms') ?? DEFAULT_WRITE_STDIN_YIELD_TIME_MS,
    maxOutputTokens: args.count('max_output_tokens'),
  };
}
