import stringWidth from 'string-width';
import { keyEvent, type KeyEvent } from '../input/key-event.js';

// Helpers for the views' tests (not exported from the package).

export const key = {
  up: keyEvent('', { upArrow: true }),
  down: keyEvent('', { downArrow: true }),
  left: keyEvent('', { leftArrow: true }),
  right: keyEvent('', { rightArrow: true }),
  pageUp: keyEvent('', { pageUp: true }),
  pageDown: keyEvent('', { pageDown: true }),
  home: keyEvent('', { home: true }),
  end: keyEvent('', { end: true }),
  enter: keyEvent('\r', { return: true }),
  esc: keyEvent('', { escape: true }),
  tab: keyEvent('', { tab: true }),
  backspace: keyEvent('', { backspace: true }),
  char: (c: string): KeyEvent =>
    keyEvent(c, c.length === 1 && /[A-Z]/.test(c) ? { shift: true } : {}),
  ctrl: (c: string): KeyEvent => keyEvent(c, { ctrl: true }),
};

/** Feeds each character of `text` as a key press through `step`. */
export function typeText<S>(state: S, text: string, step: (s: S, e: KeyEvent) => { state: S }): S {
  let s = state;
  for (const ch of Array.from(text)) s = step(s, key.char(ch)).state;
  return s;
}

/** Asserts-by-throwing that no line of a frame is wider than `width`. */
export function widestLine(frame: string | undefined): number {
  return Math.max(0, ...(frame ?? '').split('\n').map((line) => stringWidth(line)));
}
