import type { KeyEvent } from '../input/key-event.js';
import { afterEdit, composerAtoms } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { elementRanges } from './elements.js';
import { isAlt, isBackspace, isCtrl, typedText } from './key-match.js';
import {
  backspace,
  deleteForward,
  deleteWordBack,
  deleteWordForward,
  insertText,
  killToLineEnd,
  killToLineStart,
  moveLeft,
  moveRight,
  moveToLineEnd,
  moveToLineStart,
  moveWordLeft,
  moveWordRight,
  snapOutOfAtom,
} from './text-buffer.js';
import type { BufferEdit, TextBuffer, TextRange } from './text-buffer.js';

/**
 * Editing keys: typing, deletion, cursor motion and the emacs kill/yank keys. Enter, Tab, Esc,
 * Up/Down and the popups are handled before this (composer-keys.ts).
 */

type Motion = (buffer: TextBuffer, atoms: readonly TextRange[]) => TextBuffer;
type Kill = (buffer: TextBuffer, atoms: readonly TextRange[]) => BufferEdit;

function move(state: ComposerState, motion: Motion): ComposerKeyResult {
  return afterEdit(state, motion(state.buffer, composerAtoms(state)));
}

/** A deletion that fills the kill buffer (with the placeholders it removed). */
function kill(state: ComposerState, killer: Kill): ComposerKeyResult {
  const { buffer, removed } = killer(state.buffer, composerAtoms(state));
  if (removed === '') return afterEdit(state, buffer);
  const elements = elementRanges(removed, state.elements).map((range) => range.element);
  return afterEdit({ ...state, killBuffer: { text: removed, elements } }, buffer);
}

/** Inserts `text` at the cursor (moved out of a placeholder first) with extra elements. */
export function insertAtCursor(
  state: ComposerState,
  text: string,
  extra: ComposerState['elements'] = [],
): ComposerKeyResult {
  const cursor = snapOutOfAtom(state.buffer.cursor, composerAtoms(state), 'forward');
  const buffer = insertText({ text: state.buffer.text, cursor }, text);
  return afterEdit(
    state,
    buffer,
    extra.length === 0 ? state.elements : [...state.elements, ...extra],
  );
}

function yank(state: ComposerState): ComposerKeyResult {
  const { text, elements } = state.killBuffer;
  if (text === '') return { state, handled: true };
  const extra = elements.filter((element) => !state.elements.includes(element));
  return insertAtCursor(state, text, extra);
}

export function handleEditingKey(state: ComposerState, event: KeyEvent): ComposerKeyResult {
  const { key } = event;
  const word = key.ctrl || key.meta;
  if (isBackspace(event)) {
    return key.meta ? kill(state, deleteWordBack) : move(state, backspace);
  }
  if (key.delete) return key.meta ? kill(state, deleteWordForward) : move(state, deleteForward);
  if (key.leftArrow) return move(state, word ? moveWordLeft : moveLeft);
  if (key.rightArrow) return move(state, word ? moveWordRight : moveRight);
  if (key.home || isCtrl(event, 'a')) return move(state, moveToLineStart);
  if (key.end || isCtrl(event, 'e')) return move(state, moveToLineEnd);
  if (isCtrl(event, 'b')) return move(state, moveLeft);
  if (isCtrl(event, 'f')) return move(state, moveRight);
  if (isAlt(event, 'b')) return move(state, moveWordLeft);
  if (isAlt(event, 'f')) return move(state, moveWordRight);
  if (isCtrl(event, 'k')) return kill(state, killToLineEnd);
  if (isCtrl(event, 'u')) return kill(state, killToLineStart);
  if (isCtrl(event, 'w')) return kill(state, deleteWordBack);
  if (isAlt(event, 'd')) return kill(state, deleteWordForward);
  if (isCtrl(event, 'y')) return yank(state);
  if (isCtrl(event, 'd')) return move(state, deleteForward);
  const typed = typedText(event);
  if (typed !== null) return insertAtCursor(state, typed);
  return { state, handled: false };
}
