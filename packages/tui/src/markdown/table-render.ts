import type { Tokens } from 'marked';
import { renderInline } from './inline-render.js';
import type { Style } from './style.js';
import { padEndTo, widthOf, wrapWords } from './wrap.js';

const GAP = 2;

type Align = 'left' | 'center' | 'right' | null;

function align(text: string, width: number, how: Align): string {
  const room = Math.max(0, width - widthOf(text));
  if (how === 'right') return ' '.repeat(room) + text;
  if (how === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  }
  return padEndTo(text, width);
}

/** Column widths: natural widths, the widest narrowed one column at a time until they fit. */
function columnWidths(cells: string[][], columns: number, width: number): number[] {
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...cells.map((row) => widthOf(row[c] ?? ''))),
  );
  const available = Math.max(columns, width - GAP * (columns - 1));
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > available) {
    const widest = widths.indexOf(Math.max(...widths));
    const current = widths[widest] ?? 1;
    if (current <= 1) break;
    const second = Math.max(0, ...widths.filter((_, i) => i !== widest));
    const step = Math.max(1, Math.min(total - available, current - second));
    widths[widest] = current - step;
    total -= step;
  }
  return widths;
}

function renderRow(cells: string[], widths: number[], aligns: Align[]): string[] {
  const wrapped = widths.map((w, c) => wrapWords(cells[c] ?? '', w));
  const height = Math.max(1, ...wrapped.map((lines) => lines.length));
  const out: string[] = [];
  for (let i = 0; i < height; i++) {
    const parts = widths.map((w, c) => align(wrapped[c]?.[i] ?? '', w, aligns[c] ?? null));
    out.push(parts.join(' '.repeat(GAP)).trimEnd());
  }
  return out;
}

/**
 * A GFM table as aligned columns without borders: a bold header row, a `━` rule under each
 * column, then the rows. Cells that do not fit their column wrap inside it.
 */
export function renderTable(token: Tokens.Table, width: number, style: Style): string[] {
  const header = token.header.map((cell) => renderInline(cell.tokens, style).replace(/\n/g, ' '));
  const rows = token.rows.map((row) =>
    row.map((cell) => renderInline(cell.tokens, style).replace(/\n/g, ' ')),
  );
  const columns = Math.max(header.length, ...rows.map((r) => r.length));
  const widths = columnWidths([header, ...rows], columns, width);
  const aligns = token.align as Align[];
  const out = renderRow(
    header.map((h) => style.bold(h)),
    widths,
    aligns,
  );
  out.push(style.dim(widths.map((w) => '━'.repeat(w)).join(' '.repeat(GAP))));
  for (const row of rows) out.push(...renderRow(row, widths, aligns));
  return out;
}
