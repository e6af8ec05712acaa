import { Chalk, type ChalkInstance } from 'chalk';

const PLAIN = new Chalk({ level: 0 });
const COLORED = new Chalk({ level: 1 });

/**
 * The chalk instance views paint with: basic 16 colours when colour is on (every terminal has
 * them), no escapes at all when it is off, whatever chalk detected for the process.
 */
export function viewStyle(color: boolean): ChalkInstance {
  return color ? COLORED : PLAIN;
}
