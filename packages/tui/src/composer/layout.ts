import { displayWidth, graphemeWidth, lineEnd, snapToBoundary } from './graphemes.js';

/**
 * Word wrap of the composer text to a column width, and the cursor's place in it. A visual row
 * is a slice `[start, end)` of the text; rows break after whitespace when a word would overflow
 * and inside a word only when it is longer than the row. A space that overflows a row is not
 * drawn (the next row starts after it); the cursor may then sit one column past the row's last
 * cell, which is why the view reserves one column for it.
 */
export interface VisualRow {
  start: number;
  end: number;
}

export interface TextLayout {
  rows: VisualRow[];
  cursorRow: number;
  cursorCol: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function isSpace(grapheme: string): boolean {
  return grapheme === ' ' || grapheme === '\t';
}

function wrapLine(
  text: string,
  start: number,
  end: number,
  width: number,
  rows: VisualRow[],
): void {
  let rowStart = start;
  let col = 0;
  let lastBreak = -1;
  for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
    const at = start + index;
    const w = graphemeWidth(segment);
    if (col + w > width && at > rowStart) {
      if (isSpace(segment)) {
        rows.push({ start: rowStart, end: at });
        rowStart = at + segment.length;
        col = 0;
        lastBreak = -1;
        continue;
      }
      if (lastBreak > rowStart) {
        rows.push({ start: rowStart, end: lastBreak });
        rowStart = lastBreak;
        col = displayWidth(text.slice(lastBreak, at));
        lastBreak = -1;
      }
      if (col + w > width && at > rowStart) {
        rows.push({ start: rowStart, end: at });
        rowStart = at;
        col = 0;
      }
    }
    col += w;
    if (isSpace(segment)) lastBreak = at + segment.length;
  }
  rows.push({ start: rowStart, end });
}

/** The visual rows of `text` wrapped to `width` columns (at least one row). */
export function wrapRows(text: string, width: number): VisualRow[] {
  const cols = Math.max(1, Math.floor(width));
  const rows: VisualRow[] = [];
  let start = 0;
  for (;;) {
    const end = lineEnd(text, start);
    wrapLine(text, start, end, cols, rows);
    if (end >= text.length) break;
    start = end + 1;
  }
  return rows;
}

/** The row holding `offset`: the last row starting at or before it. */
export function rowIndexOf(rows: readonly VisualRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((rows[mid] as VisualRow).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function layoutText(text: string, cursor: number, width: number): TextLayout {
  const rows = wrapRows(text, width);
  const cursorRow = rowIndexOf(rows, cursor);
  const row = rows[cursorRow] as VisualRow;
  return { rows, cursorRow, cursorCol: displayWidth(text.slice(row.start, cursor)) };
}

/** The offset in `row` whose column is the closest at or before `col`. */
export function offsetAtColumn(text: string, row: VisualRow, col: number): number {
  let acc = 0;
  for (const { segment, index } of segmenter.segment(text.slice(row.start, row.end))) {
    const w = graphemeWidth(segment);
    if (acc + w > col) return row.start + index;
    acc += w;
  }
  return row.end;
}

/**
 * The cursor one visual row up (`-1`) or down (`1`), keeping `preferredCol`; null when the
 * cursor is already on the first (last) row.
 */
export function verticalMove(
  text: string,
  cursor: number,
  width: number,
  direction: -1 | 1,
  preferredCol: number | null,
): { cursor: number; col: number } | null {
  const layout = layoutText(text, cursor, width);
  const target = layout.rows[layout.cursorRow + direction];
  if (target === undefined) return null;
  const col = preferredCol ?? layout.cursorCol;
  return { cursor: snapToBoundary(text, offsetAtColumn(text, target, col)), col };
}
