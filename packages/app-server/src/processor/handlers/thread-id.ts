import { InvalidRequestError } from '../../errors/rpc-errors.js';

const GROUP_LENGTHS = [8, 4, 4, 4, 12] as const;
const HEX = /^[0-9a-fA-F]$/;

/** Why `text` is not a UUID (simple, hyphenated, braced or `urn:uuid:` form), or null. */
export function uuidProblem(text: string): string | null {
  let body = text;
  if (body.startsWith('urn:uuid:')) body = body.slice('urn:uuid:'.length);
  else if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  const offset = text.length - body.length - (text.endsWith('}') ? 1 : 0);
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] ?? '';
    if (ch !== '-' && !HEX.test(ch)) {
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${ch}\` at ${String(offset + i + 1)}`;
    }
  }
  if (!body.includes('-')) {
    return body.length === 32
      ? null
      : `invalid length: expected length 32 for simple format, found ${String(body.length)}`;
  }
  const groups = body.split('-');
  if (groups.length !== GROUP_LENGTHS.length) {
    return `invalid group count: expected 5, found ${String(groups.length)}`;
  }
  for (const [index, group] of groups.entries()) {
    const expected = GROUP_LENGTHS[index] ?? 0;
    if (group.length !== expected) {
      return `invalid group length in group ${String(index)}: expected ${String(expected)}, found ${String(group.length)}`;
    }
  }
  return null;
}

/** The canonical (lowercase, hyphenated) form of a UUID that `uuidProblem` accepts. */
function canonicalUuid(text: string): string {
  const hex = text
    .replace(/^urn:uuid:/, '')
    .replace(/[{}-]/g, '')
    .toLowerCase();
  return [0, 8, 12, 16, 20]
    .map((start, i) => hex.slice(start, start + (GROUP_LENGTHS[i] ?? 0)))
    .join('-');
}

/**
 * A thread id from request params, canonicalised; anything but a UUID is refused as the Rust
 * app server refuses it (`invalid thread id: ...`, or `invalid session id: ...` for the
 * archive methods).
 */
export function parseThreadId(text: string, what: 'thread id' | 'session id'): string {
  const problem = uuidProblem(text);
  if (problem !== null) {
    throw new InvalidRequestError(`invalid ${what}: ${problem}`);
  }
  return canonicalUuid(text);
}
