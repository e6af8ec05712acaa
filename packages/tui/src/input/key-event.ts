import type { Key } from 'ink';

/**
 * One key press as Ink's `useInput` reports it. The App owns the only `useInput`; it routes each
 * event to the top-most view (a modal, an overlay, a popup, then the composer) through pure
 * `handleKey` functions, so every view's keyboard behaviour is testable without a terminal.
 */
export interface KeyEvent {
  input: string;
  key: Key;
}

/** Builds a `KeyEvent` (tests and the paste path); unspecified flags are false. */
export function keyEvent(input: string, flags: Partial<Key> = {}): KeyEvent {
  return {
    input,
    key: {
      upArrow: false,
      downArrow: false,
      leftArrow: false,
      rightArrow: false,
      pageDown: false,
      pageUp: false,
      home: false,
      end: false,
      return: false,
      escape: false,
      ctrl: false,
      shift: false,
      tab: false,
      backspace: false,
      delete: false,
      meta: false,
      super: false,
      hyper: false,
      capsLock: false,
      numLock: false,
      ...flags,
    } as Key,
  };
}
