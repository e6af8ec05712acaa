import stripAnsi from 'strip-ansi';
import type { KeyEvent } from '../input/key-event.js';
import { isCtrl, isDown, isPlain, isUp } from './key-helpers.js';
import {
  handleTextFieldKey,
  textField,
  textFieldValue,
  type TextFieldState,
} from './text-field.js';
import { handled, unhandled, type KeyResult } from './view-types.js';

/**
 * The Ctrl+T transcript overlay: a pager over the transcript lines the App already rendered.
 * Up/Down/j/k, PgUp/PgDn/space, Home/End/g/G scroll; `/` searches (Enter runs it), n/N jump
 * to the next/previous matching line; q, Esc or Ctrl+T close.
 */
export interface TranscriptSearch {
  /** The `/` prompt is open. */
  typing: boolean;
  field: TextFieldState;
  /** The search that ran last ('' = none). */
  query: string;
  /** Indices of the lines that contain `query`. */
  matches: number[];
  /** Position in `matches` of the current one (-1: none). */
  current: number;
}

export interface TranscriptOverlayState {
  lines: string[];
  /** Body rows shown (terminal rows minus TRANSCRIPT_CHROME_ROWS). */
  height: number;
  top: number;
  search: TranscriptSearch;
}

export type TranscriptOverlayEffect = { type: 'close' };
export type TranscriptOverlayResult = KeyResult<TranscriptOverlayState, TranscriptOverlayEffect>;

/** Rows the overlay draws besides the body: header, position bar, key hints. */
export const TRANSCRIPT_CHROME_ROWS = 3;

const NO_SEARCH: TranscriptSearch = {
  typing: false,
  field: textField(),
  query: '',
  matches: [],
  current: -1,
};

function maxTop(state: Pick<TranscriptOverlayState, 'lines' | 'height'>): number {
  return Math.max(0, state.lines.length - state.height);
}

function scrollTo(state: TranscriptOverlayState, top: number): TranscriptOverlayState {
  return { ...state, top: Math.max(0, Math.min(maxTop(state), top)) };
}

/** One entry per terminal row: a line holding newlines becomes several. */
function splitRows(lines: string[]): string[] {
  return lines.some((l) => l.includes('\n')) ? lines.flatMap((l) => l.split('\n')) : lines;
}

/** Opens at the end of the transcript, like the live view it covers. */
export function initialTranscriptOverlayState(
  lines: string[],
  height: number,
): TranscriptOverlayState {
  lines = splitRows(lines);
  const h = Math.max(1, height);
  return { lines, height: h, top: Math.max(0, lines.length - h), search: NO_SEARCH };
}

/** The transcript grew (or was re-rendered): keeps the bottom pinned if it was at the bottom. */
export function setTranscriptLines(
  state: TranscriptOverlayState,
  lines: string[],
): TranscriptOverlayState {
  lines = splitRows(lines);
  const atEnd = state.top >= maxTop(state);
  const next = { ...state, lines, search: withMatches(state.search, lines) };
  return scrollTo(next, atEnd ? maxTop(next) : state.top);
}

/** The terminal was resized. */
export function setTranscriptHeight(
  state: TranscriptOverlayState,
  height: number,
): TranscriptOverlayState {
  return scrollTo({ ...state, height: Math.max(1, height) }, state.top);
}

export function findMatches(lines: string[], query: string): number[] {
  const needle = query.toLowerCase();
  if (needle === '') return [];
  return lines.flatMap((line, i) => (stripAnsi(line).toLowerCase().includes(needle) ? [i] : []));
}

function withMatches(search: TranscriptSearch, lines: string[]): TranscriptSearch {
  if (search.query === '') return search;
  const matches = findMatches(lines, search.query);
  return { ...search, matches, current: Math.min(search.current, matches.length - 1) };
}

function showMatch(state: TranscriptOverlayState, current: number): TranscriptOverlayState {
  const line = state.search.matches[current];
  const next = { ...state, search: { ...state.search, current } };
  if (line === undefined) return next;
  const visible = line >= state.top && line < state.top + state.height;
  return visible ? next : scrollTo(next, line - Math.floor(state.height / 3));
}

function runSearch(state: TranscriptOverlayState): TranscriptOverlayState {
  const query = textFieldValue(state.search.field);
  if (query.trim() === '') return { ...state, search: NO_SEARCH };
  const matches = findMatches(state.lines, query);
  const first = matches.findIndex((line) => line >= state.top);
  const searched = {
    ...state,
    search: { ...state.search, typing: false, query, matches, current: -1 },
  };
  return matches.length === 0 ? searched : showMatch(searched, first >= 0 ? first : 0);
}

function handleTyping(state: TranscriptOverlayState, e: KeyEvent): TranscriptOverlayResult {
  if (e.key.escape) return handled({ ...state, search: { ...state.search, typing: false } });
  if (e.key.return) return handled(runSearch(state));
  const field = handleTextFieldKey(state.search.field, e);
  return field === null
    ? unhandled(state)
    : handled({ ...state, search: { ...state.search, field } });
}

function jump(state: TranscriptOverlayState, delta: 1 | -1): TranscriptOverlayState {
  const n = state.search.matches.length;
  if (n === 0) return state;
  return showMatch(state, (state.search.current + delta + n) % n);
}

export function handleTranscriptOverlayKey(
  state: TranscriptOverlayState,
  e: KeyEvent,
): TranscriptOverlayResult {
  if (state.search.typing) return handleTyping(state, e);
  const { key } = e;
  if (key.escape || isPlain(e, 'q') || isCtrl(e, 't')) return handled(state, { type: 'close' });
  if (isUp(e) || isPlain(e, 'k')) return handled(scrollTo(state, state.top - 1));
  if (isDown(e) || isPlain(e, 'j') || key.return) return handled(scrollTo(state, state.top + 1));
  if (key.pageUp || isCtrl(e, 'b') || isPlain(e, 'b'))
    return handled(scrollTo(state, state.top - state.height));
  if (key.pageDown || isPlain(e, ' ') || isCtrl(e, 'f'))
    return handled(scrollTo(state, state.top + state.height));
  if (isCtrl(e, 'u')) return handled(scrollTo(state, state.top - Math.ceil(state.height / 2)));
  if (isCtrl(e, 'd')) return handled(scrollTo(state, state.top + Math.ceil(state.height / 2)));
  if (key.home || isPlain(e, 'g')) return handled(scrollTo(state, 0));
  if (key.end || isPlain(e, 'G')) return handled(scrollTo(state, maxTop(state)));
  if (isPlain(e, '/'))
    return handled({ ...state, search: { ...state.search, typing: true, field: textField() } });
  if (isPlain(e, 'n')) return handled(jump(state, 1));
  if (isPlain(e, 'N')) return handled(jump(state, -1));
  return unhandled(state);
}

/** How far down the view is: the share of lines up to the last one shown. */
export function transcriptPercent(state: TranscriptOverlayState): number {
  const total = state.lines.length;
  if (total <= state.height) return 100;
  return Math.round((Math.min(state.top + state.height, total) / total) * 100);
}
