import {
  charKind,
  lineEnd,
  lineStart,
  nextBoundary,
  prevBoundary,
  snapToBoundary,
} from './graphemes.js';
import type { CharKind } from './graphemes.js';

/**
 * The composer's text and cursor. Pure operations: each returns a new buffer. `atoms` are ranges
 * that edit as one unit (paste and image placeholders): the cursor never stops inside one, and
 * a deletion that touches one removes all of it.
 */
export interface TextBuffer {
  readonly text: string;
  /** UTF-16 offset, always on a grapheme boundary and never inside an atom. */
  readonly cursor: number;
}

export interface TextRange {
  start: number;
  end: number;
}

/** A buffer edit that removed some text (for the kill buffer). */
export interface BufferEdit {
  buffer: TextBuffer;
  removed: string;
}

export const EMPTY_BUFFER: TextBuffer = { text: '', cursor: 0 };

export function bufferFrom(text: string, cursor = text.length): TextBuffer {
  return { text, cursor: snapToBoundary(text, Math.max(0, Math.min(cursor, text.length))) };
}

export function insertText(buffer: TextBuffer, inserted: string): TextBuffer {
  const { text, cursor } = buffer;
  return {
    text: text.slice(0, cursor) + inserted + text.slice(cursor),
    cursor: cursor + inserted.length,
  };
}

/** Replaces `range` with `replacement` and puts the cursor right after it. */
export function replaceRange(
  buffer: TextBuffer,
  range: TextRange,
  replacement: string,
): TextBuffer {
  const text = buffer.text.slice(0, range.start) + replacement + buffer.text.slice(range.end);
  return { text, cursor: range.start + replacement.length };
}

/** Grows `[start, end)` so it covers every atom it overlaps. */
export function expandToAtoms(start: number, end: number, atoms: readonly TextRange[]): TextRange {
  let from = start;
  let to = end;
  for (const atom of atoms) {
    if (atom.start < to && atom.end > from) {
      from = Math.min(from, atom.start);
      to = Math.max(to, atom.end);
    }
  }
  return { start: from, end: to };
}

/** Moves `offset` out of an atom it is strictly inside, toward `direction`. */
export function snapOutOfAtom(
  offset: number,
  atoms: readonly TextRange[],
  direction: 'back' | 'forward',
): number {
  for (const atom of atoms) {
    if (atom.start < offset && offset < atom.end) {
      return direction === 'back' ? atom.start : atom.end;
    }
  }
  return offset;
}

export function deleteRange(
  buffer: TextBuffer,
  start: number,
  end: number,
  atoms: readonly TextRange[] = [],
): BufferEdit {
  if (start >= end) return { buffer, removed: '' };
  const range = expandToAtoms(start, end, atoms);
  const { text } = buffer;
  return {
    buffer: { text: text.slice(0, range.start) + text.slice(range.end), cursor: range.start },
    removed: text.slice(range.start, range.end),
  };
}

export function backspace(buffer: TextBuffer, atoms: readonly TextRange[] = []): TextBuffer {
  const { text, cursor } = buffer;
  return deleteRange(buffer, prevBoundary(text, cursor), cursor, atoms).buffer;
}

export function deleteForward(buffer: TextBuffer, atoms: readonly TextRange[] = []): TextBuffer {
  const { text, cursor } = buffer;
  return deleteRange(buffer, cursor, nextBoundary(text, cursor), atoms).buffer;
}

export function moveLeft(buffer: TextBuffer, atoms: readonly TextRange[] = []): TextBuffer {
  const cursor = snapOutOfAtom(prevBoundary(buffer.text, buffer.cursor), atoms, 'back');
  return { text: buffer.text, cursor };
}

export function moveRight(buffer: TextBuffer, atoms: readonly TextRange[] = []): TextBuffer {
  const cursor = snapOutOfAtom(nextBoundary(buffer.text, buffer.cursor), atoms, 'forward');
  return { text: buffer.text, cursor };
}

