import type { KeyEvent } from '../input/key-event.js';
import { digitPressed, isDown, isPlain, isUp } from './key-helpers.js';
import {
  handleTextFieldKey,
  insertText,
  textField,
  textFieldValue,
  type TextFieldState,
} from './text-field.js';
import { handled, unhandled, type KeyResult } from './view-types.js';

/**
 * A generic pick-one list (the /model, /approvals, ... popups and the approval choices): a title,
 * optional subtitle and search box, numbered rows with descriptions, a scrolling window.
 */
export interface SelectionItem<T> {
  label: string;
  description?: string;
  disabled?: boolean;
  /** The setting's present value: shown as "(current)" and selected at first. */
  current?: boolean;
  /** Extra text the search box matches besides the label. */
  searchValue?: string;
  value: T;
}

export interface ListSelectionOptions<T> {
  title: string;
  subtitle?: string | null;
  items: SelectionItem<T>[];
  /** Typing filters the items (then j/k and digits are typed, not shortcuts). */
  searchable?: boolean;
  searchPlaceholder?: string;
  /** Rows shown at once before the list scrolls. Default 8. */
  maxRows?: number;
  footer?: string | null;
  /** Index into `items` selected at first (default: the current item, else the first enabled). */
  initialIndex?: number;
}

export interface ListSelectionState<T> {
  title: string;
  subtitle: string | null;
  footer: string | null;
  items: SelectionItem<T>[];
  searchable: boolean;
  searchPlaceholder: string;
  maxRows: number;
  search: TextFieldState;
  /** Indices into `items` that match the search, in order. */
  visible: number[];
  /** Position in `visible` of the highlighted row; -1 when nothing is visible. */
  selected: number;
  /** Position in `visible` of the first row shown. */
  scrollTop: number;
}

export type ListSelectionEffect<T> =
  { type: 'choose'; index: number; item: SelectionItem<T> } | { type: 'cancel' };

export type ListSelectionResult<T> = KeyResult<ListSelectionState<T>, ListSelectionEffect<T>>;

export const DEFAULT_MAX_ROWS = 8;
export const DEFAULT_LIST_FOOTER = 'Press enter to confirm or esc to go back';

export function initialListSelectionState<T>(opts: ListSelectionOptions<T>): ListSelectionState<T> {
  const items = opts.items;
  const visible = items.map((_, i) => i);
  const firstEnabled = items.findIndex((item) => !item.disabled);
  const current = items.findIndex((item) => item.current === true && !item.disabled);
  const wanted = opts.initialIndex ?? (current >= 0 ? current : firstEnabled);
  const state: ListSelectionState<T> = {
    title: opts.title,
    subtitle: opts.subtitle ?? null,
    footer: opts.footer === undefined ? DEFAULT_LIST_FOOTER : opts.footer,
    items,
    searchable: opts.searchable ?? false,
    searchPlaceholder: opts.searchPlaceholder ?? 'Type to search',
    maxRows: Math.max(1, opts.maxRows ?? DEFAULT_MAX_ROWS),
    search: textField(),
    visible,
    selected: wanted >= 0 && wanted < items.length ? wanted : -1,
    scrollTop: 0,
  };
  return withScroll(state);
}

/** The highlighted item, or null. */
export function selectedItem<T>(state: ListSelectionState<T>): SelectionItem<T> | null {
  const index = state.visible[state.selected];
  return index === undefined ? null : (state.items[index] ?? null);
}

function withScroll<T>(state: ListSelectionState<T>): ListSelectionState<T> {
  const { selected, maxRows } = state;
  let top = Math.min(state.scrollTop, Math.max(0, state.visible.length - maxRows));
  if (selected >= 0) {
    if (selected < top) top = selected;
    if (selected >= top + maxRows) top = selected - maxRows + 1;
  }
  return top === state.scrollTop ? state : { ...state, scrollTop: Math.max(0, top) };
}

function isEnabledAt<T>(state: ListSelectionState<T>, pos: number): boolean {
  const index = state.visible[pos];
  return index !== undefined && state.items[index]?.disabled !== true;
}

/** Moves by `delta` rows (wrapping at the ends for single steps), skipping disabled rows. */
export function moveSelection<T>(
  state: ListSelectionState<T>,
  delta: number,
): ListSelectionState<T> {
  const n = state.visible.length;
  if (n === 0) return state;
  const wrap = Math.abs(delta) === 1;
  let pos = state.selected < 0 ? (delta > 0 ? -1 : n) : state.selected;
  for (let step = 0; step < n; step++) {
    let next = pos + (step === 0 ? delta : Math.sign(delta));
    if (wrap) next = (next + n) % n;
    else next = Math.max(0, Math.min(n - 1, next));
    if (isEnabledAt(state, next)) return withScroll({ ...state, selected: next });
    if (!wrap && (next === 0 || next === n - 1)) break;
    pos = next;
  }
  return state;
}

function choose<T>(state: ListSelectionState<T>, pos: number): ListSelectionResult<T> {
  const index = state.visible[pos];
  const item = index === undefined ? undefined : state.items[index];
  if (index === undefined || item === undefined || item.disabled === true) return handled(state);
  return handled(withScroll({ ...state, selected: pos }), { type: 'choose', index, item });
}

function matches<T>(item: SelectionItem<T>, needle: string): boolean {
  if (needle === '') return true;
  const hay = `${item.label} ${item.searchValue ?? ''}`.toLowerCase();
  return hay.includes(needle);
}

function withSearch<T>(
  state: ListSelectionState<T>,
  search: TextFieldState,
): ListSelectionState<T> {
  const needle = textFieldValue(search).trim().toLowerCase();
  const keep = selectedItem(state);
  const visible = state.items.flatMap((item, i) => (matches(item, needle) ? [i] : []));
  const kept = keep === null ? -1 : visible.findIndex((i) => state.items[i] === keep);
  const next: ListSelectionState<T> = { ...state, search, visible, selected: kept, scrollTop: 0 };
  if (kept >= 0) return withScroll(next);
  const first = visible.findIndex((i) => state.items[i]?.disabled !== true);
  return withScroll({ ...next, selected: first });
}

export function handleListSelectionKey<T>(
  state: ListSelectionState<T>,
  e: KeyEvent,
): ListSelectionResult<T> {
  const { key } = e;
  const letters = !state.searchable;
  if (isUp(e) || (letters && isPlain(e, 'k'))) return handled(moveSelection(state, -1));
  if (isDown(e) || (letters && isPlain(e, 'j'))) return handled(moveSelection(state, 1));
  if (key.pageUp) return handled(moveSelection(state, -state.maxRows));
  if (key.pageDown) return handled(moveSelection(state, state.maxRows));
  if (key.return) return choose(state, state.selected);
  if (key.escape) return handled(state, { type: 'cancel' });
  if (letters) {
    const digit = digitPressed(e);
    if (digit !== null && digit <= state.visible.length) return choose(state, digit - 1);
    return unhandled(state);
  }
  const search = handleTextFieldKey(state.search, e);
  return search === null ? unhandled(state) : handled(withSearch(state, search));
}

/** Bracketed paste: goes into the search box when there is one. */
export function handleListSelectionPaste<T>(
  state: ListSelectionState<T>,
  text: string,
): ListSelectionState<T> {
  return state.searchable ? withSearch(state, insertText(state.search, text)) : state;
}
