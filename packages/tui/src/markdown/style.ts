import { Chalk, type ChalkInstance } from 'chalk';

/**
 * The chalk instance for a render: basic ANSI colours when `color` is true, no escape codes at
 * all when it is false (NO_COLOR, or output that is not a terminal). Cells and markdown style
 * their text only through this, never through chalk's auto-detected default instance.
 */
export type Style = ChalkInstance;

const COLORED: Style = new Chalk({ level: 1 });
const PLAIN: Style = new Chalk({ level: 0 });

export function styleFor(color: boolean): Style {
  return color ? COLORED : PLAIN;
}