export function moveToLineStart(buffer: TextBuffer): TextBuffer {
  return { text: buffer.text, cursor: lineStart(buffer.text, buffer.cursor) };
}

export function moveToLineEnd(buffer: TextBuffer): TextBuffer {
  return { text: buffer.text, cursor: lineEnd(buffer.text, buffer.cursor) };
}

/** The code point ending at `offset` (a surrogate pair counts as one). */
function charBefore(text: string, offset: number): string {
  const code = text.codePointAt(offset - 2);
  return code !== undefined && code > 0xffff
    ? text.slice(offset - 2, offset)
    : text.slice(offset - 1, offset);
}

function charAt(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** Start of the word before `offset`: skip whitespace, then one run of separators or of word characters. */
export function wordStartBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && charKind(charBefore(text, at)) === 'space') at -= charBefore(text, at).length;
  if (at === 0) return 0;
  const kind: CharKind = charKind(charBefore(text, at));
  while (at > 0 && charKind(charBefore(text, at)) === kind) at -= charBefore(text, at).length;
  return snapToBoundary(text, at);
}

/** End of the word after `offset`: skip whitespace, then one run of separators or of word characters. */
export function wordEndAfter(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && charKind(charAt(text, at)) === 'space') at += charAt(text, at).length;
  if (at >= text.length) return text.length;
  const kind: CharKind = charKind(charAt(text, at));
  while (at < text.length && charKind(charAt(text, at)) === kind) at += charAt(text, at).length;
  return at >= text.length ? text.length : snapForward(text, at);
}

/** The first grapheme boundary at or after `offset`. */
function snapForward(text: string, offset: number): number {
  const before = snapToBoundary(text, offset);
  return before === offset ? offset : nextBoundary(text, before);
}

export function moveWordLeft(buffer: TextBuffer, atoms: readonly TextRange[] = []): TextBuffer {
  const cursor = snapOutOfAtom(wordStartBefore(buffer.text, buffer.cursor), atoms, 'back');
  return { text: buffer.text, cursor };
}

export function moveWordRight(buffer: TextBuffer, atoms: readonly TextRange[] = []): TextBuffer {
  const cursor = snapOutOfAtom(wordEndAfter(buffer.text, buffer.cursor), atoms, 'forward');
  return { text: buffer.text, cursor };
}

export function deleteWordBack(buffer: TextBuffer, atoms: readonly TextRange[] = []): BufferEdit {
  return deleteRange(buffer, wordStartBefore(buffer.text, buffer.cursor), buffer.cursor, atoms);
}

export function deleteWordForward(
  buffer: TextBuffer,
  atoms: readonly TextRange[] = [],
): BufferEdit {
  return deleteRange(buffer, buffer.cursor, wordEndAfter(buffer.text, buffer.cursor), atoms);
}

/** Ctrl+K: kill to the end of the line; at the end of a line, kill the newline (joins lines). */
export function killToLineEnd(buffer: TextBuffer, atoms: readonly TextRange[] = []): BufferEdit {
  const { text, cursor } = buffer;
  const end = lineEnd(text, cursor);
  const to = end === cursor && cursor < text.length ? cursor + 1 : end;
  return deleteRange(buffer, cursor, to, atoms);
}

/** Ctrl+U: kill to the start of the line; at the start of a line, kill the newline before it. */
export function killToLineStart(buffer: TextBuffer, atoms: readonly TextRange[] = []): BufferEdit {
  const { text, cursor } = buffer;
  const start = lineStart(text, cursor);
  const from = start === cursor && cursor > 0 ? cursor - 1 : start;
  return deleteRange(buffer, from, cursor, atoms);
}

/** Whether the cursor is on the first logical line. */
export function onFirstLine(buffer: TextBuffer): boolean {
  return !buffer.text.slice(0, buffer.cursor).includes('\n');
}

/** Whether the cursor is on the last logical line. */
export function onLastLine(buffer: TextBuffer): boolean {
  return !buffer.text.slice(buffer.cursor).includes('\n');
}
