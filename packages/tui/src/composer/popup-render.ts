import type { ChalkInstance } from 'chalk';

import type { FilePopupState } from './file-popup.js';
import { displayWidth } from './graphemes.js';
import type { HistorySearchState } from './history-search.js';
import { SLASH_POPUP_MAX_ROWS } from './slash-popup.js';
import type { SlashPopupState } from './slash-popup.js';
import { highlightRuns, leftCut, scrollStart, truncateEnd } from './view-text.js';

/**
 * The popups under the composer as terminal lines (each at most `width` columns): `@` files,
 * `/` commands, and the Ctrl+R search line.
 */

const MARKER = '› ';
const NO_MARKER = '  ';

function highlighted(
  style: ChalkInstance,
  text: string,
  indices: readonly number[],
  offset = 0,
): string {
  return highlightRuns(text, indices, offset)
    .map((run) => (run.matched ? style.bold(run.text) : run.text))
    .join('');
}

function hint(style: ChalkInstance, text: string, width: number): string[] {
  return [NO_MARKER + style.dim.italic(truncateEnd(text, width - NO_MARKER.length))];
}

/** Up to 8 paths (long ones cut from the left), matched characters in bold, the selection marked. */
export function filePopupLines(
  popup: FilePopupState,
  width: number,
  style: ChalkInstance,
): string[] {
  if (popup.results.length === 0) {
    const text =
      popup.query === '' ? 'type to search for files' : popup.waiting ? 'searching…' : 'no matches';
    return hint(style, text, width);
  }
  const room = Math.max(1, width - MARKER.length);
  return popup.results.map((match, index) => {
    const selected = index === popup.selected;
    const cut = leftCut(match.path, room);
    const shown = Array.from(match.path).slice(cut).join('');
    const body = (cut > 0 ? '…' : '') + highlighted(style, shown, match.indices ?? [], cut);
    return selected ? style.cyan(MARKER + body) : NO_MARKER + body;
  });
}

/** Matching commands as `/name  description`, the selection marked; scrolls past 8 rows. */
export function slashPopupLines(
  popup: SlashPopupState,
  width: number,
  style: ChalkInstance,
): string[] {
  if (popup.matches.length === 0) return hint(style, 'no matching commands', width);
  const start = scrollStart(popup.matches.length, popup.selected, SLASH_POPUP_MAX_ROWS);
  const visible = popup.matches.slice(start, start + SLASH_POPUP_MAX_ROWS);
  const longest = Math.max(...popup.matches.map((match) => displayWidth(match.command.name)));
  const room = Math.max(2, width - MARKER.length);
  const nameColumn = Math.min(longest + 3, Math.max(2, Math.floor(room / 2)));
  return visible.map((match, i) => {
    const selected = start + i === popup.selected;
    const name = truncateEnd(`/${match.command.name}`, nameColumn - 1);
    const nameText = highlighted(
      style,
      name,
      match.indices.map((at) => at + 1),
    );
    const pad = ' '.repeat(Math.max(1, nameColumn - displayWidth(name)));
    const description = truncateEnd(match.command.description, room - nameColumn);
    if (selected) return style.cyan(MARKER + nameText) + pad + description;
    return NO_MARKER + nameText + pad + style.dim(description);
  });
}

/** `reverse-i-search: query` and where the search stands. */
export function historySearchLine(
  search: HistorySearchState,
  width: number,
  style: ChalkInstance,
): string {
  const label = 'reverse-i-search: ';
  const room = Math.max(2, width - NO_MARKER.length - label.length);
  const query = truncateEnd(search.query, room - 1);
  const left = room - 1 - displayWidth(query);
  const status =
    search.status === 'match'
      ? style.dim(truncateEnd('  ⏎ accept · esc cancel', left))
      : search.status === 'no-match'
        ? style.red(truncateEnd('  no match', left))
        : '';
  return NO_MARKER + style.dim(label) + style.cyan(query) + style.inverse(' ') + status;
}
