import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { imagePlaceholder, pastePlaceholder } from './elements.js';
import type { ComposerElement } from './elements.js';
import { insertAtCursor } from './editing-keys.js';
import { appendToSearchQuery } from './history-search.js';
import { pastedImagePath } from './image-path.js';
import type { PathCheckOptions } from './image-path.js';

/**
 * Pastes (bracketed paste from Ink's `usePaste`, delivered by the App). A paste longer than
 * `LARGE_PASTE_CHAR_THRESHOLD` characters (the Rust TUI's threshold) is shown as a
 * `[Pasted Content N chars]` placeholder and expanded when the message is sent; a pasted path to
 * an existing image file attaches the image (`[image N: name]`) instead of inserting text.
 */
export const LARGE_PASTE_CHAR_THRESHOLD = 1000;

export type PasteOptions = PathCheckOptions;

/** Line endings normalised to `\n`. */
export function normalizePastedText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Inserts an image placeholder for `path` at the cursor and attaches the image. */
export function attachImage(state: ComposerState, path: string): ComposerKeyResult {
  const placeholder = imagePlaceholder(path, state.elements, state.buffer.text);
  const element: ComposerElement = { kind: 'image', placeholder, path };
  const { text, cursor } = state.buffer;
  const before = text.slice(0, cursor);
  const lead = before === '' || /\s$/u.test(before) ? '' : ' ';
  return insertAtCursor(state, `${lead}${placeholder} `, [element]);
}

export function handlePaste(
  state: ComposerState,
  pasted: string,
  options: PasteOptions = {},
): ComposerKeyResult {
  const text = normalizePastedText(pasted);
  if (text === '') return { state, handled: true };
  if (state.search !== null) return { state: appendToSearchQuery(state, text), handled: true };
  const image = pastedImagePath(text, options);
  if (image !== null) return attachImage(state, image);
  const charCount = Array.from(text).length;
  if (charCount > LARGE_PASTE_CHAR_THRESHOLD) {
    const placeholder = pastePlaceholder(charCount, state.elements, state.buffer.text);
    const element: ComposerElement = { kind: 'paste', placeholder, text };
    return insertAtCursor(state, placeholder, [element]);
  }
  return insertAtCursor(state, text);
}
