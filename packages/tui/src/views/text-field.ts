import type { ChalkInstance } from 'chalk';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import type { KeyEvent } from '../input/key-event.js';
import { isCtrl, typedText } from './key-helpers.js';

/**
 * A one-line text box (search boxes, the approval feedback, the API key): the text as code
 * points and the cursor between them. Pure; `handleTextFieldKey` returns null for a key it
 * does not use so the owning view can.
 */
export interface TextFieldState {
  chars: string[];
  cursor: number;
}

export function textField(text = ''): TextFieldState {
  const chars = Array.from(text);
  return { chars, cursor: chars.length };
}

export function textFieldValue(field: TextFieldState): string {
  return field.chars.join('');
}

export function insertText(field: TextFieldState, text: string): TextFieldState {
  // Pasted newlines become spaces: the box is one line.
  const add = Array.from(text.replace(/\r?\n|\r/g, ' ')).filter((c) => c >= ' ' && c !== '\u007f');
  if (add.length === 0) return field;
  const chars = [...field.chars.slice(0, field.cursor), ...add, ...field.chars.slice(field.cursor)];
  return { chars, cursor: field.cursor + add.length };
}

function deleteRange(field: TextFieldState, from: number, to: number): TextFieldState {
  if (from >= to) return field;
  const chars = [...field.chars.slice(0, from), ...field.chars.slice(to)];
  return { chars, cursor: from };
}

function wordStartBefore(chars: string[], cursor: number): number {
  let i = cursor;
  while (i > 0 && chars[i - 1] === ' ') i--;
  while (i > 0 && chars[i - 1] !== ' ') i--;
  return i;
}

/** Editing keys: typing, Backspace/Delete, Left/Right, Home/End, Ctrl+A/E/U/K/W/B/F/H/D. */
export function handleTextFieldKey(field: TextFieldState, e: KeyEvent): TextFieldState | null {
  const { key } = e;
  const { chars, cursor } = field;
  if (key.backspace || isCtrl(e, 'h')) return deleteRange(field, Math.max(0, cursor - 1), cursor);
  if (key.delete || isCtrl(e, 'd'))
    return deleteRange(field, cursor, Math.min(chars.length, cursor + 1));
  if (key.leftArrow || isCtrl(e, 'b')) return { chars, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow || isCtrl(e, 'f'))
    return { chars, cursor: Math.min(chars.length, cursor + 1) };
  if (key.home || isCtrl(e, 'a')) return { chars, cursor: 0 };
  if (key.end || isCtrl(e, 'e')) return { chars, cursor: chars.length };
  if (isCtrl(e, 'u')) return deleteRange(field, 0, cursor);
  if (isCtrl(e, 'k')) return deleteRange(field, cursor, chars.length);
  if (isCtrl(e, 'w')) return deleteRange(field, wordStartBefore(chars, cursor), cursor);
  const text = typedText(e);
  return text === null ? null : insertText(field, text);
}

export interface TextFieldRenderOptions {
  width: number;
  style: ChalkInstance;
  /** Shown dimmed while the box is empty. */
  placeholder?: string;
  /** Show each character as this one (API keys). */
  mask?: string;
  /** Draw the cursor (inverse video, only when the style has colour). Default true. */
  showCursor?: boolean;
}

/**
 * The box as one terminal line of at most `width` columns, scrolled horizontally so the cursor
 * stays visible.
 */
export function renderTextField(field: TextFieldState, opts: TextFieldRenderOptions): string {
  const { width, style } = opts;
  if (width <= 0) return '';
  const drawCursor = (opts.showCursor ?? true) && style.level > 0;
  const mask = opts.mask;
  const shown = mask === undefined ? field.chars : field.chars.map(() => mask);
  if (shown.length === 0) {
    const placeholder = sliceAnsi(opts.placeholder ?? '', 0, width - (drawCursor ? 1 : 0));
    return (drawCursor ? style.inverse(' ') : '') + style.dim(placeholder);
  }
  const atEnd = field.cursor >= shown.length;
  const cursorCell = atEnd ? (drawCursor ? ' ' : '') : (shown[field.cursor] ?? '');
  // Drop characters from the left until the text up to and including the cursor fits.
  let start = 0;
  const widthFrom = (from: number): number =>
    stringWidth(shown.slice(from, field.cursor).join('')) + stringWidth(cursorCell);
  while (start < field.cursor && widthFrom(start) > width) start++;
  const before = shown.slice(start, field.cursor).join('');
  const after = atEnd ? '' : shown.slice(field.cursor + 1).join('');
  const line = before + (drawCursor ? style.inverse(cursorCell) : cursorCell) + after;
  return stringWidth(line) > width ? sliceAnsi(line, 0, width) : line;
}
