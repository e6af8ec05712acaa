import type { KeyEvent } from '../input/key-event.js';

/**
 * Key predicates over Ink's `KeyEvent`. Ink 8 reports: Ctrl+letter as `input` = the letter with
 * `key.ctrl` (also under the kitty protocol); Alt+letter as the letter with `key.meta`; \x7f and
 * \b (Ctrl+H) as `key.backspace`; ESC[3~ as `key.delete` (forward delete); Ctrl+J (\n) as input
 * '\n' without flags; Alt+Enter as `key.return` with `key.meta`; Shift+Enter as `key.return` with
 * `key.shift` only under the kitty keyboard protocol.
 */

export function isCtrl(event: KeyEvent, letter: string): boolean {
  return event.key.ctrl && !event.key.meta && event.input.toLowerCase() === letter;
}

export function isAlt(event: KeyEvent, letter: string): boolean {
  return event.key.meta && !event.key.ctrl && event.input.toLowerCase() === letter;
}

export function isBackspace(event: KeyEvent): boolean {
  return event.key.backspace || isCtrl(event, 'h');
}

/** Enter without modifiers (submit). */
export function isPlainEnter(event: KeyEvent): boolean {
  const { key } = event;
  return key.return && !key.shift && !key.meta && !key.ctrl;
}

/** Shift+Enter, Alt+Enter, Ctrl+Enter or Ctrl+J: insert a newline. */
export function isNewlineKey(event: KeyEvent): boolean {
  const { key, input } = event;
  if (key.return && (key.shift || key.meta || key.ctrl)) return true;
  if (input === '\n' && !key.meta) return true;
  return isCtrl(event, 'j');
}

export function isUp(event: KeyEvent): boolean {
  return (event.key.upArrow && !event.key.meta) || isCtrl(event, 'p');
}

export function isDown(event: KeyEvent): boolean {
  return (event.key.downArrow && !event.key.meta) || isCtrl(event, 'n');
}

/**
 * Text a key press types, or null when it is not typing (a control key, a modified key). Carriage
 * returns in multi-character input (an unbracketed paste) become newlines; other control
 * characters are dropped.
 */
export function typedText(event: KeyEvent): string | null {
  const { key, input } = event;
  if (input === '' || key.ctrl || key.meta || key.escape || key.return || key.tab) return null;
  if (key.backspace || key.delete || key.upArrow || key.downArrow) return null;
  if (key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end) {
    return null;
  }
  if (key.eventType === 'release') return null;
  const text = input.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
  return text === '' ? null : text;
}
