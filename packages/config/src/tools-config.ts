import type { z } from 'zod';

import {
  booleanOrTable,
  stringArray,
  tomlBoolean,
  tomlEnum,
  tomlString,
  tomlTable,
} from './schema-helpers.js';
import type { WebSearchMode, WebSearchToolConfig } from './types.js';

export const WEB_SEARCH_MODES: readonly WebSearchMode[] = ['disabled', 'cached', 'live'];

/** `[tools.web_search]`: settings passed to the hosted web search tool. */
const WebSearchToolSchema = tomlTable({
  context_size: tomlEnum(['low', 'medium', 'high']).optional(),
  allowed_domains: stringArray.optional(),
  location: tomlTable({
    country: tomlString.optional(),
    region: tomlString.optional(),
    city: tomlString.optional(),
    timezone: tomlString.optional(),
  }).optional(),
});

/** `[tools]`. `web_search = true` is an older spelling of the live web search switch. */
export const ToolsSchema = tomlTable({
  web_search: booleanOrTable(WebSearchToolSchema).optional(),
  // A table, as in the Rust Codex (`update_plan = false` is an error there too).
  update_plan: tomlTable({ enabled: tomlBoolean.optional() }).optional(),
});

type ToolsToml = z.output<typeof ToolsSchema>;

/**
 * The configured web search mode, as the Rust Codex resolves it: `web_search` wins; else the
 * deprecated features `web_search_cached` (cached) and `web_search_request` (live; also set by
 * a boolean `tools.web_search = true`); else null (the turn then uses `cached`, or `live`
 * without a sandbox).
 */
export function readWebSearchMode(
  mode: WebSearchMode | undefined,
  features: Readonly<Record<string, boolean>>,
): WebSearchMode | null {
  if (mode !== undefined) return mode;
  if (features['web_search_cached'] === true) return 'cached';
  if (features['web_search_request'] === true) return 'live';
  return null;
}

/** `[tools.web_search]` settings; null when absent or a boolean (which carries no settings). */
export function readWebSearchToolConfig(tools: ToolsToml | undefined): WebSearchToolConfig | null {
  const raw = tools?.web_search;
  if (raw === undefined || typeof raw === 'boolean') return null;
  const config: WebSearchToolConfig = {};
  if (raw.context_size !== undefined) config.contextSize = raw.context_size;
  if (raw.allowed_domains !== undefined) config.allowedDomains = raw.allowed_domains;
  if (raw.location !== undefined) {
    const location: NonNullable<WebSearchToolConfig['location']> = {};
    for (const key of ['country', 'region', 'city', 'timezone'] as const) {
      const value = raw.location[key];
      if (value !== undefined) location[key] = value;
    }
    config.location = location;
  }
  return config;
}

/**
 * `[tools.update_plan] enabled`: absent table means enabled; a table without `enabled` means
 * disabled (serde's default for the Rust `UpdatePlanToolConfig`).
 */
export function readUpdatePlanEnabled(tools: ToolsToml | undefined): boolean {
  if (tools?.update_plan === undefined) return true;
  return tools.update_plan.enabled ?? false;
}
