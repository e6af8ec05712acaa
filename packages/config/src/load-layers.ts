import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { isTable } from './config-override.js';
import {
  CONFIG_FILE_NAME,
  LayeredConfig,
  parseConfigText,
  readOptionalFile,
} from './config-layers.js';
import type { ConfigFileSource, FileLayer } from './config-layers.js';
import { ConfigReader } from './config-reader.js';
import { ConfigValidationError, UnknownProfileError } from './errors.js';
import { readProjectTrust } from './project-trust.js';
import { anyTable, describe, tomlBoolean, tomlString } from './schema-helpers.js';
import type { ConfigOverrides, ConfigWarning, LoadConfigOptions } from './types.js';

/** The machine-wide config file, lowest file layer. */
export const DEFAULT_SYSTEM_CONFIG_PATH = '/etc/codex/config.toml';

/**
 * `-c strict_config=true` (the key `codex exec --strict-config` sends through `thread/start`'s
 * `config` map): a loader switch, not a config value; removed before layering.
 */
export const STRICT_CONFIG_OVERRIDE_KEY = 'strict_config';

const PROFILE_FILE_SUFFIX = '.config.toml';
const PROJECT_CONFIG_DIR = '.codex';

export interface LoadedLayers {
  layers: LayeredConfig;
  profile: string | null;
  strict: boolean;
  warnings: ConfigWarning[];
}

/**
 * Read and stack every file layer, lowest precedence first:
 * system (`/etc/codex/config.toml`) < `<codexHome>/config.toml` < the selected profile
 * (`[profiles.NAME]` of each loaded file, then `<codexHome>/NAME.config.toml`) < trusted project
 * `.codex/config.toml` files (repo root down to cwd) < `-c` overrides.
 */
export async function loadLayers(
  opts: LoadConfigOptions,
  codexHome: string,
  cwd: string,
  overrides: ConfigOverrides,
): Promise<LoadedLayers> {
  const warnings: ConfigWarning[] = [];
  const cli: Record<string, unknown> = { ...(opts.cliOverrides ?? {}) };
  const strictOverride = tomlBoolean.optional().safeParse(cli[STRICT_CONFIG_OVERRIDE_KEY]);
  delete cli[STRICT_CONFIG_OVERRIDE_KEY];
  if (!strictOverride.success) {
    throw new ConfigValidationError(
      STRICT_CONFIG_OVERRIDE_KEY,
      `-c ${STRICT_CONFIG_OVERRIDE_KEY}`,
      strictOverride.error.issues[0]?.message ?? 'expected a boolean',
    );
  }
  const strict = (opts.strict ?? false) || strictOverride.data === true;

  const homePath = join(codexHome, CONFIG_FILE_NAME);
  const systemPath =
    opts.systemConfigPath === null ? null : (opts.systemConfigPath ?? DEFAULT_SYSTEM_CONFIG_PATH);
  const base: FileLayer[] = [];
  for (const path of [systemPath, homePath]) {
    if (path === null) continue;
    const layer = wholeFile(await readOptionalFile(path));
    if (layer !== null) base.push(layer);
  }

  // Trust comes from the layers below the project ones (a project cannot trust itself).
  const trustReader = new ConfigReader(LayeredConfig.fromLayers(base, cli, homePath), false);
  const trust = readProjectTrust(trustReader);
  const projects = await readProjectLayers(cwd, trust, [homePath, systemPath], warnings);

  const selection = new ConfigReader(
    LayeredConfig.fromLayers([...base, ...projects], cli, homePath),
    false,
  );
  const explicit = opts.profile ?? overrides.profile ?? null;
  const name = explicit ?? selection.parse(['profile'], tomlString) ?? null;
  const selectedAt = explicit !== null ? '--profile' : selection.layers.locate(['profile']);
  let profileLayers: FileLayer[] = [];
  if (name !== null) {
    checkProfileName(name, selectedAt);
    selection.parse(['profiles', name], anyTable); // a non-table `profiles.NAME` fails at its line
    profileLayers = await readProfileLayers(name, selectedAt, codexHome, [...base, ...projects]);
  }

  const layers = LayeredConfig.fromLayers([...base, ...profileLayers, ...projects], cli, homePath);
  return { layers, profile: name, strict, warnings };
}

