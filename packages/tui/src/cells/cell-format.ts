import { homedir } from 'node:os';
import { isAbsolute, relative } from 'node:path';
import type { RenderContext } from './history-cell.js';

/** `~/x` for paths under the home directory; other paths unchanged. */
export function tildePath(path: string, ctx: RenderContext): string {
  const home = ctx.homeDir ?? homedir();
  if (home === '' || home === '/') return path;
  if (path === home) return '~';
  if (path.startsWith(`${home}/`)) return `~${path.slice(home.length)}`;
  return path;
}

/** A path as the user reads it: relative to `cwd` when inside it, else with `~`. */
export function displayPath(path: string, cwd: string, ctx: RenderContext): string {
  if (isAbsolute(path) && cwd !== '' && path.startsWith(`${cwd.replace(/\/$/, '')}/`)) {
    return relative(cwd, path);
  }
  return tildePath(path, ctx);
}

/** `850ms`, `1.25s`, `2m 05s`, as the Rust TUI formats durations. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** `… +N lines`, the marker folded output and diffs leave where lines were left out. */
export function omittedLine(count: number): string {
  return `… +${count} line${count === 1 ? '' : 's'}`;
}

/**
 * Keeps at most `limit` lines: the first and last ones with an omission marker between them
 * (`limit` counts the marker).
 */
export function foldLines(lines: readonly string[], limit: number): string[] {
  if (lines.length <= limit) return [...lines];
  const head = Math.floor((limit - 1) / 2);
  const tail = limit - 1 - head;
  const omitted = lines.length - head - tail;
  return [...lines.slice(0, head), omittedLine(omitted), ...lines.slice(lines.length - tail)];
}

/**
 * Makes process output safe to print: escape sequences removed (they could move the cursor or
 * clear the screen), a carriage return keeps what was written after it (progress bars), tabs
 * become spaces and other control characters go.
 */
export function sanitizeOutputLine(line: string): string {
  let text = line.replace(
    /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g,
    '',
  );
  text = text.replace(/\r+$/, '');
  const cr = text.lastIndexOf('\r');
  if (cr >= 0) text = text.slice(cr + 1);
  if (text.includes('\t')) text = text.replace(/\t/g, '    ');
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

/** The lines of a text block, without the empty line a final newline leaves. */
export function textLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
