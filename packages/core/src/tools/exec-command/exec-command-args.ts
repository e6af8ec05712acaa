import {
  DEFAULT_EXEC_YIELD_TIME_MS,
  UNIFIED_EXEC_OUTPUT_MAX_BYTES,
} from '../../unified-exec/unified-exec-limits.js';
import { JsonArgs, type SandboxPermissions } from './json-args.js';

export {
  DEFAULT_EXEC_YIELD_TIME_MS,
  DEFAULT_MAX_OUTPUT_TOKENS,
  MAX_YIELD_TIME_MS,
  MIN_YIELD_TIME_MS,
  clampYieldTime,
} from '../../unified-exec/unified-exec-limits.js';
export type { SandboxPermissions } from './json-args.js';

/** Cap on the output kept in memory per command (head and tail are kept, the middle dropped). */
export const EXEC_OUTPUT_MAX_BYTES = UNIFIED_EXEC_OUTPUT_MAX_BYTES;

/** Parsed `exec_command` arguments. Absent optional values are null. */
export interface ExecCommandArgs {
  cmd: string;
  workdir: string | null;
  shell: string | null;
  login: boolean | null;
  tty: boolean;
  /** As requested (default applied, not yet clamped). */
  yieldTimeMs: number;
  maxOutputTokens: number | null;
  sandboxPermissions: SandboxPermissions;
  justification: string | null;
  prefixRule: string[] | null;
}

/**
 * Parses the model's JSON arguments. Malformed input becomes a ToolCallError whose message the
 * model sees, worded like the Rust Codex's (`failed to parse function arguments: ...`). Unknown
 * fields are ignored and `null` counts as absent.
 */
export function parseExecCommandArgs(json: string): ExecCommandArgs {
  const args = JsonArgs.parse(json);
  const cmd = args.requiredString('cmd');
  return {
    cmd,
    workdir: args.string('workdir'),
    shell: args.string('shell'),
    login: args.boolean('login'),
    tty: args.boolean('tty') ?? false,
    yieldTimeMs: args.count('yield_time_ms') ?? DEFAULT_EXEC_YIELD_TIME_MS,
    maxOutputTokens: args.count('max_output_tokens'),
    sandboxPermissions: args.sandboxPermissions(),
    justification: args.string('justification'),
    prefixRule: args.stringArray('prefix_rule'),
  };
}
