import type { KeyEvent } from '../input/key-event.js';

// Small predicates over Ink key events shared by the views. Ink 8 reports the Backspace key
// (\x7f or \b) as `key.backspace` and the forward-delete key (ESC[3~) as `key.delete`.

export function isUp(e: KeyEvent): boolean {
  return e.key.upArrow || (e.key.ctrl && e.input === 'p');
}

export function isDown(e: KeyEvent): boolean {
  return e.key.downArrow || (e.key.ctrl && e.input === 'n');
}

export function isCtrl(e: KeyEvent, letter: string): boolean {
  return e.key.ctrl && !e.key.meta && e.input === letter;
}

/** A plain key press with no modifier but Shift: `e.input === ch`. */
export function isPlain(e: KeyEvent, ch: string): boolean {
  return !e.key.ctrl && !e.key.meta && e.input === ch;
}

/** The digit 1-9 pressed on its own, or null. */
export function digitPressed(e: KeyEvent): number | null {
  if (e.key.ctrl || e.key.meta || e.input.length !== 1) return null;
  const code = e.input.charCodeAt(0);
  return code >= 49 && code <= 57 ? code - 48 : null;
}

/** Text the key would type into a text box (printable, no Ctrl/Alt), or null. */
export function typedText(e: KeyEvent): string | null {
  const { key } = e;
  if (key.ctrl || key.meta || key.return || key.escape || key.tab) return null;
  if (key.backspace || key.delete || e.input === '') return null;
  // Control characters (ESC sequences Ink did not name, newlines) are not text.
  const text = e.input.replace(/[\u0000-\u001f\u007f]/g, '');
  return text === '' ? null : text;
}
