import * as z from 'zod';

import { isTable } from './config-override.js';
import type { ConfigTable } from './config-override.js';
import type { LayeredConfig } from './config-layers.js';
import {
  defaultFeatureStates,
  featureForKey,
  IGNORED_FEATURE_KEYS,
  TABLE_FEATURE_KEYS,
} from './feature-registry.js';
import { booleanOrTable, expecting, tomlBoolean, tomlTable } from './schema-helpers.js';

/** A feature that may be configured by a table: `true`, or `{ enabled = true, ... }`. */
const TableFeatureSchema = booleanOrTable(tomlTable({ enabled: tomlBoolean.optional() }));

/** `[features]`: `name = true|false`; a few features also take a table of settings. */
export const FeaturesTomlSchema = z
  .object(
    Object.fromEntries(TABLE_FEATURE_KEYS.map((key) => [key, TableFeatureSchema.optional()])),
    expecting('a table'),
  )
  .catchall(tomlBoolean);

/**
 * The effective state of every known feature. Layers apply lowest first (system, home, the
 * selected profile, trusted projects, each `-c` override in order, `--enable/--disable` last),
 * so a later layer wins whichever spelling (canonical or legacy alias) it uses. Within a layer,
 * the legacy top-level switches apply before its `[features]` table, whose keys apply in sorted
 * order, as in the Rust Codex. Values were validated beforehand (`FeaturesTomlSchema`); a value
 * of the wrong type in a layer that a higher layer replaced is skipped.
 */
export function resolveFeatures(layers: LayeredConfig): Record<string, boolean> {
  const states = defaultFeatureStates();
  for (const table of layers.layerTables()) applyLayer(states, table);
  normalizeDependencies(states);
  return states;
}

function applyLayer(states: Record<string, boolean>, table: ConfigTable): void {
  // Legacy switches outside `[features]`.
  const unifiedExec = table['experimental_use_unified_exec_tool'];
  if (typeof unifiedExec === 'boolean') states['unified_exec'] = unifiedExec;
  const tools = table['tools'];
  if (isTable(tools) && typeof tools['web_search'] === 'boolean') {
    states['web_search_request'] = tools['web_search'];
  }

  const features = table['features'];
  if (!isTable(features)) return;
  for (const key of Object.keys(features).sort()) {
    const enabled = toggleValue(features[key]);
    if (enabled === undefined || IGNORED_FEATURE_KEYS.has(key)) continue;
    const spec = featureForKey(key);
    if (spec !== undefined) states[spec.key] = enabled;
  }
}

/** `true` / `false`, or the `enabled` of a feature's settings table. */
function toggleValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (isTable(value) && typeof value['enabled'] === 'boolean') return value['enabled'];
  return undefined;
}

/** Features that need another one switch it on. */
function normalizeDependencies(states: Record<string, boolean>): void {
  if (states['enable_fanout'] === true) states['multi_agent'] = true;
  if (states['code_mode_only'] === true) states['code_mode'] = true;
}
