import type { KeyEvent } from '../input/key-event.js';
import { applyDraft, composerAtoms, composerDraft } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { handleEditingKey, insertAtCursor } from './editing-keys.js';
import { lineEnd } from './graphemes.js';
import { historyDown, historyUp } from './history.js';
import { beginHistorySearch, handleHistorySearchKey } from './history-search.js';
import { isCtrl, isDown, isNewlineKey, isPlainEnter, isUp, typedText } from './key-match.js';
import { verticalMove } from './layout.js';
import { handlePaste } from './paste.js';
import type { PasteOptions } from './paste.js';
import { handleFilePopupKey, handleSlashPopupKey } from './popup-keys.js';
import { clearedComposer, submitComposer } from './submit.js';
import { snapOutOfAtom } from './text-buffer.js';

/**
 * The composer's key handler. Order: the Ctrl+R search (modal), the open popup, then submit /
 * newline / queue / clear, Up/Down (cursor rows, then history), then editing keys.
 * Unhandled: Esc with nothing to close, Ctrl+C and Ctrl+D on an empty composer, Tab when no turn
 * runs, Up/Down with nowhere to go, and keys the composer has no use for.
 */
export function handleComposerKey(
  state: ComposerState,
  event: KeyEvent,
  pasteOptions: PasteOptions = {},
): ComposerKeyResult {
  const { key } = event;
  if (key.eventType === 'release') return { state, handled: false };
  if (state.search !== null) return handleHistorySearchKey(state, event);
  const popup = state.popup;
  if (popup !== null) {
    const result =
      popup.kind === 'file'
        ? handleFilePopupKey(state, popup, event)
        : handleSlashPopupKey(state, popup, event);
    if (result !== null) return result;
  }
  if (isPlainEnter(event)) return submitComposer(state, 'submit');
  if (isNewlineKey(event)) return insertAtCursor(state, '\n');
  if (key.tab) {
    if (!state.taskRunning || key.shift) return { state, handled: false };
    return submitComposer(state, 'queue');
  }
  if (key.escape) return { state, handled: false };
  const empty = state.buffer.text === '' && state.elements.length === 0;
  if (isCtrl(event, 'c')) {
    if (empty) return { state, handled: false };
    return { state: clearedComposer(state), handled: true, effect: { type: 'cleared' } };
  }
  if (isCtrl(event, 'd') && empty) return { state, handled: false };
  if (isCtrl(event, 'r')) return { state: beginHistorySearch(state), handled: true };
  if (isUp(event)) return vertical(state, -1);
  if (isDown(event)) return vertical(state, 1);
  const typed = typedText(event);
  if (typed !== null && typed.length > 1) return handlePaste(state, typed, pasteOptions);
  return handleEditingKey(state, event);
}

/** Up/Down: move the cursor a row; on the first (last) row walk the history instead. */
function vertical(state: ComposerState, direction: -1 | 1): ComposerKeyResult {
  const { text, cursor } = state.buffer;
  const width = state.wrapWidth ?? Number.MAX_SAFE_INTEGER;
  const moved = verticalMove(text, cursor, width, direction, state.preferredCol);
  if (moved !== null) {
    const next = snapOutOfAtom(
      moved.cursor,
      composerAtoms(state),
      direction < 0 ? 'back' : 'forward',
    );
    return {
      state: { ...state, buffer: { text, cursor: next }, preferredCol: moved.col },
      handled: true,
    };
  }
  if (direction < 0) {
    const step = historyUp(state.history, composerDraft(state));
    if (step === null) return { state, handled: false };
    // The cursor goes to the end of the entry's first line, so Up again goes further back.
    const draft = { ...step.draft, cursor: lineEnd(step.draft.text, 0) };
    return {
      state: { ...applyDraft(state, draft), history: step.history, popup: null },
      handled: true,
    };
  }
  const step = historyDown(state.history);
  if (step === null) return { state, handled: false };
  return {
    state: { ...applyDraft(state, step.draft), history: step.history, popup: null },
    handled: true,
  };
}
