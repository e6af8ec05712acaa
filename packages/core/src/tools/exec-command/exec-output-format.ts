import { randomBytes } from 'node:crypto';

/** What one exec_command call reports back to the model. */
export interface ExecResponse {
  chunkId: string;
  wallTimeMs: number;
  /** Set when the process finished during this call. */
  exitCode: number | null;
  /** Set while the process keeps running as a session (for write_stdin). */
  sessionId: string | null;
  originalTokenCount: number | null;
  /** The output text, already truncated to the token budget. */
  output: string;
}

/** Six random lowercase hex digits identifying one chunk of output. */
export function generateChunkId(): string {
  return randomBytes(3).toString('hex');
}

/**
 * Renders the response in the unified-exec layout the Rust Codex sends (and models are trained
 * on): labelled lines, then `Output:` and the text.
 *
 * ```
 * Chunk ID: f791aa
 * Wall time: 0.1727 seconds
 * Process exited with code 0
 * Original token count: 2
 * Output:
 * hello
 * ```
 */
export function formatExecResponse(response: ExecResponse): string {
  const lines: string[] = [];
  if (response.chunkId !== '') lines.push(`Chunk ID: ${response.chunkId}`);
  lines.push(`Wall time: ${(response.wallTimeMs / 1000).toFixed(4)} seconds`);
  if (response.exitCode !== null) lines.push(`Process exited with code ${response.exitCode}`);
  if (response.sessionId !== null)
    lines.push(`Process running with session ID ${response.sessionId}`);
  if (response.originalTokenCount !== null) {
    lines.push(`Original token count: ${response.originalTokenCount}`);
  }
  lines.push('Output:');
  lines.push(response.output);
  return lines.join('\n');
}
