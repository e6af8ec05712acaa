import type { ComposerElement } from './elements.js';

/** What the composer holds: text, cursor and the placeholders in the text. */
export interface ComposerDraft {
  text: string;
  cursor: number;
  elements: readonly ComposerElement[];
}

/**
 * Shell-style prompt history: the persistent entries (`$CODEX_HOME/history.jsonl`, oldest
 * first, given by the App) followed by this session's submissions. Up walks to older entries,
 * Down to newer ones; the draft the user was typing is kept aside while browsing and comes back
 * when Down walks past the newest entry. Editing a recalled entry does not touch the draft.
 */
export interface ComposerHistory {
  persistent: readonly string[];
  /** This session's submissions, oldest first (with their placeholders, so pastes survive). */
  session: readonly ComposerDraft[];
  /** The entry shown while browsing (index over persistent + session), null when not browsing. */
  index: number | null;
  /** The composer's content when browsing started. */
  draft: ComposerDraft | null;
}

export function initialHistory(persistent: readonly string[] = []): ComposerHistory {
  return { persistent, session: [], index: null, draft: null };
}

export function historyLength(history: ComposerHistory): number {
  return history.persistent.length + history.session.length;
}

/** Entry `index` (0 = oldest) as a draft with the cursor at its end. */
export function historyEntry(history: ComposerHistory, index: number): ComposerDraft | null {
  if (index < 0) return null;
  if (index < history.persistent.length) {
    const text = history.persistent[index] as string;
    return { text, cursor: text.length, elements: [] };
  }
  const entry = history.session[index - history.persistent.length];
  return entry === undefined ? null : { ...entry, cursor: entry.text.length };
}

/** Stops browsing (after a submit or when the App replaces the text). */
export function resetBrowsing(history: ComposerHistory): ComposerHistory {
  if (history.index === null && history.draft === null) return history;
  return { ...history, index: null, draft: null };
}

/** Adds a submission (not when it repeats the newest entry) and stops browsing. */
export function recordSubmission(history: ComposerHistory, entry: ComposerDraft): ComposerHistory {
  const reset = resetBrowsing(history);
  if (entry.text.trim() === '') return reset;
  const newest = historyEntry(reset, historyLength(reset) - 1);
  if (newest?.text === entry.text) return reset;
  return { ...reset, session: [...reset.session, { ...entry, cursor: entry.text.length }] };
}

export interface HistoryStep {
  history: ComposerHistory;
  draft: ComposerDraft;
}

/** One entry older; null at the oldest entry (or with no history). */
export function historyUp(history: ComposerHistory, current: ComposerDraft): HistoryStep | null {
  const length = historyLength(history);
  if (length === 0) return null;
  const index = history.index === null ? length - 1 : history.index - 1;
  const draft = historyEntry(history, index);
  if (draft === null) return null;
  return { history: { ...history, index, draft: history.draft ?? current }, draft };
}

/** One entry newer; past the newest, the saved draft; null when not browsing. */
export function historyDown(history: ComposerHistory): HistoryStep | null {
  if (history.index === null) return null;
  const index = history.index + 1;
  if (index >= historyLength(history)) {
    const draft = history.draft ?? { text: '', cursor: 0, elements: [] };
    return { history: { ...history, index: null, draft: null }, draft };
  }
  const draft = historyEntry(history, index);
  if (draft === null) return null;
  return { history: { ...history, index }, draft };
}

/** Case-insensitive search for `query` from entry `from` (inclusive) toward older or newer entries. */
export function searchHistory(
  history: ComposerHistory,
  query: string,
  from: number,
  direction: 'older' | 'newer',
  skipText?: string,
): number | null {
  const needle = query.toLowerCase();
  const step = direction === 'older' ? -1 : 1;
  const length = historyLength(history);
  for (let index = from; index >= 0 && index < length; index += step) {
    const text =
      index < history.persistent.length
        ? (history.persistent[index] as string)
        : (history.session[index - history.persistent.length] as ComposerDraft).text;
    if (text !== skipText && text.toLowerCase().includes(needle)) return index;
  }
  return null;
}
