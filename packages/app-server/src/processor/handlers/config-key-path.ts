import type { MergeStrategy } from '@codex-ts/protocol';

/** Why a config edit's `keyPath` or `value` cannot be applied (the Rust app server's wording). */
export class ConfigEditRejected extends Error {
  readonly code = 'config_edit_rejected';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigEditRejected';
  }
}

type Table = Record<string, unknown>;

/**
 * Splits a `keyPath` on dots, except inside a `"quoted"` segment (where `\` escapes the next
 * character). Bare segments stay permissive (`sample@catalog`); empty segments are refused.
 */
export function parseKeyPath(path: string): string[] {
  if (path.trim() === '') throw new ConfigEditRejected('keyPath must not be empty');
  const segments: string[] = [];
  let segment = '';
  let quoted = false;
  for (let i = 0; i < path.length; i += 1) {
    const ch = path[i] as string;
    if (ch === '"' && segment === '' && !quoted) quoted = true;
    else if (ch === '"' && quoted) quoted = false;
    else if (ch === '\\' && quoted) {
      i += 1;
      if (i >= path.length) throw new ConfigEditRejected('unterminated escape in keyPath');
      segment += path[i] as string;
    } else if (ch === '.' && !quoted) {
      if (segment === '') throw new ConfigEditRejected('keyPath segments must not be empty');
      segments.push(segment);
      segment = '';
    } else if (ch === '"') throw new ConfigEditRejected('invalid quoted keyPath segment');
    else segment += ch;
  }
  if (quoted) throw new ConfigEditRejected('unterminated quoted keyPath segment');
  if (segment === '') throw new ConfigEditRejected('keyPath segments must not be empty');
  segments.push(segment);
  return segments;
}

/** Legacy profile selectors may only be removed, never written (as in the Rust app server). */
export function refuseLegacyProfileWrite(segments: readonly string[], value: unknown): void {
  if (value === null) return;
  if (segments.length === 1 && segments[0] === 'profile') {
    throw new ConfigEditRejected(
      '`profile` is a legacy config selector and can no longer be written; use `--profile <name>` with `<name>.config.toml` instead',
    );
  }
  if (segments[0] === 'profiles') {
    throw new ConfigEditRejected(
      '`profiles` contains legacy config profile tables and can no longer be written; use `--profile <name>` with `<name>.config.toml` instead',
    );
  }
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value as a TOML value: `null` only at the top (it removes the key). */
export function checkTomlValue(value: unknown, at = 'value'): void {
  if (value === null)
    throw new ConfigEditRejected(`invalid value: ${at} is null, which TOML cannot hold`);
  if (Array.isArray(value)) value.forEach((item, i) => checkTomlValue(item, `${at}[${String(i)}]`));
  else if (isTable(value)) {
    for (const [key, child] of Object.entries(value)) checkTomlValue(child, `${at}.${key}`);
  }
}

function setOwn(table: Table, key: string, value: unknown): void {
  Object.defineProperty(table, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * Applies one edit to `root` as the Rust app server does: `null` removes the key; otherwise
 * missing or non-table parents become tables, and the value replaces what is there, except that
 * `upsert` of a table into a table merges it (recursively).
 */
export function applyEdit(
  root: Table,
  segments: readonly string[],
  value: unknown,
  strategy: MergeStrategy,
): void {
  const parents = segments.slice(0, -1);
  const last = segments[segments.length - 1] as string;
  if (value === null) {
    let current: unknown = root;
    for (const segment of parents) {
      if (!isTable(current) || !Object.hasOwn(current, segment)) return;
      current = current[segment];
    }
    if (isTable(current)) delete current[last];
    return;
  }
  let table = root;
  for (const segment of parents) {
    const next = Object.hasOwn(table, segment) ? table[segment] : undefined;
    if (isTable(next)) {
      table = next;
    } else {
      const created: Table = {};
      setOwn(table, segment, created);
      table = created;
    }
  }
  const existing = Object.hasOwn(table, last) ? table[last] : undefined;
  if (strategy === 'upsert' && isTable(existing) && isTable(value)) mergeInto(existing, value);
  else setOwn(table, last, structuredClone(value));
}

function mergeInto(target: Table, overlay: Table): void {
  for (const [key, value] of Object.entries(overlay)) {
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isTable(existing) && isTable(value)) mergeInto(existing, value);
    else setOwn(target, key, structuredClone(value));
  }
}
