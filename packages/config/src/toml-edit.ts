import { scanTomlEntries } from './toml-locate.js';
import type { TomlEntry } from './toml-locate.js';

/**
 * Small, careful text edits of a TOML document that keep everything else byte for byte
 * (comments, order, spacing, line endings). smol-toml does not round-trip formatting, so a value
 * is changed in place, or one line is added or removed. The caller re-parses the result to check
 * that exactly the intended change was made.
 */

/** The document has a shape this editor does not change safely (the message says where). */
export class TomlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TomlEditError';
  }
}

/**
 * Set the key at `path` to the TOML literal `literal`, or remove it when `literal` is null. In
 * order of preference: replace the existing value; add the key at the end of its `[table]`
 * section; add it as a dotted key next to a sibling (`features.a = true` ->
 * `features.b = true`); append a new `[table]` section at the end of the document. A new
 * top-level key goes after the last top-level key (before any table), else first.
 */
export function setTomlKey(
  source: string,
  path: readonly string[],
  literal: string | null,
): string {
  if (path.length === 0) throw new TomlEditError('an empty key path cannot be edited');
  const lines = source.split('\n');
  const entries = scanTomlEntries(source);
  const parent = path.slice(0, -1);
  const key = path[path.length - 1] as string;

  const existing = entries.filter((e) => e.kind === 'key' && samePath(e.path, path)).pop();
  if (existing !== undefined) {
    const index = existing.line - 1;
    const text = lines[index] as string;
    const end = valueEnd(text, existing.column - 1);
    if (end === null) {
      throw new TomlEditError(
        `the value of \`${path.join('.')}\` (line ${existing.line}) spans several lines`,
      );
    }
    if (literal === null) lines.splice(index, 1);
    else lines[index] = `${text.slice(0, existing.column - 1)}${literal}${text.slice(end)}`;
    return lines.join('\n');
  }
  if (literal === null) return source;
  const cr = source.includes('\r\n') ? '\r' : '';
  if (parent.length === 0) {
    const lastRoot = entries.filter((e) => e.kind === 'key' && e.table.length === 0).pop();
    const line = `${dottedKey([key])} = ${literal}`;
    if (lastRoot === undefined) {
      if (source === '') return `${line}\n`;
      lines.splice(0, 0, `${line}${cr}`);
    } else {
      const text = lines[lastRoot.line - 1] as string;
      if (valueEnd(text, lastRoot.column - 1) === null) {
        throw new TomlEditError(`the value at line ${lastRoot.line} spans several lines`);
      }
      insertLine(lines, lastRoot.line, line, cr);
    }
    return lines.join('\n');
  }

  const blocking = entries.find(
    (e) => e.kind !== 'table' && e.path.length <= parent.length && isPrefix(e.path, parent),
  );
  if (blocking !== undefined) {
    throw new TomlEditError(
      `\`${blocking.path.join('.')}\` (line ${blocking.line}) is not a [table] section`,
    );
  }
  const header = entries.find((e) => e.kind === 'table' && samePath(e.path, parent));
  if (header !== undefined) {
    const at = endOfSection(lines, entries, header);
    const indent = lastIndent(
      lines,
      entries,
      (e) => samePath(e.table, parent) && e.line > header.line,
    );
    insertLine(lines, at, `${indent}${dottedKey([key])} = ${literal}`, cr);
    return lines.join('\n');
  }

  const sibling = entries
    .filter(
      (e) =>
        e.kind === 'key' &&
        e.path.length > parent.length &&
        isPrefix(parent, e.path) &&
        e.table.length < parent.length &&
        isPrefix(e.table, parent),
    )
    .pop();
  if (sibling !== undefined) {
    const text = lines[sibling.line - 1] as string;
    if (valueEnd(text, sibling.column - 1) === null) {
      throw new TomlEditError(`the value at line ${sibling.line} spans several lines`);
    }
    const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
    const keyText = dottedKey([...parent.slice(sibling.table.length), key]);
    insertLine(lines, sibling.line, `${indent}${keyText} = ${literal}`, cr);
    return lines.join('\n');
  }

  const eol = `${cr}\n`;
  let text = source;
  if (text !== '' && !text.endsWith('\n')) text += eol;
  if (text.trim() !== '' && !text.endsWith(`\n${eol}`) && !text.endsWith('\n\n')) text += eol;
  return `${text}[${dottedKey(parent)}]${eol}${dottedKey([key])} = ${literal}${eol}`;
}

/** A key path as TOML source: bare segments where allowed, quoted otherwise. */
export function dottedKey(path: readonly string[]): string {
  return path
    .map((segment) => (/^[A-Za-z0-9_-]+$/.test(segment) ? segment : JSON.stringify(segment)))
    .join('.');
}

/** 0-based index of the line after the last key/value line of `header`'s section. */
function endOfSection(lines: string[], entries: readonly TomlEntry[], header: TomlEntry): number {
  const next = entries.find((e) => e.line > header.line && e.kind !== 'key');
  let last = (next === undefined ? lines.length : next.line - 1) - 1;
  while (last > header.line - 1 && isBlankOrComment(lines[last] as string)) last -= 1;
  return last + 1;
}

function lastIndent(
  lines: string[],
  entries: readonly TomlEntry[],
  inSection: (e: TomlEntry) => boolean,
): string {
  const last = entries.filter((e) => e.kind === 'key' && inSection(e)).pop();
  if (last === undefined) return '';
  return /^[ \t]*/.exec(lines[last.line - 1] as string)?.[0] ?? '';
}

/** Insert `content` as line `index` (0-based), keeping the document's line endings. */
function insertLine(lines: string[], index: number, content: string, cr: string): void {
  if (index >= lines.length) {
    // The document does not end with a newline: end the last line, then ours.
    lines[lines.length - 1] = `${lines[lines.length - 1] as string}${cr}`;
    lines.push(`${content}${cr}`, '');
    return;
  }
  lines.splice(index, 0, `${content}${cr}`);
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/**
 * Index just past the single-line value starting at `start` (a string, number, boolean, date,
 * array or inline table), or null when it continues on the next line.
 */
export function valueEnd(text: string, start: number): number | null {
  const first = text[start];
  if (first === '"' || first === "'") return stringEnd(text, start);
  if (first === '[' || first === '{') {
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '"' || ch === "'") {
        const end = stringEnd(text, i);
        if (end === null) return null;
        i = end;
        continue;
      }
      if (ch === '#') return null;
      if (ch === '[' || ch === '{') depth += 1;
      if (ch === ']' || ch === '}') depth -= 1;
      i += 1;
      if (depth === 0) return i;
    }
    return null;
  }
  let i = start;
  while (i < text.length && !/[\s#]/.test(text[i] as string)) i += 1;
  return i;
}

function stringEnd(text: string, start: number): number | null {
  const quote = text[start] as string;
  const triple = text.startsWith(quote.repeat(3), start);
  if (triple) {
    const close = text.indexOf(quote.repeat(3), start + 3);
    return close < 0 ? null : close + 3;
  }
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) return i + 1;
    i += 1;
  }
  return null;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}
