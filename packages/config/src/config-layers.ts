import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { parse as parseToml, TomlError } from 'smol-toml';

import { isTable, normalizeTomlValue, setDottedKey, setOwn } from './config-override.js';
import type { ConfigTable } from './config-override.js';
import { ConfigParseError, ConfigReadError } from './errors.js';
import { findKeyPosition } from './toml-locate.js';

export const CONFIG_FILE_NAME = 'config.toml';

/** The text of a config file that was read, kept to point errors at lines. */
export interface ConfigFileSource {
  path: string;
  text: string;
}

/** Where a value came from: a config file or a `-c key=value` override. */
export type ValueOrigin = { kind: 'file'; path: string } | { kind: 'override'; key: string };

/**
 * One file layer: a table read from `source`. `prefix` is where that table sits inside the file
 * (`['profiles', 'work']` for a `[profiles.work]` table; empty for a whole file), so that line
 * lookups search the right keys.
 */
export interface FileLayer {
  source: ConfigFileSource;
  table: ConfigTable;
  prefix: readonly string[];
}

/**
 * File layers (lowest precedence first) merged table by table, with the `-c` overrides applied
 * on top, remembering which layer set each value so that validation errors can say
 * `/etc/codex/config.toml:3`, `work.config.toml:2` or `-c model_provider`.
 */
export class LayeredConfig {
  private constructor(
    readonly root: ConfigTable,
    private readonly files: readonly FileLayer[],
    private readonly overrides: readonly (readonly [key: string, value: unknown])[],
    private readonly defaultPath: string,
  ) {}

  /** `config.toml` plus `-c` overrides (the single-file form). */
  static build(
    file: ConfigFileSource | null,
    fileTable: ConfigTable,
    cliOverrides: Record<string, unknown>,
  ): LayeredConfig {
    const files = file === null ? [] : [{ source: file, table: fileTable, prefix: [] }];
    return LayeredConfig.fromLayers(files, cliOverrides, file?.path ?? CONFIG_FILE_NAME);
  }

  /**
   * Merge `files` (lowest first; tables merge key by key, anything else replaces) and apply
   * `cliOverrides`. `defaultPath` names values no layer can be found for.
   */
  static fromLayers(
    files: readonly FileLayer[],
    cliOverrides: Record<string, unknown>,
    defaultPath: string,
  ): LayeredConfig {
    const root: ConfigTable = {};
    for (const layer of files) mergeInto(root, layer.table);
    const overrides: (readonly [string, unknown])[] = [];
    for (const [key, value] of Object.entries(cliOverrides)) {
      setDottedKey(root, key, normalizeTomlValue(value));
      overrides.push([key, value]);
    }
    return new LayeredConfig(root, files, overrides, defaultPath);
  }

  /** The files that make up this config, lowest precedence first (a file may appear twice). */
  get sources(): string[] {
    return this.files.map((layer) => layer.source.path);
  }

  /**
   * Each layer's own table, lowest precedence first: the file layers (a profile layer is its
   * `[profiles.NAME]` table), then one small table per `-c` override, in command-line order.
   * For settings that must be resolved layer by layer (feature flags and their aliases).
   */
  layerTables(): ConfigTable[] {
    const tables = this.files.map((layer) => layer.table);
    for (const [key, value] of this.overrides) {
      const table: ConfigTable = {};
      setDottedKey(table, key, normalizeTomlValue(value));
      tables.push(table);
    }
    return tables;
  }

  /** The value at a key path, or undefined when absent. */
  get(path: readonly string[]): unknown {
    return getIn(this.root, path);
  }

  /**
   * The layer that decided the value at `path`: the last override setting it or an ancestor;
   * else the highest file layer that has it; else the last override that created it by setting
   * a descendant (`-c model_providers.mock.base_url` creates `model_providers.mock`).
   */
  origin(path: readonly string[]): ValueOrigin {
    const found = this.locateLayer(path);
    if (typeof found === 'string') return { kind: 'override', key: found };
    return { kind: 'file', path: found?.source.path ?? this.defaultPath };
  }

  private locateLayer(path: readonly string[]): string | FileLayer | null {
    const dotted = path.join('.');
    const covering = this.lastOverride((key) => dotted === key || dotted.startsWith(`${key}.`));
    if (covering !== null) return covering;
    for (let i = this.files.length - 1; i >= 0; i -= 1) {
      const layer = this.files[i] as FileLayer;
      if (getIn(layer.table, path) !== undefined) return layer;
    }
    const creating = this.lastOverride((key) => key.startsWith(`${dotted}.`));
    return creating ?? this.files[this.files.length - 1] ?? null;
  }

  private lastOverride(matches: (key: string) => boolean): string | null {
    for (let i = this.overrides.length - 1; i >= 0; i -= 1) {
      const key = (this.overrides[i] as readonly [string, unknown])[0];
      if (matches(key)) return key;
    }
    return null;
  }

  /**
   * `<file>:<line>:<col>` (the value's position; or just `<file>`) for file values, `-c <key>`
   * for override values.
   */
  locate(path: readonly string[]): string {
    const found = this.locateLayer(path);
    if (typeof found === 'string') return `-c ${found}`;
    if (found === null) return this.defaultPath;
    const at = findKeyPosition(found.source.text, [...found.prefix, ...path]);
    return at === null ? found.source.path : `${found.source.path}:${at.line}:${at.column}`;
  }
}

/** Deep-merge `overlay` into `target`: tables merge key by key, other values replace. */
function mergeInto(target: ConfigTable, overlay: ConfigTable): void {
  for (const [key, value] of Object.entries(overlay)) {
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isTable(value) && isTable(existing)) {
      mergeInto(existing, value);
    } else {
      setOwn(target, key, normalizeTomlValue(value)); // deep copy
    }
  }
}

function getIn(root: ConfigTable, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (!isTable(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** Read `<codexHome>/config.toml`; a missing file is not an error. */
export async function readConfigFile(codexHome: string): Promise<ConfigFileSource | null> {
  return readOptionalFile(join(codexHome, CONFIG_FILE_NAME));
}

/** Read a config file at `path`; a missing file (or a missing parent) is not an error. */
export async function readOptionalFile(path: string): Promise<ConfigFileSource | null> {
  try {
    return { path, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return null;
    }
    throw new ConfigReadError(path, error);
  }
}

/** Parse TOML text, turning syntax errors into `ConfigParseError` (`path:line:col: reason`). */
export function parseConfigText(source: ConfigFileSource): ConfigTable {
  try {
    return normalizeTomlValue(parseToml(source.text)) as ConfigTable;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new ConfigParseError(
        source.path,
        error.line,
        error.column,
        describeTomlError(error),
        error,
      );
    }
    throw error;
  }
}

/** smol-toml messages are `Invalid TOML document: <reason>` followed by a code excerpt. */
function describeTomlError(error: TomlError): string {
  const firstLine = error.message.split('\n', 1)[0] ?? error.message;
  const reason = firstLine.replace(/^Invalid TOML document:\s*/, '').trim();
  return reason === '' ? 'invalid TOML' : reason;
}
