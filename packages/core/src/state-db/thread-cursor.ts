import { InvalidThreadCursorError } from './errors.js';

/**
 * Keyset position in a thread list: the sort value (unix ms) and the id of the last row of a page.
 * Spelled like the Rust Codex's cursors, `<RFC 3339 time>|<thread id>`; its older
 * `YYYY-MM-DDThh-mm-ss|<id>` form and a bare time are read too.
 */
export interface ThreadCursor {
  value: number;
  id: string;
}

const FILE_STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const MAX_DATE_MS = 8.64e15;

export function encodeThreadCursor(cursor: ThreadCursor): string {
  const value = cursor.value;
  const time =
    Number.isInteger(value) && Math.abs(value) <= MAX_DATE_MS
      ? new Date(value).toISOString()
      : String(value);
  return `${time}|${cursor.id}`;
}

export function decodeThreadCursor(token: string): ThreadCursor {
  const bar = token.indexOf('|');
  const time = bar < 0 ? token : token.slice(0, bar);
  const id = bar < 0 ? '' : token.slice(bar + 1);
  if (id.includes('|')) throw new InvalidThreadCursorError(token);
  const value = parseTime(time);
  if (value === undefined) throw new InvalidThreadCursorError(token);
  return { value, id };
}

function parseTime(time: string): number | undefined {
  const stamp = FILE_STAMP.exec(time);
  if (stamp !== null) {
    const [, y, mo, d, h, mi, s] = stamp.map(Number);
    return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  }
  if (RFC3339.test(time)) {
    const ms = Date.parse(time.replace(' ', 'T'));
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (/^-?\d+$/.test(time)) return Number(time);
  return undefined;
}
