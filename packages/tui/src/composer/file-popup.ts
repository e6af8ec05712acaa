import type { TextRange } from './text-buffer.js';

/**
 * The `@` file popup. Typing `@` starts a token (from the `@` to the next whitespace); its text
 * is the query the App searches for (the `file-search` effect) and answers through
 * `setFileSearchResults`. Results for an older query are ignored; the list stays on screen
 * while a newer search runs.
 */

/** One search result: a path relative to the search root and the matched character indices. */
export interface FileMatch {
  path: string;
  /** Code-point indices of `path` that matched the query (for highlighting). */
  indices?: readonly number[] | null;
}

export const FILE_POPUP_MAX_RESULTS = 8;

export interface FilePopupState {
  kind: 'file';
  /** The token being completed: `@` through the end of the query. */
  token: TextRange;
  /** The latest query (the token without `@`). */
  query: string;
  /** The query the shown results belong to. */
  resultsQuery: string;
  /** True while a search for `query` is outstanding. */
  waiting: boolean;
  results: readonly FileMatch[];
  selected: number;
}

export interface AtToken extends TextRange {
  query: string;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/** The `@token` the cursor is in or just after, or null. */
export function findAtToken(text: string, cursor: number): AtToken | null {
  let start = cursor;
  while (start > 0 && !isSpace(text[start - 1])) start -= 1;
  let end = cursor;
  while (end < text.length && !isSpace(text[end])) end += 1;
  if (text[start] !== '@') return null;
  return { start, end, query: text.slice(start + 1, end) };
}

/**
 * The popup for `token`, carrying over what `previous` showed; `search` is the query to ask
 * the App for when it changed (never an empty query: `@` alone shows a hint).
 */
export function syncFilePopup(
  previous: FilePopupState | null,
  token: AtToken,
): { popup: FilePopupState; search: string | null } {
  const range = { start: token.start, end: token.end };
  if (previous !== null && previous.query === token.query) {
    return { popup: { ...previous, token: range }, search: null };
  }
  if (token.query === '') {
    const popup: FilePopupState = {
      kind: 'file',
      token: range,
      query: '',
      resultsQuery: '',
      waiting: false,
      results: [],
      selected: 0,
    };
    return { popup, search: null };
  }
  const keep = previous !== null && token.query.startsWith(previous.resultsQuery);
  const popup: FilePopupState = {
    kind: 'file',
    token: range,
    query: token.query,
    resultsQuery: keep ? previous.resultsQuery : '',
    waiting: true,
    results: keep ? previous.results : [],
    selected: keep ? previous.selected : 0,
  };
  return { popup, search: token.query };
}

/** Applies search results; ignored unless they answer the popup's latest query. */
export function applyFileResults(
  popup: FilePopupState,
  query: string,
  results: readonly FileMatch[],
): FilePopupState {
  if (query !== popup.query) return popup;
  return {
    ...popup,
    resultsQuery: query,
    waiting: false,
    results: results.slice(0, FILE_POPUP_MAX_RESULTS),
    selected: 0,
  };
}

export function moveFileSelection(popup: FilePopupState, delta: -1 | 1): FilePopupState {
  if (popup.results.length === 0) return popup;
  const selected = Math.max(0, Math.min(popup.results.length - 1, popup.selected + delta));
  return { ...popup, selected };
}

export function selectedFile(popup: FilePopupState): FileMatch | null {
  return popup.results[popup.selected] ?? null;
}

/** How a chosen path goes into the prompt: double-quoted when it has whitespace. */
export function fileInsertText(path: string): string {
  return /\s/u.test(path) ? `"${path}"` : path;
}
