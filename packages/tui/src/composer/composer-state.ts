import { atomsOf, pruneElements } from './elements.js';
import type { ComposerElement } from './elements.js';
import { findAtToken, syncFilePopup } from './file-popup.js';
import type { FilePopupState } from './file-popup.js';
import { initialHistory, resetBrowsing } from './history.js';
import type { ComposerDraft, ComposerHistory } from './history.js';
import type { HistorySearchState } from './history-search.js';
import { findSlashToken, syncSlashPopup } from './slash-popup.js';
import type { SlashCommandInfo, SlashPopupState } from './slash-popup.js';
import { bufferFrom, EMPTY_BUFFER } from './text-buffer.js';
import type { TextBuffer, TextRange } from './text-buffer.js';

/**
 * The composer's whole state. The App keeps it, feeds it key events (`handleComposerKey`) and
 * pastes (`handlePaste`), and performs the effects they return.
 */
export interface ComposerState {
  buffer: TextBuffer;
  /** Paste and image placeholders present in the text. */
  elements: readonly ComposerElement[];
  /** The last killed text (Ctrl+K/U/W, Alt+D) with the placeholders in it, for Ctrl+Y. */
  killBuffer: KillBuffer;
  /** The column Up/Down try to keep, set by the first vertical move. */
  preferredCol: number | null;
  /** Columns the text wraps at (see `composerTextWidth`); null: move by logical lines. */
  wrapWidth: number | null;
  /** Set by the App while a turn runs: Tab then queues the message. */
  taskRunning: boolean;
  history: ComposerHistory;
  /** The Ctrl+R search, when active. */
  search: HistorySearchState | null;
  popup: ComposerPopup;
  commands: readonly SlashCommandInfo[];
  /** The token (`@query` or `/filter`) whose popup Esc closed: it stays closed for that token. */
  dismissedToken: string | null;
}

export interface KillBuffer {
  text: string;
  elements: readonly ComposerElement[];
}

export type ComposerPopup = FilePopupState | SlashPopupState | null;

export type ComposerEffect =
  | { type: 'submit'; text: string; images: string[] }
  | { type: 'queue'; text: string; images: string[] }
  | { type: 'shell'; command: string }
  | { type: 'slash'; name: string; args: string }
  | { type: 'file-search'; query: string }
  | { type: 'cleared' };

export interface ComposerKeyResult {
  state: ComposerState;
  /** False when the composer did not use the key (the App may: Esc interrupts, Ctrl+D quits...). */
  handled: boolean;
  effect?: ComposerEffect;
}

export interface ComposerOptions {
  /** Persistent history entries, oldest first. */
  history?: readonly string[];
  commands?: readonly SlashCommandInfo[];
  text?: string;
  taskRunning?: boolean;
}

export function initialComposerState(options: ComposerOptions = {}): ComposerState {
  return {
    buffer: options.text === undefined ? EMPTY_BUFFER : bufferFrom(options.text),
    elements: [],
    killBuffer: { text: '', elements: [] },
    preferredCol: null,
    wrapWidth: null,
    taskRunning: options.taskRunning ?? false,
    history: initialHistory(options.history),
    search: null,
    popup: null,
    commands: options.commands ?? [],
    dismissedToken: null,
  };
}

export function composerText(state: ComposerState): string {
  return state.buffer.text;
}

export function isComposerEmpty(state: ComposerState): boolean {
  return state.buffer.text.trim() === '' && state.elements.length === 0;
}

export function composerAtoms(state: ComposerState): TextRange[] {
  return atomsOf(state.buffer.text, state.elements);
}

export function composerDraft(state: ComposerState): ComposerDraft {
  return { text: state.buffer.text, cursor: state.buffer.cursor, elements: state.elements };
}

export function setTaskRunning(state: ComposerState, taskRunning: boolean): ComposerState {
  return state.taskRunning === taskRunning ? state : { ...state, taskRunning };
}

export function setSlashCommands(
  state: ComposerState,
  commands: readonly SlashCommandInfo[],
): ComposerState {
  return syncPopups({
    ...state,
    commands,
    popup: state.popup?.kind === 'slash' ? null : state.popup,
  }).state;
}

/** Sets the persistent history (e.g. once history.jsonl has been read). */
export function setPersistentHistory(
  state: ComposerState,
  entries: readonly string[],
): ComposerState {
  return { ...state, history: { ...resetBrowsing(state.history), persistent: entries } };
}

/** Sets the wrap width (use `composerTextWidth(viewWidth)`), so Up/Down move by visual rows. */
export function setComposerWidth(state: ComposerState, wrapWidth: number | null): ComposerState {
  return state.wrapWidth === wrapWidth ? state : { ...state, wrapWidth };
}

/** Replaces the content (e.g. backtrack puts a previous message back), cursor at the end. */
export function setComposerText(state: ComposerState, text: string): ComposerState {
  const next: ComposerState = {
    ...state,
    buffer: bufferFrom(text),
    elements: [],
    preferredCol: null,
    search: null,
    popup: null,
    dismissedToken: null,
    history: resetBrowsing(state.history),
  };
  return syncPopups(next).state;
}

/** Puts a draft into the composer (history recall, search preview, cancel). */
export function applyDraft(state: ComposerState, draft: ComposerDraft): ComposerState {
  return {
    ...state,
    buffer: bufferFrom(draft.text, draft.cursor),
    elements: draft.elements,
    preferredCol: null,
  };
}

/**
 * Brings popups in line with the text and cursor: opens/updates/closes the `/` and `@` popups;
 * the effect asks the App for a file search when the `@` query changed.
 */
export function syncPopups(state: ComposerState): {
  state: ComposerState;
  effect?: ComposerEffect;
} {
  if (state.search !== null)
    return { state: state.popup === null ? state : { ...state, popup: null } };
  const { text, cursor } = state.buffer;
  const slash = findSlashToken(text, cursor);
  if (slash !== null && state.commands.length > 0) {
    const key = `/${slash.filter}`;
    if (state.dismissedToken === key) return { state: { ...state, popup: null } };
    const previous = state.popup?.kind === 'slash' ? state.popup : null;
    const popup = syncSlashPopup(previous, state.commands, slash);
    if (popup !== null) return { state: { ...state, popup, dismissedToken: null } };
  }
  const at = findAtToken(text, cursor);
  if (at !== null) {
    const key = text.slice(at.start, at.end);
    if (state.dismissedToken === key) return { state: { ...state, popup: null } };
    const previous = state.popup?.kind === 'file' ? state.popup : null;
    const { popup, search } = syncFilePopup(previous, at);
    const next = { ...state, popup, dismissedToken: null };
    return search === null
      ? { state: next }
      : { state: next, effect: { type: 'file-search', query: search } };
  }
  const dismissedToken = slash === null ? null : state.dismissedToken;
  return { state: { ...state, popup: null, dismissedToken } };
}

/**
 * Installs an edited buffer: drops placeholders that were deleted, forgets the preferred column,
 * and syncs the popups.
 */
export function afterEdit(
  state: ComposerState,
  buffer: TextBuffer,
  elements: readonly ComposerElement[] = state.elements,
): ComposerKeyResult {
  const kept = elements.length === 0 ? elements : pruneElements(buffer.text, elements);
  const synced = syncPopups({ ...state, buffer, elements: kept, preferredCol: null });
  return { handled: true, ...synced };
}
