import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { parse as parseToml } from 'smol-toml';

import { writeFileAtomic } from '@codex-ts/utils';
import { isTable, normalizeTomlValue, setOwn } from './config-override.js';
import type { ConfigTable } from './config-override.js';
import { CONFIG_FILE_NAME, parseConfigText, readOptionalFile } from './config-layers.js';
import { ConfigEditError } from './errors.js';
import { requireKnownFeature } from './feature-names.js';
import { canonicalFeature } from './feature-registry.js';
import type { FeatureSpec } from './feature-registry.js';
import { setTomlKey, TomlEditError } from './toml-edit.js';

export interface FeatureEditOptions {
  codexHome: string;
  /** A canonical feature name or a legacy alias; written as given. */
  feature: string;
  enabled: boolean;
  /** Write into `[profiles.NAME.features]` instead of `[features]`. */
  profile?: string | null;
}

export interface FeatureEditResult {
  /** The config file (`<codexHome>/config.toml`). */
  path: string;
  /** The feature the name sets. */
  spec: FeatureSpec;
  /** `set`: `name = true|false` written; `cleared`: the entry removed (see below). */
  action: 'set' | 'cleared';
  /** False when the file already said so (it is then not rewritten). */
  changed: boolean;
}

/**
 * `codex features enable|disable NAME`: record the choice in `<codexHome>/config.toml`, as the
 * Rust Codex does: `[features] NAME = true|false`, or `[profiles.P.features]` with a profile.
 * Disabling a feature that is off by default removes its top-level entry instead of writing
 * `false`, so that the file does not pin it off once it becomes on by default.
 *
 * The file is edited as text (comments, order and formatting are kept), the result is parsed
 * again and must differ from the original in that one entry only, then it replaces the file
 * atomically. An unknown name (`UnknownFeatureError`), a file that does not parse
 * (`ConfigParseError`, with file:line:col) or a shape the editor cannot change safely
 * (`ConfigEditError`) leave the file untouched.
 */
export async function setFeatureInConfig(opts: FeatureEditOptions): Promise<FeatureEditResult> {
  const spec = requireKnownFeature(opts.feature);
  const path = join(opts.codexHome, CONFIG_FILE_NAME);
  const source = await readOptionalFile(path);
  const original = source === null ? {} : parseConfigText(source);
  const text = source?.text ?? '';

  const scope = opts.profile ? ['profiles', opts.profile] : [];
  const keyPath = [...scope, 'features', opts.feature];
  const defaultOff = canonicalFeature(opts.feature)?.defaultEnabled === false;
  const clear = !opts.enabled && scope.length === 0 && defaultOff;

  let edited: string;
  try {
    edited = setTomlKey(text, keyPath, clear ? null : String(opts.enabled));
  } catch (error) {
    if (error instanceof TomlEditError) throw new ConfigEditError(path, error.message, error);
    throw error;
  }
  checkEdit(path, original, edited, keyPath, clear ? undefined : opts.enabled);

  const changed = edited !== text;
  if (changed) {
    await mkdir(opts.codexHome, { recursive: true });
    await writeFileAtomic(path, edited);
  }
  return { path, spec, action: clear ? 'cleared' : 'set', changed };
}

/** The edited text must parse and equal the original with only `keyPath` set (or removed). */
function checkEdit(
  path: string,
  original: ConfigTable,
  edited: string,
  keyPath: readonly string[],
  value: boolean | undefined,
): void {
  let parsed: unknown;
  try {
    parsed = normalizeTomlValue(parseToml(edited));
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ConfigEditError(path, `the edited file would not be valid TOML (${reason})`, error);
  }
  const expected = normalizeTomlValue(original) as ConfigTable;
  if (value === undefined) {
    removeIn(expected, keyPath);
    if (isDeepStrictEqual(parsed, expected)) return;
    pruneEmptyTables(expected, keyPath.slice(0, -1));
  } else {
    setIn(expected, keyPath, value);
  }
  if (!isDeepStrictEqual(parsed, expected)) {
    throw new ConfigEditError(
      path,
      `\`${keyPath.join('.')}\` could not be changed without changing other settings; ` +
        'edit the file by hand',
    );
  }
}

function setIn(root: ConfigTable, path: readonly string[], value: unknown): void {
  let table = root;
  for (const segment of path.slice(0, -1)) {
    const next = Object.hasOwn(table, segment) ? table[segment] : undefined;
    if (isTable(next)) {
      table = next;
    } else {
      const created: ConfigTable = {};
      setOwn(table, segment, created);
      table = created;
    }
  }
  setOwn(table, path[path.length - 1] as string, value);
}

function removeIn(root: ConfigTable, path: readonly string[]): void {
  let table: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!isTable(table)) return;
    table = table[segment];
  }
  if (isTable(table)) delete table[path[path.length - 1] as string];
}

/** Drop `path` and its ancestors while they are empty tables (a removed dotted key's parents). */
function pruneEmptyTables(root: ConfigTable, path: readonly string[]): void {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const parent = path.slice(0, depth - 1);
    let table: unknown = root;
    for (const segment of parent) table = isTable(table) ? table[segment] : undefined;
    const key = path[depth - 1] as string;
    if (!isTable(table)) return;
    const child = table[key];
    if (!isTable(child) || Object.keys(child).length > 0) return;
    delete table[key];
  }
}
