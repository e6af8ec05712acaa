import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

import { displayWidth, graphemes, graphemeWidth } from './graphemes.js';
import type { ElementRange } from './elements.js';
import type { VisualRow } from './layout.js';

/** Pure text helpers for the composer's views. */

const PLAIN = new Chalk({ level: 0 });
const COLORED = new Chalk({ level: 1 });

/** The chalk the views paint with: basic colours, or no escapes at all when colour is off. */
export function paint(color: boolean): ChalkInstance {
  return color ? COLORED : PLAIN;
}

/** A painted line cut to `width` columns (a safety net: the renderers already fit their lines). */
export function clampLine(line: string, width: number): string {
  return stringWidth(line) <= width ? line : sliceAnsi(line, 0, Math.max(0, width));
}

/** `text` cut to `width` columns, ending in `…` when cut. */
export function truncateEnd(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** Code points dropped from the start of `text` so `…` + the rest fits `width` columns (0 when it fits). */
export function leftCut(text: string, width: number): number {
  if (displayWidth(text) <= width) return 0;
  const chars = Array.from(text);
  let used = 1;
  let keep = 0;
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    const w = graphemeWidth(chars[i] as string);
    if (used + w > width) break;
    used += w;
    keep += 1;
  }
  return chars.length - keep;
}

export type SegmentKind = 'text' | 'element' | 'cursor';

export interface RowSegment {
  text: string;
  kind: SegmentKind;
}

/**
 * The styled pieces of one visual row: plain text, placeholder text, and the cursor cell (the
 * grapheme under the cursor, or a space at the end of the row). Tabs are drawn as spaces.
 */
export function rowSegments(
  text: string,
  row: VisualRow,
  cursor: number | null,
  elements: readonly ElementRange[],
): RowSegment[] {
  const segments: RowSegment[] = [];
  const push = (piece: string, kind: SegmentKind): void => {
    const shown = piece.replaceAll('\t', ' ');
    const last = segments[segments.length - 1];
    if (last !== undefined && last.kind === kind && kind !== 'cursor') last.text += shown;
    else segments.push({ text: shown, kind });
  };
  let offset = row.start;
  for (const g of graphemes(text.slice(row.start, row.end))) {
    if (offset === cursor) push(g, 'cursor');
    else {
      const inElement = elements.some((range) => range.start <= offset && offset < range.end);
      push(g, inElement ? 'element' : 'text');
    }
    offset += g.length;
  }
  if (cursor !== null && cursor >= row.end) push(' ', 'cursor');
  return segments;
}

/** The first visible row so that `cursorRow` shows within `maxRows` rows. */
export function scrollStart(rowCount: number, cursorRow: number, maxRows: number): number {
  if (rowCount <= maxRows) return 0;
  return Math.max(0, Math.min(cursorRow - maxRows + 1, rowCount - maxRows));
}

/** Splits `text` into runs of matched / unmatched code points (for highlighting). */
export function highlightRuns(
  text: string,
  indices: readonly number[],
  offset = 0,
): Array<{ text: string; matched: boolean }> {
  const set = new Set(indices);
  const runs: Array<{ text: string; matched: boolean }> = [];
  Array.from(text).forEach((ch, i) => {
    const matched = set.has(i + offset);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.matched === matched) last.text += ch;
    else runs.push({ text: ch, matched });
  });
  return runs;
}
