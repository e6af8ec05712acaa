import {
  prefixLines,
  styleFor,
  truncateToWidth,
  widthOf,
  wrapChars,
  wrapWords,
  type Style,
} from '../markdown/index.js';
import {
  foldLines,
  formatDuration,
  omittedLine,
  sanitizeOutputLine,
  textLines,
} from './cell-format.js';
import { displayCommand, exploreLines, isExploring } from './exec-display.js';
import type { ExecCell, RenderContext } from './history-cell.js';

/** Output lines shown for a model's command and for the user's own `!cmd`. */
const AGENT_OUTPUT_LINES = 5;
const USER_OUTPUT_LINES = 50;
/** Command lines shown after the header line before the rest is folded. */
const COMMAND_CONTINUATION_LINES = 2;
/** Screen rows one long output line may take. */
const ROWS_PER_OUTPUT_LINE = 3;

function failed(cell: ExecCell): boolean {
  return (
    cell.status === 'failed' ||
    cell.status === 'declined' ||
    (cell.exitCode !== null && cell.exitCode !== 0)
  );
}

function bullet(cell: ExecCell, s: Style): string {
  if (cell.status === 'inProgress') return s.dim('•');
  return failed(cell) ? s.red.bold('•') : s.green.bold('•');
}

function title(cell: ExecCell): string {
  if (cell.status === 'inProgress') return 'Running';
  if (cell.status === 'declined') return 'Declined';
  return cell.source === 'user' ? 'You ran' : 'Ran';
}

/** ` · exit 2 · 1.25s` after a finished command. */
function resultSuffix(cell: ExecCell, s: Style): string {
  const parts: string[] = [];
  if (cell.exitCode !== null && cell.exitCode !== 0) parts.push(s.red(`exit ${cell.exitCode}`));
  if (cell.durationMs !== null && cell.status !== 'inProgress') {
    parts.push(s.dim(formatDuration(cell.durationMs)));
  }
  return parts.join(s.dim(' · '));
}

function commandLines(cell: ExecCell, width: number, s: Style): string[] {
  const head = `${bullet(cell, s)} ${s.bold(title(cell))} `;
  const headWidth = widthOf(head);
  const [first = '', ...rest] = displayCommand(cell.command).split('\n');
  const firstRows = wrapWords(first, Math.max(1, width - headWidth));
  const continuation = [
    ...firstRows.slice(1),
    ...rest.flatMap((line) => wrapWords(line, Math.max(1, width - 4))),
  ];
  const lines = [head + (firstRows[0] ?? '')];
  const kept = continuation.slice(0, COMMAND_CONTINUATION_LINES);
  if (continuation.length > kept.length) {
    kept.push(s.dim(omittedLine(continuation.length - kept.length)));
  }
  lines.push(...kept.map((line) => s.dim('  │ ') + line));
  const suffix = resultSuffix(cell, s);
  if (suffix !== '') {
    const last = lines.length - 1;
    const joined = `${lines[last] ?? ''}${s.dim(' · ')}${suffix}`;
    if (widthOf(joined) <= width) lines[last] = joined;
    else lines.push(s.dim('  │ ') + suffix);
  }
  return lines;
}

function outputLines(cell: ExecCell, width: number, s: Style): string[] {
  if (cell.status === 'declined') return [];
  const raw = textLines(cell.output).map(sanitizeOutputLine);
  if (raw.length === 0) {
    return cell.status === 'inProgress' ? [] : [`${s.dim('  └ ')}${s.dim('(no output)')}`];
  }
  const limit = cell.source === 'user' ? USER_OUTPUT_LINES : AGENT_OUTPUT_LINES;
  const inner = Math.max(1, width - 4);
  const rows = foldLines(raw, limit).flatMap((line) => {
    const wrapped = wrapChars(line, inner);
    if (wrapped.length <= ROWS_PER_OUTPUT_LINE) return wrapped;
    const kept = wrapped.slice(0, ROWS_PER_OUTPUT_LINE);
    kept[kept.length - 1] = truncateToWidth(`${kept[kept.length - 1] ?? ''}…`, inner);
    return kept;
  });
  return prefixLines(
    rows.map((row) => s.dim(row)),
    s.dim('  └ '),
    '    ',
  );
}

function exploredLines(cell: ExecCell, width: number, s: Style): string[] {
  const head = `${s.dim('•')} ${s.bold(cell.status === 'inProgress' ? 'Exploring' : 'Explored')}`;
  const body = exploreLines(cell.actions).flatMap(({ title: t, text }) => {
    const indent = t.length + 1;
    const rows = wrapWords(text, Math.max(1, width - 4 - indent));
    return prefixLines(rows, `${s.cyan(t)} `, ' '.repeat(indent));
  });
  return [head, ...prefixLines(body, s.dim('  └ '), '    ')];
}

/**
 * A command run: `• Ran <cmd> · 1.25s` with a green (success) or red (failure) bullet, the
 * output folded to its first and last lines, the exit code when it is not 0. Commands that
 * only read, list or search files show as an `Explored` summary instead.
 */
export function renderExec(cell: ExecCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const width = Math.max(1, ctx.width);
  if (isExploring(cell.actions) && !failed(cell)) return exploredLines(cell, width, s);
  return [...commandLines(cell, width, s), ...outputLines(cell, width, s)];
}
