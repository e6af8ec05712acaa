import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

import { isTable, normalizeTomlValue, setOwn } from './config-override.js';
import type { ConfigTable } from './config-override.js';
import {
  CONFIG_FILE_NAME,
  LayeredConfig,
  parseConfigText,
  readOptionalFile,
} from './config-layers.js';
import type { FileLayer } from './config-layers.js';
import { ConfigReader } from './config-reader.js';
import { DEFAULT_SYSTEM_CONFIG_PATH, projectDirs } from './load-layers.js';
import { readProjectTrust } from './project-trust.js';

/** Where a layer of the stack comes from (the app server's `ConfigLayerSource`). */
export type ConfigLayerName =
  | { type: 'system'; file: string }
  | { type: 'user'; file: string; profile: string | null }
  | { type: 'project'; dotCodexFolder: string }
  | { type: 'sessionFlags' };

/** One layer: its values as read, and why it does not apply (an untrusted project). */
export interface ConfigStackLayer {
  name: ConfigLayerName;
  config: ConfigTable;
  /** `sha256:<hex>` of the values, see `configVersion`. */
  version: string;
  disabledReason: string | null;
}

export interface ConfigLayerStackOptions {
  codexHome: string;
  /** With a cwd, the trusted `.codex/config.toml` files from the repository root down to it. */
  cwd?: string | null;
  /** Defaults to `/etc/codex/config.toml`; null leaves the system layer out. */
  systemConfigPath?: string | null;
  /** `-c key=value` overrides of the process, as the top `sessionFlags` layer. */
  cliOverrides?: Record<string, unknown>;
}

/**
 * The config layers as the app server's `config/read` reports them, lowest precedence first:
 * system, user (`<codexHome>/config.toml`; both present even when the file is missing), project
 * layers when a cwd is given (untrusted ones disabled), session flags. Profiles are not applied.
 * A file that does not parse throws `ConfigParseError`.
 */
export async function loadConfigLayerStack(
  opts: ConfigLayerStackOptions,
): Promise<ConfigStackLayer[]> {
  const systemPath =
    opts.systemConfigPath === null ? null : (opts.systemConfigPath ?? DEFAULT_SYSTEM_CONFIG_PATH);
  const userPath = join(opts.codexHome, CONFIG_FILE_NAME);
  const layers: ConfigStackLayer[] = [];
  const files: FileLayer[] = [];
  if (systemPath !== null) {
    const table = await readTable(systemPath, files);
    layers.push(stackLayer({ type: 'system', file: systemPath }, table, null));
  }
  const userTable = await readTable(userPath, files);
  layers.push(stackLayer({ type: 'user', file: userPath, profile: null }, userTable, null));
  if (opts.cwd != null) {
    const reader = new ConfigReader(LayeredConfig.fromLayers(files, {}, userPath), false);
    const trust = readProjectTrust(reader);
    const dirs = projectDirs(resolve(opts.cwd));
    let level: string | undefined;
    for (let i = dirs.length - 1; i >= 0 && level === undefined; i -= 1) {
      level = trust[dirs[i] as string];
    }
    for (const dir of dirs) {
      const folder = join(dir, '.codex');
      const path = join(folder, CONFIG_FILE_NAME);
      if (path === userPath || path === systemPath) continue;
      const source = await readOptionalFile(path);
      if (source === null) continue;
      const reason =
        level === 'trusted' ? null : `${dirs[0] as string} is not a trusted project directory`;
      const name: ConfigLayerName = { type: 'project', dotCodexFolder: folder };
      layers.push(stackLayer(name, parseConfigText(source), reason));
    }
  }
  const overrides = Object.entries(opts.cliOverrides ?? {});
  if (overrides.length > 0) {
    const table = LayeredConfig.fromLayers([], opts.cliOverrides ?? {}, userPath).root;
    layers.push(stackLayer({ type: 'sessionFlags' }, table, null));
  }
  return layers;
}

async function readTable(path: string, files: FileLayer[]): Promise<ConfigTable> {
  const source = await readOptionalFile(path);
  if (source === null) return {};
  const table = parseConfigText(source);
  files.push({ source, table, prefix: [] });
  return table;
}

function stackLayer(
  name: ConfigLayerName,
  config: ConfigTable,
  disabledReason: string | null,
): ConfigStackLayer {
  return { name, config, version: configVersion(config), disabledReason };
}

/**
 * The version of a layer's values, as the Rust Codex computes it: `sha256:` and the hex digest
 * of the values as compact JSON with object keys sorted (formatting and key order do not count).
 */
export function configVersion(table: ConfigTable): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(canonical(table)))
    .digest('hex');
  return `sha256:${digest}`;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isTable(value)) {
    const out: ConfigTable = {};
    for (const key of Object.keys(value).sort()) setOwn(out, key, canonical(value[key]));
    return out;
  }
  return value;
}

/** The enabled layers merged, lowest first: tables merge key by key, other values replace. */
export function mergeConfigLayers(layers: readonly ConfigStackLayer[]): ConfigTable {
  const root: ConfigTable = {};
  for (const layer of layers) if (layer.disabledReason === null) mergeTables(root, layer.config);
  return root;
}

function mergeTables(target: ConfigTable, overlay: ConfigTable): void {
  for (const [key, value] of Object.entries(overlay)) {
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isTable(value) && isTable(existing)) mergeTables(existing, value);
    else setOwn(target, key, normalizeTomlValue(value));
  }
}

/**
 * Dotted key path of every leaf value (scalars, and array elements by index) -> the enabled
 * layer that set it last, as the Rust Codex's `origins`.
 */
export function configOrigins(
  layers: readonly ConfigStackLayer[],
): Record<string, ConfigStackLayer> {
  const origins: Record<string, ConfigStackLayer> = {};
  const visit = (value: unknown, path: string[], layer: ConfigStackLayer): void => {
    if (isTable(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key], layer);
    } else if (Array.isArray(value)) {
      value.forEach((child, index) => visit(child, [...path, String(index)], layer));
    } else if (path.length > 0) {
      setOwn(origins, path.join('.'), layer);
    }
  };
  for (const layer of layers) if (layer.disabledReason === null) visit(layer.config, [], layer);
  return origins;
}
