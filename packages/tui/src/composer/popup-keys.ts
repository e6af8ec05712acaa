import type { KeyEvent } from '../input/key-event.js';
import { afterEdit } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { applyFileResults, fileInsertText, moveFileSelection, selectedFile } from './file-popup.js';
import type { FileMatch, FilePopupState } from './file-popup.js';
import { isDown, isPlainEnter, isUp } from './key-match.js';
import { chosenCommand, findSlashToken, moveSlashSelection } from './slash-popup.js';
import type { SlashPopupState } from './slash-popup.js';
import { submitComposer, runSlashCommand } from './submit.js';
import { replaceRange } from './text-buffer.js';

/** The App's answer to a `file-search` effect (ignored when the popup moved on to another query). */
export function setFileSearchResults(
  state: ComposerState,
  query: string,
  results: readonly FileMatch[],
): ComposerState {
  if (state.popup?.kind !== 'file') return state;
  const popup = applyFileResults(state.popup, query, results);
  return popup === state.popup ? state : { ...state, popup };
}

function handled(state: ComposerState): ComposerKeyResult {
  return { state, handled: true };
}

function dismiss(state: ComposerState, token: string): ComposerKeyResult {
  return handled({ ...state, popup: null, dismissedToken: token });
}

/** Puts the selected path in place of the `@token`, followed by a space. */
function insertFile(state: ComposerState, popup: FilePopupState, path: string): ComposerKeyResult {
  const { text } = state.buffer;
  const next = text[popup.token.end];
  const space = next !== undefined && /\s/u.test(next) ? '' : ' ';
  const buffer = replaceRange(state.buffer, popup.token, fileInsertText(path) + space);
  const cursor = buffer.cursor + (space === '' ? 1 : 0);
  return afterEdit(state, { text: buffer.text, cursor });
}

/** Keys the `@` popup takes; null for keys it leaves to the composer (typing, cursor moves). */
export function handleFilePopupKey(
  state: ComposerState,
  popup: FilePopupState,
  event: KeyEvent,
): ComposerKeyResult | null {
  const { key } = event;
  const tokenText = state.buffer.text.slice(popup.token.start, popup.token.end);
  if (isUp(event)) return handled({ ...state, popup: moveFileSelection(popup, -1) });
  if (isDown(event)) return handled({ ...state, popup: moveFileSelection(popup, 1) });
  if (key.escape) return dismiss(state, tokenText);
  if ((key.tab && !key.shift) || isPlainEnter(event)) {
    const chosen = selectedFile(popup);
    if (chosen !== null) return insertFile(state, popup, chosen.path);
    return key.tab ? handled(state) : dismiss(state, tokenText);
  }
  return null;
}

/** Tab in the `/` popup: `/name ` replaces the typed word. */
function completeCommand(state: ComposerState, name: string): ComposerKeyResult {
  const { text, cursor } = state.buffer;
  const token = findSlashToken(text, cursor);
  const end = token?.end ?? text.length;
  const next = text[end];
  const hasSpace = next !== undefined && /\s/u.test(next);
  const buffer = replaceRange(state.buffer, { start: 0, end }, `/${name}${hasSpace ? '' : ' '}`);
  return afterEdit(state, { text: buffer.text, cursor: buffer.cursor + (hasSpace ? 1 : 0) });
}

/** Keys the `/` popup takes; null for keys it leaves to the composer. */
export function handleSlashPopupKey(
  state: ComposerState,
  popup: SlashPopupState,
  event: KeyEvent,
): ComposerKeyResult | null {
  const { key } = event;
  if (isUp(event)) return handled({ ...state, popup: moveSlashSelection(popup, -1) });
  if (isDown(event)) return handled({ ...state, popup: moveSlashSelection(popup, 1) });
  if (key.escape) return dismiss(state, `/${popup.filter}`);
  const command = chosenCommand(popup);
  if (key.tab && !key.shift) {
    return command === null ? handled(state) : completeCommand(state, command.name);
  }
  if (isPlainEnter(event)) {
    if (command === null) return submitComposer(state, 'submit');
    const { text, cursor } = state.buffer;
    const end = findSlashToken(text, cursor)?.end ?? text.length;
    return runSlashCommand(state, command.name, text.slice(end));
  }
  return null;
}
