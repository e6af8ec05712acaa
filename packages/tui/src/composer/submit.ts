import { composerDraft } from './composer-state.js';
import type { ComposerEffect, ComposerKeyResult, ComposerState } from './composer-state.js';
import { expandElements } from './elements.js';
import { recordSubmission } from './history.js';
import { parseSlashCommand } from './slash-popup.js';
import { EMPTY_BUFFER } from './text-buffer.js';

/**
 * What Enter (and Tab while a turn runs) sends. `/name args` with a known command runs it;
 * `!cmd` runs a shell command; anything else is a message (`submit`, or `queue` for Tab while a
 * turn runs) with its paste placeholders expanded and its images listed. An empty composer sends
 * nothing. The composer is cleared and the text recorded in the session history.
 */
export function submitComposer(state: ComposerState, mode: 'submit' | 'queue'): ComposerKeyResult {
  const { text, images } = expandElements(state.buffer.text, state.elements);
  if (text === '' && images.length === 0) return { state, handled: true };
  const effect = effectFor(state, text, images, mode);
  if (effect === null) return { state, handled: true };
  return { state: clearedComposer(state), handled: true, effect };
}

function effectFor(
  state: ComposerState,
  text: string,
  images: string[],
  mode: 'submit' | 'queue',
): ComposerEffect | null {
  if (images.length === 0 && text.startsWith('!')) {
    const command = text.slice(1).trim();
    return command === '' ? null : { type: 'shell', command };
  }
  if (images.length === 0 && text.startsWith('/')) {
    const slash = parseSlashCommand(text, state.commands);
    if (slash !== null) return { type: 'slash', ...slash };
  }
  return { type: mode, text, images };
}

/** The state after a submission: empty composer, text recorded in the session history. */
export function clearedComposer(state: ComposerState): ComposerState {
  return {
    ...state,
    buffer: EMPTY_BUFFER,
    elements: [],
    preferredCol: null,
    popup: null,
    search: null,
    dismissedToken: null,
    history: recordSubmission(state.history, composerDraft(state)),
  };
}

/** Runs `/name` with the rest of the text as its arguments (Enter in the `/` popup). */
export function runSlashCommand(
  state: ComposerState,
  name: string,
  rest: string,
): ComposerKeyResult {
  const args = expandElements(rest, state.elements).text;
  return {
    state: clearedComposer(state),
    handled: true,
    effect: { type: 'slash', name, args },
  };
}
