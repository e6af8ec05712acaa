import { isKnownTopLevelKey, type ConfigStackLayer } from '@codex-ts/config';
import type { ConfigLayer, ConfigLayerMetadata, ConfigLayerSource } from '@codex-ts/protocol';

/** Features whose effective state `config/read` reports under `features` (as Rust does). */
export const REPORTED_FEATURES = [
  'apps',
  'memories',
  'plugins',
  'remote_control',
  'tool_search',
  'tool_suggest',
  'tool_call_mcp_elicitation',
] as const;

export function layerSource(layer: ConfigStackLayer): ConfigLayerSource {
  const name = layer.name;
  switch (name.type) {
    case 'system':
      return { type: 'system', file: name.file };
    case 'user':
      return { type: 'user', file: name.file, profile: name.profile };
    case 'project':
      return { type: 'project', dotCodexFolder: name.dotCodexFolder };
    case 'sessionFlags':
      return { type: 'sessionFlags' };
  }
}

export function layerMetadata(layer: ConfigStackLayer): ConfigLayerMetadata {
  return { name: layerSource(layer), version: layer.version };
}

/** A layer as `config/read` lists it with `includeLayers`. */
export function layerView(layer: ConfigStackLayer): ConfigLayer {
  return { ...layerMetadata(layer), config: layer.config, disabledReason: layer.disabledReason };
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The effective config as the v2 `Config` carries it: config.toml's keys, without keys it does
 * not know, and without legacy value forms the v2 types cannot hold (`approval_policy =
 * "on-failure"`, a boolean `tools.web_search`).
 */
export function apiConfigView(effective: Record<string, unknown>): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(effective)) {
    if (isKnownTopLevelKey(key)) config[key] = value;
  }
  if (config['approval_policy'] === 'on-failure') delete config['approval_policy'];
  const tools = config['tools'];
  if (isTable(tools) && tools['web_search'] !== undefined && !isTable(tools['web_search'])) {
    const { web_search: _legacy, ...rest } = tools;
    config['tools'] = rest;
  }
  return config;
}
