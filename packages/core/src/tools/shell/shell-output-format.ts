import {
  countLines,
  formattedTruncateText,
  truncateText,
  type TruncationPolicy,
} from '@codex-ts/utils';

/** One finished run of a shell tool command. */
export interface ShellRunResult {
  exitCode: number;
  durationMs: number;
  timedOut: boolean;
  timeoutMs: number;
  /** Everything the command printed (stdout and stderr in arrival order). */
  output: string;
}

/** The output as the model reads it: a timed-out run says so on a first line. */
function contentOf(run: ShellRunResult): string {
  return run.timedOut
    ? `command timed out after ${run.timeoutMs} milliseconds\n${run.output}`
    : run.output;
}

/** Seconds rounded to one decimal, as the Rust Codex reports the duration. */
function roundedSeconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/**
 * The `shell` tool's answer, a JSON object as the Rust Codex sends it:
 * `{"output":"...","metadata":{"exit_code":0,"duration_seconds":0.5}}`, the output cut in the
 * middle (with a header) when it is over the budget. Durations keep a decimal point (`1.0`), as
 * Rust's serializer writes floats.
 */
export function formatShellStructured(run: ShellRunResult, policy: TruncationPolicy): string {
  const output = formattedTruncateText(contentOf(run), policy);
  const seconds = roundedSeconds(run.durationMs);
  const secondsJson = Number.isInteger(seconds) ? seconds.toFixed(1) : String(seconds);
  return (
    `{"output":${JSON.stringify(output)},` +
    `"metadata":{"exit_code":${run.exitCode},"duration_seconds":${secondsJson}}}`
  );
}

/**
 * The `shell_command` answer, the Rust Codex's freeform layout:
 *
 * ```
 * Exit code: 0
 * Wall time: 0.5 seconds
 * Total output lines: 2000      (only when the output was cut)
 * Output:
 * ...
 * ```
 */
export function formatShellFreeform(run: ShellRunResult, policy: TruncationPolicy): string {
  const content = contentOf(run);
  const output = truncateText(content, policy);
  const lines = [
    `Exit code: ${run.exitCode}`,
    `Wall time: ${roundedSeconds(run.durationMs)} seconds`,
  ];
  const totalLines = countLines(content);
  if (totalLines !== countLines(output)) lines.push(`Total output lines: ${totalLines}`);
  lines.push('Output:', output);
  return lines.join('\n');
}
