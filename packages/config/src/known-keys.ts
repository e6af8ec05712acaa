import { isTable } from './config-override.js';
import type { ConfigReader } from './config-reader.js';
import { SandboxWorkspaceWriteSchema } from './config-sections.js';
import { ConfigTomlSchema } from './config-toml-schema.js';
import { isAcceptedFeaturesTableKey } from './feature-registry.js';
import { AMAZON_BEDROCK_PROVIDER_ID, ModelProviderTomlSchema } from './model-providers.js';
import { ShellEnvironmentPolicySchema } from './shell-environment-policy.js';

/*
 * Which keys of `config.toml` we recognise: those of `ConfigTomlSchema` (acted on), and keys the
 * Rust Codex accepts but codex-ts does not act on yet, which load silently so that a config
 * written for the Rust Codex produces no warnings here.
 */

/**
 * Top-level keys of the Rust Codex's `ConfigToml` (codex-rs/config/src/config_toml.rs, 0.16x),
 * plus keys older releases accepted and that users still have in their files.
 */
export const RUST_ONLY_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  // Current ConfigToml fields.
  'review_model',
  'model_context_window',
  'model_auto_compact_token_limit',
  'model_auto_compact_token_limit_scope',
  'approvals_reviewer',
  'auto_review',
  'shell_environment_policy',
  'allow_login_shell',
  'default_permissions',
  'permissions',
  'notify',
  'instructions',
  'include_permissions_instructions',
  'include_apps_instructions',
  'include_collaboration_mode_instructions',
  'include_environment_context',
  'compact_prompt',
  'forced_chatgpt_workspace_id',
  'forced_login_method',
  'cli_auth_credentials_store',
  'mcp_servers',
  'mcp_oauth_credentials_store',
  'mcp_oauth_callback_port',
  'mcp_oauth_callback_url',
  'project_doc_fallback_filenames',
  'tool_output_token_limit',
  'background_terminal_max_timeout',
  'js_repl_node_path',
  'js_repl_node_module_dirs',
  'profile',
  'profiles',
  'history',
  'sqlite_home',
  'sqlite',
  'log_dir',
  'debug',
  'file_opener',
  'tui',
  'hide_agent_reasoning',
  'show_raw_agent_reasoning',
  'plan_mode_reasoning_effort',
  'model_supports_reasoning_summaries',
  'model_catalog_json',
  'personality',
  'service_tier',
  'chatgpt_base_url',
  'apps_mcp_product_sku',
  'audio',
  'realtime',
  'projects',
  'web_search',
  'tools',
  'tool_suggest',
  'agents',
  'memories',
  'skills',
  'hooks',
  'plugins',
  'marketplaces',
  'features',
  'suppress_unstable_features_warning',
  'ghost_snapshot',
  'project_root_markers',
  'check_for_update_on_startup',
  'disable_paste_burst',
  'analytics',
  'feedback',
  'apps',
  'desktop',
  'otel',
  'windows',
  'notice',
  'oss_provider',
  // Accepted by earlier releases; still found in users' files.
  'disable_response_storage',
  'preferred_auth_method',
  'windows_wsl_setup_acknowledged',
  'model_reasoning_summary_format',
  'model_max_output_tokens',
  'model_personality',
  'model_family',
  'responses_originator_header_internal_override',
  'use_experimental_streamable_shell_tool',
  'use_experimental_reasoning_summary',
  'use_experimental_unified_exec_tool',
  'use_legacy_landlock',
  'include_plan_tool',
  'include_apply_patch_tool',
  'include_view_image_tool',
  'tools_web_search_request',
  'tools_view_image',
  'notices',
  'zsh_path',
]);

/** Any `experimental_*` key is accepted: the Rust Codex adds and retires them often. */
export function isKnownTopLevelKey(key: string): boolean {
  return (
    Object.hasOwn(ConfigTomlSchema.shape, key) ||
    RUST_ONLY_TOP_LEVEL_KEYS.has(key) ||
    key.startsWith('experimental_')
  );
}

/** Sections whose keys are checked, and the keys each accepts. */
const CHECKED_SECTIONS: readonly [section: string, isKnown: (key: string) => boolean][] = [
  ['sandbox_workspace_write', (key) => Object.hasOwn(SandboxWorkspaceWriteSchema.shape, key)],
  ['shell_environment_policy', (key) => Object.hasOwn(ShellEnvironmentPolicySchema.shape, key)],
  ['features', isAcceptedFeaturesTableKey],
];

/**
 * Warn about (or, when strict, reject) unknown keys: top-level keys, keys of the checked sections
 * and of each `[model_providers.<id>]` table. Runs before values are validated, so that under
 * `--strict-config` an unknown key is reported first.
 */
export function checkUnknownKeys(reader: ConfigReader): void {
  reader.checkKeys([], reader.layers.root, isKnownTopLevelKey);
  const providers = reader.get(['model_providers']);
  if (isTable(providers)) {
    for (const [id, table] of Object.entries(providers)) {
      if (!isTable(table) || id === AMAZON_BEDROCK_PROVIDER_ID) continue;
      reader.checkKeys(['model_providers', id], table, (key) =>
        Object.hasOwn(ModelProviderTomlSchema.shape, key),
      );
    }
  }
  for (const [section, isKnown] of CHECKED_SECTIONS) {
    const table = reader.get([section]);
    if (isTable(table)) reader.checkKeys([section], table, isKnown);
  }
}
