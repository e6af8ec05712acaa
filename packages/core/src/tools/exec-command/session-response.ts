import { approxTokenCount, formattedTruncateText } from '@codex-ts/utils';
import type { ExecSession } from '../../unified-exec/exec-session.js';
import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../unified-exec/unified-exec-limits.js';
import type { ToolResult } from '../tool-types.js';
import { formatExecResponse, generateChunkId } from './exec-output-format.js';

/** What one exec_command or write_stdin call read from a session. */
export interface SessionRun {
  session: ExecSession;
  /** The output produced since the previous read. */
  text: string;
  wallTimeMs: number;
  /** Set when the command finished during the call (the session is then gone). */
  exitCode: number | null;
}

/**
 * The unified exec answer for the model: `Process exited with code N` when the command
 * finished, else `Process running with session ID N`; the output since the last read, cut in
 * the middle to `max_output_tokens` (default 10000).
 */
export function sessionResponse(run: SessionRun, maxOutputTokens: number | null): ToolResult {
  const { text, exitCode } = run;
  const output = formatExecResponse({
    chunkId: generateChunkId(),
    wallTimeMs: run.wallTimeMs,
    exitCode,
    sessionId: exitCode === null ? String(run.session.id) : null,
    originalTokenCount: approxTokenCount(text),
    output: formattedTruncateText(text, {
      kind: 'tokens',
      limit: maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
    }),
  });
  return { output, success: exitCode === null || exitCode === 0 };
}
