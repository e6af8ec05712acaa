import type { ChalkInstance } from 'chalk';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { renderTextField } from './text-field.js';
import { truncateToWidth } from './text-layout.js';
import { transcriptPercent, type TranscriptOverlayState } from './transcript-overlay.js';

/** Marks every occurrence of `query` in an ANSI line (the current match line in inverse). */
export function highlightLine(
  line: string,
  query: string,
  style: ChalkInstance,
  current: boolean,
): string {
  if (query === '' || style.level === 0) return line;
  const plain = stripAnsi(line);
  const hay = plain.toLowerCase();
  const needle = query.toLowerCase();
  const paint = current ? style.inverse : style.bgYellow.black;
  let out = '';
  let col = 0;
  let from = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    const startCol = stringWidth(plain.slice(0, at));
    const endCol = startCol + stringWidth(plain.slice(at, at + needle.length));
    out += sliceAnsi(line, col, startCol) + paint(plain.slice(at, at + needle.length));
    col = endCol;
    from = at + needle.length;
  }
  return from === 0 ? line : out + sliceAnsi(line, col);
}

function rule(width: number, label: string, style: ChalkInstance, right: boolean): string {
  const text = truncateToWidth(label, Math.max(0, width - 2));
  const fill = '─'.repeat(Math.max(0, width - stringWidth(text) - 1));
  return style.dim(right ? `${fill}${text}─` : `─${text}${fill}`);
}

function hintLine(state: TranscriptOverlayState, width: number, style: ChalkInstance): string {
  const { search } = state;
  if (search.typing) {
    return (
      style.cyan('/') +
      renderTextField(search.field, {
        width: width - 1,
        style,
        placeholder: 'search the transcript',
      })
    );
  }
  const keys = '↑/↓ scroll · PgUp/PgDn page · Home/End · / search · q close';
  if (search.query === '') return style.dim(truncateToWidth(keys, width));
  const found =
    search.matches.length === 0
      ? `no match for "${search.query}"`
      : `match ${search.current + 1}/${search.matches.length} · n/N next/prev`;
  return style.dim(truncateToWidth(`${found} · / search · q close`, width));
}

/** Header, `height` body rows, the position bar and the key hints: always height + 3 rows. */
export function transcriptOverlayLines(
  state: TranscriptOverlayState,
  width: number,
  style: ChalkInstance,
): string[] {
  const out = [rule(width, ' Transcript ', style, false)];
  const currentLine = state.search.matches[state.search.current];
  for (let row = 0; row < state.height; row++) {
    const index = state.top + row;
    const line = state.lines[index];
    if (line === undefined) {
      out.push('');
      continue;
    }
    const fitted = stringWidth(line) > width ? sliceAnsi(line, 0, width) : line;
    out.push(highlightLine(fitted, state.search.query, style, index === currentLine));
  }
  out.push(rule(width, ` ${transcriptPercent(state)}% `, style, true));
  out.push(hintLine(state, width, style));
  return out;
}
