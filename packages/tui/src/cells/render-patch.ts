import type { FileUpdateChange } from '@codex-ts/protocol';
import { styleFor, wrapChars, wrapWords, type Style } from '../markdown/index.js';
import { displayPath, omittedLine } from './cell-format.js';
import { fileDiff, type DiffRow, type FileDiff } from './diff-lines.js';
import type { PatchCell, RenderContext } from './history-cell.js';

/** Diff rows shown per file before the rest is folded into `… +N lines`. */
const MAX_ROWS_PER_FILE = 300;

function counts(diff: { added: number; removed: number }, s: Style): string {
  return `${s.dim('(')}${s.green(`+${diff.added}`)} ${s.red(`-${diff.removed}`)}${s.dim(')')}`;
}

function pathLabel(change: FileUpdateChange, cell: PatchCell, ctx: RenderContext): string {
  const from = displayPath(change.path, cell.cwd, ctx);
  const to = change.kind.type === 'update' ? change.kind.move_path : null;
  return to ? `${from} → ${displayPath(to, cell.cwd, ctx)}` : from;
}

function verb(change: FileUpdateChange): string {
  if (change.kind.type === 'add') return 'Added';
  if (change.kind.type === 'delete') return 'Deleted';
  return 'Edited';
}

function paintRow(row: Exclude<DiffRow, { kind: 'gap' }>, text: string, s: Style): string {
  if (row.kind === 'add') return s.green(text);
  if (row.kind === 'del') return s.red(text);
  return text;
}

/** The numbered, coloured rows of one file's diff, indented by four columns. */
function diffRows(diff: FileDiff, width: number, s: Style): string[] {
  const shown = diff.rows.slice(0, MAX_ROWS_PER_FILE);
  const numbers = shown.flatMap((row) => (row.kind === 'gap' ? [] : [row.line]));
  const numWidth = String(Math.max(1, ...numbers)).length;
  const textWidth = Math.max(1, width - 4 - numWidth - 2);
  const hang = ' '.repeat(4 + numWidth + 2);
  const out: string[] = [];
  for (const row of shown) {
    if (row.kind === 'gap') {
      out.push(`${' '.repeat(4)}${s.dim('⋮')}`);
      continue;
    }
    const sign = row.kind === 'add' ? '+' : row.kind === 'del' ? '-' : ' ';
    const parts = wrapChars(row.text.replace(/\t/g, '    '), textWidth);
    parts.forEach((part, i) => {
      const lead = i === 0 ? `    ${s.dim(String(row.line).padStart(numWidth))} ` : hang;
      const body = i === 0 ? `${sign}${part}` : part;
      out.push(`${lead}${paintRow(row, body, s)}`.trimEnd());
    });
  }
  if (diff.rows.length > shown.length) {
    out.push(`    ${s.dim(omittedLine(diff.rows.length - shown.length))}`);
  }
  return out;
}

function header(text: string, width: number, bullet: string): string[] {
  return wrapWords(text, Math.max(1, width - 2)).map((line, i) =>
    i === 0 ? `${bullet} ${line}` : `  ${line}`,
  );
}

/**
 * A patch: `• Edited path (+a -r)` (or `Added` / `Deleted`, `old → new` for a move) and the
 * coloured diff with line numbers; several files get a `└ path (+a -r)` line each. A failed or
 * declined patch shows what it would have changed, without the diff.
 */
export function renderPatch(cell: PatchCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const width = Math.max(1, ctx.width);
  const diffs = cell.changes.map((change) => fileDiff(change));
  const total = {
    added: diffs.reduce((n, d) => n + d.added, 0),
    removed: diffs.reduce((n, d) => n + d.removed, 0),
  };
  const single = cell.changes.length === 1 ? cell.changes[0] : undefined;
  const target = single
    ? pathLabel(single, cell, ctx)
    : `${cell.changes.length} file${cell.changes.length === 1 ? '' : 's'}`;
  const ok = cell.status === 'completed' || cell.status === 'inProgress';
  const title = !ok
    ? `${cell.status === 'declined' ? 'Declined changes to' : 'Failed to apply changes to'} ${target}`
    : `${single ? verb(single) : 'Edited'} ${target}`;
  const bullet = ok ? s.dim('•') : s.red.bold('•');
  const out = header(`${s.bold(title)} ${counts(total, s)}`, width, bullet);
  if (single) {
    if (ok) out.push(...diffRows(diffs[0] ?? { rows: [], added: 0, removed: 0 }, width, s));
    return out;
  }
  cell.changes.forEach((change, i) => {
    const diff = diffs[i] ?? { rows: [], added: 0, removed: 0 };
    if (ok && i > 0) out.push('');
    const label = `${pathLabel(change, cell, ctx)} ${counts(diff, s)}`;
    const rows = wrapWords(label, Math.max(1, width - 4));
    rows.forEach((row, j) => out.push(`${j === 0 ? s.dim('  └ ') : '    '}${row}`));
    if (ok) out.push(...diffRows(diff, width, s));
  });
  return out;
}
