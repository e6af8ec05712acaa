import type { KeyEvent } from '../input/key-event.js';
import { applyDraft, composerDraft } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { prevBoundary } from './graphemes.js';
import { historyEntry, historyLength, resetBrowsing, searchHistory } from './history.js';
import type { ComposerDraft } from './history.js';
import { isBackspace, isCtrl, typedText } from './key-match.js';

/**
 * Ctrl+R reverse incremental search over the prompt history. While it is active the search line
 * takes the keys: typing edits the query, Ctrl+R (or Up) finds an older match, Ctrl+S (or Down)
 * a newer one, Enter accepts the match into the composer, Esc cancels and restores the draft.
 * The composer previews the current match.
 */
export interface HistorySearchState {
  query: string;
  /** History index of the previewed match. */
  match: number | null;
  status: 'idle' | 'match' | 'no-match';
  /** The composer content before the search, restored on cancel or when nothing matches. */
  original: ComposerDraft;
}

export function beginHistorySearch(state: ComposerState): ComposerState {
  const search: HistorySearchState = {
    query: '',
    match: null,
    status: 'idle',
    original: composerDraft(state),
  };
  return { ...state, search, popup: null, history: resetBrowsing(state.history) };
}

function withSearch(state: ComposerState, search: HistorySearchState): ComposerState {
  return { ...state, search };
}

function preview(state: ComposerState, search: HistorySearchState, index: number): ComposerState {
  const draft = historyEntry(state.history, index);
  if (draft === null) return state;
  return applyDraft(withSearch(state, { ...search, match: index, status: 'match' }), draft);
}

function setQuery(state: ComposerState, search: HistorySearchState, query: string): ComposerState {
  const restored = applyDraft(state, search.original);
  if (query === '') return withSearch(restored, { ...search, query, match: null, status: 'idle' });
  const next = { ...search, query };
  const found = searchHistory(state.history, query, historyLength(state.history) - 1, 'older');
  if (found === null) return withSearch(restored, { ...next, match: null, status: 'no-match' });
  return preview(restored, next, found);
}

function step(
  state: ComposerState,
  search: HistorySearchState,
  direction: 'older' | 'newer',
): ComposerState {
  if (search.query === '') return state;
  const length = historyLength(state.history);
  const current = search.match === null ? null : historyEntry(state.history, search.match);
  const from =
    search.match === null
      ? direction === 'older'
        ? length - 1
        : length
      : search.match + (direction === 'older' ? -1 : 1);
  const found = searchHistory(state.history, search.query, from, direction, current?.text);
  return found === null ? state : preview(state, search, found);
}

function cancel(state: ComposerState, search: HistorySearchState): ComposerState {
  return { ...applyDraft(state, search.original), search: null };
}

/** Keys while the search is active: all are taken (it is modal). */
export function handleHistorySearchKey(state: ComposerState, event: KeyEvent): ComposerKeyResult {
  const search = state.search;
  if (search === null) return { state, handled: false };
  const done = (next: ComposerState): ComposerKeyResult => ({ state: next, handled: true });
  const { key } = event;
  if (isCtrl(event, 'r') || key.upArrow) return done(step(state, search, 'older'));
  if (isCtrl(event, 's') || key.downArrow) return done(step(state, search, 'newer'));
  if (key.escape || isCtrl(event, 'c') || isCtrl(event, 'g')) return done(cancel(state, search));
  if (key.return) {
    if (search.status !== 'match') return done(state);
    const text = state.buffer.text;
    return done({ ...state, search: null, buffer: { text, cursor: text.length } });
  }
  if (isBackspace(event)) {
    return done(
      setQuery(
        state,
        search,
        search.query.slice(0, prevBoundary(search.query, search.query.length)),
      ),
    );
  }
  if (isCtrl(event, 'u')) return done(setQuery(state, search, ''));
  const typed = typedText(event);
  if (typed !== null)
    return done(setQuery(state, search, search.query + typed.replaceAll('\n', ' ')));
  return done(state);
}

/** Text pasted while the search is active goes into the query. */
export function appendToSearchQuery(state: ComposerState, text: string): ComposerState {
  const search = state.search;
  if (search === null) return state;
  return setQuery(state, search, search.query + text.replace(/\s+/gu, ' '));
}