function wholeFile(source: ConfigFileSource | null): FileLayer | null {
  return source === null ? null : { source, table: parseConfigText(source), prefix: [] };
}

function checkProfileName(name: string, selectedAt: string): void {
  const bad =
    name.trim() === '' ||
    name === '.' ||
    name === '..' ||
    name.includes('/') ||
    name.includes('\\');
  if (bad) {
    throw new ConfigValidationError(
      'profile',
      selectedAt,
      `expected a profile name; got ${describe(name)}`,
    );
  }
}

async function readProfileLayers(
  name: string,
  selectedAt: string,
  codexHome: string,
  files: readonly FileLayer[],
): Promise<FileLayer[]> {
  const layers: FileLayer[] = [];
  const known = new Set<string>();
  for (const file of files) {
    const profiles = file.table['profiles'];
    if (!isTable(profiles)) continue;
    for (const key of Object.keys(profiles)) known.add(key);
    const table = profiles[name];
    if (isTable(table)) {
      layers.push({ source: file.source, table, prefix: ['profiles', name] });
    }
  }
  const namedPath = join(codexHome, `${name}${PROFILE_FILE_SUFFIX}`);
  const named = wholeFile(await readOptionalFile(namedPath));
  if (named !== null) layers.push(named);
  if (layers.length === 0) {
    for (const entry of listDir(codexHome)) {
      if (entry.endsWith(PROFILE_FILE_SUFFIX) && entry.length > PROFILE_FILE_SUFFIX.length) {
        known.add(entry.slice(0, -PROFILE_FILE_SUFFIX.length));
      }
    }
    const searched = [...new Set(files.map((file) => file.source.path)), namedPath];
    throw new UnknownProfileError(name, [...known].sort(), selectedAt, searched);
  }
  return layers;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * `.codex/config.toml` of every directory from the repository root (the nearest ancestor with
 * `.git`, else cwd) down to cwd, when the project is trusted: the nearest of cwd and its
 * ancestors up to the root with a `trust_level` decides. Untrusted files are skipped with a
 * warning.
 */
async function readProjectLayers(
  cwd: string,
  trust: Record<string, 'trusted' | 'untrusted'>,
  skip: readonly (string | null)[],
  warnings: ConfigWarning[],
): Promise<FileLayer[]> {
  const dirs = projectDirs(resolve(cwd));
  let level: 'trusted' | 'untrusted' | undefined;
  for (let i = dirs.length - 1; i >= 0 && level === undefined; i -= 1) {
    level = trust[dirs[i] as string];
  }
  const skipped = new Set(
    skip.filter((path): path is string => path !== null).map((p) => resolve(p)),
  );
  const layers: FileLayer[] = [];
  for (const dir of dirs) {
    const path = join(dir, PROJECT_CONFIG_DIR, CONFIG_FILE_NAME);
    if (skipped.has(path)) continue;
    if (level !== 'trusted') {
      if (existsSync(path)) {
        warnings.push({
          message: `project config ignored: ${dirs[0] as string} is not a trusted project`,
          location: path,
        });
      }
      continue;
    }
    const layer = wholeFile(await readOptionalFile(path));
    if (layer !== null) layers.push(layer);
  }
  return layers;
}

/** The repository root (nearest ancestor holding `.git`, else cwd) down to cwd. */
export function projectDirs(cwd: string): string[] {
  const chain: string[] = [];
  let dir = cwd;
  for (;;) {
    chain.push(dir);
    if (existsSync(join(dir, '.git'))) return chain.reverse();
    const parent = dirname(dir);
    if (parent === dir) return [cwd];
    dir = parent;
  }
}
