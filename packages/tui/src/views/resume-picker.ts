import type { Thread } from '@codex-ts/protocol';
import type { KeyEvent } from '../input/key-event.js';
import { isDown, isUp } from './key-helpers.js';
import {
  handleTextFieldKey,
  insertText,
  textField,
  textFieldValue,
  type TextFieldState,
} from './text-field.js';
import { handled, unhandled, type KeyResult } from './view-types.js';

/**
 * /resume (and `codex resume`): threads from `thread/list`, newest first. Typing searches
 * (the App re-queries with `searchTerm`), Tab switches between this folder and all folders,
 * moving near the end of the loaded rows asks for the next page, Enter resumes, Esc leaves.
 * Every query carries a `requestId`; a page answering an older query is ignored.
 */
export type ResumeThread = Pick<Thread, 'id' | 'preview' | 'name' | 'updatedAt' | 'cwd'> & {
  /** On the wire (`Thread.gitInfo`) though not in every build of the Thread type. */
  gitInfo?: { branch?: string | null } | null;
};

export interface ResumePickerState {
  /** The folder "this folder" means; null when only "all" makes sense (remote server). */
  cwd: string | null;
  scope: 'cwd' | 'all';
  /** At startup Esc starts a new session; from /resume it closes the picker. */
  startup: boolean;
  rows: ResumeThread[];
  nextCursor: string | null;
  loading: boolean;
  /** The next page (not a new query) is being loaded: its rows are appended. */
  loadingMore: boolean;
  requestId: number;
  error: string | null;
  query: TextFieldState;
  /** Position in the filtered rows (`visibleThreads`). */
  selected: number;
  scrollTop: number;
  maxRows: number;
}

export interface ResumeLoadRequest {
  type: 'load';
  requestId: number;
  /** `thread/list` params: null means absent. */
  searchTerm: string | null;
  cwd: string | null;
  cursor: string | null;
}

export type ResumePickerEffect =
  ResumeLoadRequest | { type: 'resume'; threadId: string } | { type: 'cancel' };

export type ResumePickerResult = KeyResult<ResumePickerState, ResumePickerEffect>;

/** Rows from the end at which moving down asks for the next page. */
export const LOAD_MORE_THRESHOLD = 5;

export interface ResumePickerOptions {
  cwd: string | null;
  showAll?: boolean;
  startup?: boolean;
  maxRows?: number;
}

export function initialResumePickerState(opts: ResumePickerOptions): ResumePickerState {
  return {
    cwd: opts.cwd,
    scope: opts.showAll === true || opts.cwd === null ? 'all' : 'cwd',
    startup: opts.startup ?? false,
    rows: [],
    nextCursor: null,
    loading: true,
    loadingMore: false,
    requestId: 1,
    error: null,
    query: textField(),
    selected: 0,
    scrollTop: 0,
    maxRows: Math.max(1, opts.maxRows ?? 10),
  };
}

/** The query the state is waiting for (the App sends it after opening the picker). */
export function resumePickerRequest(
  state: ResumePickerState,
  cursor: string | null = null,
): ResumeLoadRequest {
  const term = textFieldValue(state.query).trim();
  return {
    type: 'load',
    requestId: state.requestId,
    searchTerm: term === '' ? null : term,
    cwd: state.scope === 'cwd' ? state.cwd : null,
    cursor,
  };
}

export function threadBranch(thread: ResumeThread): string | null {
  const branch = thread.gitInfo?.branch;
  return branch === undefined || branch === null || branch === '' ? null : branch;
}

/** The loaded rows that match the search text (the server filters too; this is instant). */
export function visibleThreads(state: ResumePickerState): ResumeThread[] {
  const needle = textFieldValue(state.query).trim().toLowerCase();
  if (needle === '') return state.rows;
  return state.rows.filter((t) =>
    [t.name ?? '', t.preview, threadBranch(t) ?? '', t.cwd].some((s) =>
      s.toLowerCase().includes(needle),
    ),
  );
}

function clampSelection(state: ResumePickerState): ResumePickerState {
  const n = visibleThreads(state).length;
  const selected = Math.max(0, Math.min(state.selected, n - 1));
  let top = Math.max(0, Math.min(state.scrollTop, n - state.maxRows));
  if (selected < top) top = selected;
  if (selected >= top + state.maxRows) top = selected - state.maxRows + 1;
  return { ...state, selected, scrollTop: top };
}

/** A `thread/list` page arrived for `requestId`. */
export function resumePickerPageLoaded(
  state: ResumePickerState,
  page: { requestId: number; threads: ResumeThread[]; nextCursor: string | null },
): ResumePickerState {
  if (page.requestId !== state.requestId) return state;
  const seen = new Set(state.loadingMore ? state.rows.map((t) => t.id) : []);
  const fresh = page.threads.filter((t) => !seen.has(t.id));
  const rows = state.loadingMore ? [...state.rows, ...fresh] : fresh;
  const next = {
    ...state,
    rows,
    nextCursor: page.nextCursor,
    loading: false,
    loadingMore: false,
    error: null,
  };
  return clampSelection(state.loadingMore ? next : { ...next, selected: 0, scrollTop: 0 });
}

/** The query for `requestId` failed. */
export function resumePickerLoadFailed(
  state: ResumePickerState,
  requestId: number,
  message: string,
): ResumePickerState {
  if (requestId !== state.requestId) return state;
  return { ...state, loading: false, loadingMore: false, error: message };
}

function newQuery(state: ResumePickerState): ResumePickerResult {
  const next = {
    ...state,
    requestId: state.requestId + 1,
    loading: true,
    loadingMore: false,
    error: null,
  };
  return handled(clampSelection(next), resumePickerRequest(next));
}

function move(state: ResumePickerState, delta: number): ResumePickerResult {
  const next = clampSelection({ ...state, selected: state.selected + delta });
  const n = visibleThreads(next).length;
  const nearEnd = n - next.selected <= LOAD_MORE_THRESHOLD;
  if (delta > 0 && nearEnd && next.nextCursor !== null && !next.loading) {
    const loading = { ...next, requestId: next.requestId + 1, loading: true, loadingMore: true };
    return handled(loading, resumePickerRequest(loading, next.nextCursor));
  }
  return handled(next);
}

export function handleResumePickerKey(state: ResumePickerState, e: KeyEvent): ResumePickerResult {
  const { key } = e;
  if (isUp(e)) return move(state, -1);
  if (isDown(e)) return move(state, 1);
  if (key.pageUp) return move(state, -state.maxRows);
  if (key.pageDown) return move(state, state.maxRows);
  if (key.escape) return handled(state, { type: 'cancel' });
  if (key.return) {
    const thread = visibleThreads(state)[state.selected];
    return handled(
      state,
      thread === undefined ? undefined : { type: 'resume', threadId: thread.id },
    );
  }
  if (key.tab) {
    if (state.cwd === null) return handled(state);
    return newQuery({
      ...state,
      scope: state.scope === 'cwd' ? 'all' : 'cwd',
      rows: [],
      nextCursor: null,
      selected: 0,
    });
  }
  const query = handleTextFieldKey(state.query, e);
  if (query === null) return unhandled(state);
  if (textFieldValue(query) === textFieldValue(state.query)) return handled({ ...state, query });
  return newQuery({ ...state, query, selected: 0 });
}

/** Bracketed paste goes into the search box. */
export function handleResumePickerPaste(
  state: ResumePickerState,
  text: string,
): ResumePickerResult {
  return newQuery({ ...state, query: insertText(state.query, text), selected: 0 });
}
