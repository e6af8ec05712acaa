/**
 * Find the line where a key is defined in TOML source text, for error messages.
 * This is a line scanner, not a parser: it understands table headers (`[a.b]`, `[[a]]`),
 * `key = value` lines with bare, quoted and dotted keys, comments and multi-line strings,
 * which covers how people write config.toml. The document has already parsed successfully.
 */

/** A table header or a `key = value` line found by `scanTomlEntries`. */
export interface TomlEntry {
  kind: 'table' | 'array-table' | 'key';
  /** Full key path: the header's path, or the enclosing table's path plus the (dotted) key. */
  path: string[];
  /** The table a key line belongs to (its header's path; empty at the top); for headers, `path`. */
  table: string[];
  /** 1-based line. */
  line: number;
  /** 1-based column of the value (`key = <here>`), or of the `[` of a table header. */
  column: number;
}

type KeyEntry = TomlEntry;

/**
 * 1-based line and column of `path` in `source` (the column of its value), else of its closest
 * defined ancestor, else null.
 */
export function findKeyPosition(
  source: string,
  path: readonly string[],
): { line: number; column: number } | null {
  const entries = scanKeys(source);
  let best: KeyEntry | null = null;
  for (const entry of entries) {
    if (!isPrefix(entry.path, path)) continue;
    if (entry.path.length === path.length) return { line: entry.line, column: entry.column };
    if (best === null || entry.path.length > best.path.length) best = entry;
  }
  return best === null ? null : { line: best.line, column: best.column };
}

/** 1-based line of `path` in `source`, else of its closest defined ancestor, else null. */
export function findKeyLine(source: string, path: readonly string[]): number | null {
  return findKeyPosition(source, path)?.line ?? null;
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length === 0 || prefix.length > path.length) return false;
  return prefix.every((segment, i) => segment === path[i]);
}

/** Every table header and `key = value` line of `source`, in order. */
export function scanTomlEntries(source: string): TomlEntry[] {
  return scanKeys(source);
}

function scanKeys(source: string): KeyEntry[] {
  const entries: KeyEntry[] = [];
  const lines = source.split(/\r?\n/);
  let table: string[] = [];
  let openString: '"""' | "'''" | null = null;

  lines.forEach((text, index) => {
    const line = index + 1;
    if (openString !== null) {
      if (text.includes(openString)) openString = null;
      return;
    }
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const indent = text.length - trimmed.length;

    if (trimmed.startsWith('[')) {
      const depth = trimmed.startsWith('[[') ? 2 : 1;
      const header = readKeyPath(trimmed, depth);
      if (header !== null) {
        table = header.path;
        const kind = depth === 2 ? 'array-table' : 'table';
        entries.push({ kind, path: header.path, table, line, column: indent + 1 });
      }
      return;
    }

    const key = readKeyPath(trimmed, 0);
    if (key === null) return;
    const rest = trimmed.slice(key.end).trimStart();
    if (!rest.startsWith('=')) return;
    const value = rest.slice(1).trimStart();
    const column = text.length - value.length + 1;
    entries.push({ kind: 'key', path: [...table, ...key.path], table, line, column });
    openString = unterminatedMultilineString(rest.slice(1));
  });
  return entries;
}

/** Read a (possibly dotted, possibly quoted) key starting at `start`. */
function readKeyPath(text: string, start: number): { path: string[]; end: number } | null {
  const path: string[] = [];
  let i = start;
  for (;;) {
    i = skipSpaces(text, i);
    const segment = readKeySegment(text, i);
    if (segment === null) return null;
    path.push(segment.value);
    i = skipSpaces(text, segment.end);
    if (text[i] !== '.') break;
    i += 1;
  }
  return { path, end: i };
}

function readKeySegment(text: string, start: number): { value: string; end: number } | null {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    let value = '';
    let i = start + 1;
    while (i < text.length && text[i] !== quote) {
      if (quote === '"' && text[i] === '\\' && i + 1 < text.length) {
        value += unescape(text[i + 1] as string);
        i += 2;
        continue;
      }
      value += text[i];
      i += 1;
    }
    return i < text.length ? { value, end: i + 1 } : null;
  }
  let i = start;
  while (i < text.length && /[A-Za-z0-9_-]/.test(text[i] as string)) i += 1;
  return i > start ? { value: text.slice(start, i), end: i } : null;
}

function unescape(ch: string): string {
  switch (ch) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    default:
      return ch;
  }
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t') i += 1;
  return i;
}

/** If a value opens a `"""` / `'''` string that does not close on the same line, its delimiter. */
function unterminatedMultilineString(value: string): '"""' | "'''" | null {
  const trimmed = value.trimStart();
  for (const delimiter of ['"""', "'''"] as const) {
    if (trimmed.startsWith(delimiter) && !trimmed.slice(3).includes(delimiter)) {
      return delimiter;
    }
  }
  return null;
}
