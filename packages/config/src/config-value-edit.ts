import { isDeepStrictEqual } from 'node:util';

import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';

import { isTable, normalizeTomlValue, setOwn } from './config-override.js';
import type { ConfigTable } from './config-override.js';
import { LayeredConfig, parseConfigText, readOptionalFile } from './config-layers.js';
import { ConfigReader } from './config-reader.js';
import { ConfigTomlSchema } from './config-toml-schema.js';
import { setTomlKey, TomlEditError, valueEnd } from './toml-edit.js';
import { scanTomlEntries } from './toml-locate.js';

/**
 * Rewrites config.toml text so that it holds `updated` (the table the text parsed to, `original`,
 * with the values under `paths` changed), touching only the lines of those values: comments,
 * order and formatting elsewhere stay as they were, as the Rust Codex's edits keep them. Values
 * are replaced, added or removed in place; a removed table loses its `[section]` lines too. The
 * result is parsed again; if it does not hold `updated` (a shape the line editor cannot change,
 * e.g. a value spanning several lines), the document is serialized anew from `updated` instead,
 * which keeps the values but not the comments.
 */
export function rewriteConfigText(
  text: string,
  original: ConfigTable,
  updated: ConfigTable,
  paths: readonly (readonly string[])[],
): string {
  const ops: EditOp[] = [];
  for (const path of paths)
    planEdits(valueAt(original, path), valueAt(updated, path), [...path], ops);
  let edited = text;
  try {
    for (const op of ops) {
      if (op.kind === 'set') edited = setTomlKey(edited, op.path, tomlLiteral(op.value));
      else if (op.kind === 'removeKey') edited = setTomlKey(edited, op.path, null);
      else edited = removeTomlTable(edited, op.path);
    }
  } catch (error) {
    if (!(error instanceof TomlEditError)) throw error;
    return serialize(updated);
  }
  return holds(edited, updated) ? edited : serialize(updated);
}

type EditOp =
  | { kind: 'removeTable' | 'removeKey'; path: string[] }
  | { kind: 'set'; path: string[]; value: unknown };

/** The line edits that turn `before` into `after` at `path` (tables compared key by key). */
function planEdits(before: unknown, after: unknown, path: string[], ops: EditOp[]): void {
  if (isDeepStrictEqual(before, after)) return;
  const beforeTable = isTable(before);
  const afterTable = isTable(after) && Object.keys(after).length > 0;
  if (beforeTable && afterTable) {
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) planEdits(before[key], undefined, [...path, key], ops);
    }
    for (const [key, value] of Object.entries(after)) {
      planEdits(Object.hasOwn(before, key) ? before[key] : undefined, value, [...path, key], ops);
    }
    return;
  }
  // A value replaced by a value is changed in place; tables and removed values go first.
  if (before !== undefined && (beforeTable || after === undefined || afterTable)) {
    ops.push({ kind: beforeTable ? 'removeTable' : 'removeKey', path });
  }
  if (after === undefined) return;
  if (afterTable) {
    for (const [key, value] of Object.entries(after))
      planEdits(undefined, value, [...path, key], ops);
  } else {
    ops.push({ kind: 'set', path, value: after });
  }
}

/**
 * Removes the table at `path`: its `[section]` headers (its own and its sub-tables', with their
 * key lines) and dotted keys under it elsewhere. Text without it is returned unchanged.
 */
function removeTomlTable(text: string, path: readonly string[]): string {
  const lines = text.split('\n');
  const entries = scanTomlEntries(text);
  const headers = entries.filter((e) => e.kind !== 'key');
  const remove = new Set<number>();
  for (const entry of entries) {
    if (!startsWith(entry.path, path)) continue;
    if (entry.kind === 'key') {
      if (valueEnd(lines[entry.line - 1] as string, entry.column - 1) === null) {
        throw new TomlEditError(`the value at line ${entry.line} spans several lines`);
      }
      remove.add(entry.line - 1);
      continue;
    }
    const next = headers.find((h) => h.line > entry.line);
    let last = (next === undefined ? lines.length : next.line - 1) - 1;
    while (last > entry.line - 1 && /^\s*(#.*)?$/.test(lines[last] as string)) last -= 1;
    for (let i = entry.line - 1; i <= last; i += 1) remove.add(i);
    const before = entry.line - 2;
    const after = last + 1;
    if (before >= 0 && isBlank(lines[before]) && (after >= lines.length || isBlank(lines[after]))) {
      remove.add(before);
    }
  }
  return lines.filter((_, i) => !remove.has(i)).join('\n');
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '' || line.trim() === '\r';
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

/** The value at `path`, or undefined. */
export function valueAt(root: ConfigTable, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (!isTable(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** A JSON-compatible value as a single-line TOML literal. */
export function tomlLiteral(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : value < 0 ? '-inf' : 'nan';
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlLiteral).join(', ')}]`;
  if (isTable(value)) {
    const entries = Object.entries(value).map(
      ([key, child]) =>
        `${/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)} = ${tomlLiteral(child)}`,
    );
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  throw new TomlEditError(`a ${value === null ? 'null' : typeof value} cannot be written to TOML`);
}

function holds(text: string, expected: ConfigTable): boolean {
  try {
    return isDeepStrictEqual(
      withoutEmptyTables(normalizeTomlValue(parseToml(text))),
      withoutEmptyTables(normalizeTomlValue(expected)),
    );
  } catch {
    return false;
  }
}

/** A copy without empty tables (a section whose keys were all removed keeps its header). */
function withoutEmptyTables(value: unknown): unknown {
  if (!isTable(value)) return value;
  const out: ConfigTable = {};
  for (const [key, child] of Object.entries(value)) {
    const pruned = withoutEmptyTables(child);
    if (isTable(pruned) && Object.keys(pruned).length === 0) continue;
    setOwn(out, key, pruned);
  }
  return out;
}

function serialize(table: ConfigTable): string {
  const text = stringifyToml(table);
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

/**
 * Checks a config.toml table the way loading it would (value types and allowed values); throws
 * `ConfigValidationError` naming the offending key and its `path:line:col` in `text`. Unknown
 * keys are accepted, as the Rust Codex accepts them.
 */
export function validateConfigTable(table: ConfigTable, path: string, text: string): void {
  const reader = new ConfigReader(LayeredConfig.build({ path, text }, table, {}), false);
  reader.parse([], ConfigTomlSchema);
}

/** A config file's text and values; a missing file is empty. Throws `ConfigParseError`. */
export async function readConfigToml(
  path: string,
): Promise<{ path: string; text: string; table: ConfigTable; exists: boolean }> {
  const source = await readOptionalFile(path);
  if (source === null) return { path, text: '', table: {}, exists: false };
  return { path, text: source.text, table: parseConfigText(source), exists: true };
}

/** Parses config.toml text (a `ConfigParseError` names `path:line:col`). */
export function parseConfigToml(path: string, text: string): ConfigTable {
  return parseConfigText({ path, text });
}
