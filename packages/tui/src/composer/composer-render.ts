import type { ChalkInstance } from 'chalk';

import type { ComposerState } from './composer-state.js';
import { elementRanges } from './elements.js';
import { displayWidth, graphemes } from './graphemes.js';
import { layoutText } from './layout.js';
import { filePopupLines, historySearchLine, slashPopupLines } from './popup-render.js';
import { clampLine, paint, rowSegments, scrollStart, truncateEnd } from './view-text.js';
import type { RowSegment } from './view-text.js';

/**
 * The composer as terminal lines: a `› ` prompt with the wrapped text (the cursor an inverse
 * cell, placeholders in cyan), a dim hint when empty, then the open popup / search line, or a
 * footer of key hints.
 */

const PROMPT = '› ';
const INDENT = '  ';
export const DEFAULT_COMPOSER_PLACEHOLDER = 'Ask Codex to do anything';
const DEFAULT_MAX_ROWS = 10;

export interface ComposerRenderOptions {
  /** Columns available; no line is wider. */
  width: number;
  /** Draw the cursor (default true). */
  focused?: boolean;
  /** Dim hint shown when the composer is empty. */
  placeholder?: string;
  /** Text rows shown at most; the view scrolls to keep the cursor visible (default 10). */
  maxRows?: number;
  /** Footer line under the input; null hides it (default: key hints). */
  footer?: string | null;
  /** Show the open popup / search line in place of the footer (default true). */
  showPopups?: boolean;
  /** False: no ANSI escapes at all (NO_COLOR, tests). Default true. */
  color?: boolean;
}

/** Columns the text wraps at in a composer `width` columns wide (prompt + a cell for the cursor). */
export function composerTextWidth(width: number): number {
  return Math.max(1, width - PROMPT.length - 1);
}

/** The key hints that fit in `width` columns. */
export function composerHint(taskRunning: boolean, width: number): string {
  const items = taskRunning
    ? ['⏎ send', '⇥ queue', '⇧⏎ newline', '/ commands', '@ files', '! shell']
    : ['⏎ send', '⇧⏎ newline', '/ commands', '@ files', '! shell'];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line}  ${item}`;
    if (displayWidth(next) > width) break;
    line = next;
  }
  return line;
}

function paintSegment(style: ChalkInstance, segment: RowSegment): string {
  if (segment.kind === 'cursor') return style.inverse(segment.text);
  if (segment.kind === 'element') return style.cyan(segment.text);
  return segment.text;
}

function placeholderLine(
  style: ChalkInstance,
  text: string,
  width: number,
  focused: boolean,
): string {
  const [first = ' ', ...rest] = graphemes(truncateEnd(text, composerTextWidth(width)));
  const cursor = focused ? style.inverse(first) : style.dim(first);
  return style.bold(PROMPT) + cursor + style.dim(rest.join(''));
}

/** Where the visible text starts and which rows show (shared by the lines and the cursor). */
function visibleRows(state: ComposerState, width: number, maxRows: number) {
  const layout = layoutText(state.buffer.text, state.buffer.cursor, composerTextWidth(width));
  const rows = Math.max(1, maxRows);
  const start = scrollStart(layout.rows.length, layout.cursorRow, rows);
  return { layout, start, rows: layout.rows.slice(start, start + rows) };
}

function footerLines(
  state: ComposerState,
  options: ComposerRenderOptions,
  style: ChalkInstance,
): string[] {
  const { width, showPopups = true } = options;
  if (showPopups && state.search !== null) return [historySearchLine(state.search, width, style)];
  if (showPopups && state.popup?.kind === 'file') return filePopupLines(state.popup, width, style);
  if (showPopups && state.popup?.kind === 'slash')
    return slashPopupLines(state.popup, width, style);
  if (options.footer === null) return [];
  const room = width - INDENT.length;
  const text = options.footer ?? composerHint(state.taskRunning, room);
  return text === '' ? [] : [INDENT + style.dim(truncateEnd(text, room))];
}

export function composerLines(state: ComposerState, options: ComposerRenderOptions): string[] {
  const { width, focused = true, maxRows = DEFAULT_MAX_ROWS } = options;
  const style = paint(options.color ?? true);
  const { text, cursor } = state.buffer;
  const lines: string[] = [];
  if (text === '' && state.elements.length === 0) {
    const placeholder = options.placeholder ?? DEFAULT_COMPOSER_PLACEHOLDER;
    lines.push(placeholderLine(style, placeholder, width, focused));
  } else {
    const { layout, start, rows } = visibleRows(state, width, maxRows);
    const ranges = elementRanges(text, state.elements);
    rows.forEach((row, i) => {
      const index = start + i;
      const rowCursor = focused && index === layout.cursorRow ? cursor : null;
      const body = rowSegments(text, row, rowCursor, ranges)
        .map((segment) => paintSegment(style, segment))
        .join('');
      lines.push((index === 0 ? style.bold(PROMPT) : INDENT) + body);
    });
  }
  lines.push(...footerLines(state, options, style));
  return lines.map((line) => clampLine(line, width));
}

/**
 * The cursor's cell within `composerLines` (row from the top, column), for placing the
 * terminal's own cursor (IME support); null when the Ctrl+R search line has the focus.
 */
export function composerCursor(
  state: ComposerState,
  options: Pick<ComposerRenderOptions, 'width' | 'maxRows'>,
): { row: number; col: number } | null {
  if (state.search !== null) return null;
  const { layout, start } = visibleRows(state, options.width, options.maxRows ?? DEFAULT_MAX_ROWS);
  return { row: layout.cursorRow - start, col: PROMPT.length + layout.cursorCol };
}
