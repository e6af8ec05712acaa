/**
 * The feature flags the Rust Codex knows (`[features]` in config.toml, `--enable/--disable`,
 * `codex features list`), with their lifecycle stage and default. The data follows the Rust
 * registry (codex-rs/features) of the release we match; codex-ts acts on a few of them and
 * accepts every one so that a config written for the Rust Codex loads unchanged.
 */

/**
 * Lifecycle stage, named as the Rust Codex names them. `codex features list` prints them with
 * `featureStageLabel`; the app server reports `experimental` ones as `beta`.
 */
export type FeatureStage =
  'underDevelopment' | 'experimental' | 'stable' | 'deprecated' | 'removed';

export interface FeatureSpec {
  /** The canonical `[features]` key. */
  key: string;
  stage: FeatureStage;
  defaultEnabled: boolean;
}

const isWindows = process.platform === 'win32';

type Row = readonly [key: string, stage: FeatureStage, defaultEnabled: boolean];

const ROWS: readonly Row[] = [
  ['undo', 'removed', false],
  ['shell_tool', 'stable', true],
  ['secret_auth_storage', 'stable', isWindows],
  ['unified_exec', 'stable', !isWindows],
  ['shell_zsh_fork', 'underDevelopment', false],
  ['unified_exec_zsh_fork', 'underDevelopment', false],
  ['shell_snapshot', 'stable', true],
  ['js_repl', 'removed', false],
  ['code_mode', 'underDevelopment', false],
  ['code_mode_only', 'underDevelopment', false],
  ['js_repl_tools_only', 'removed', false],
  ['terminal_resize_reflow', 'removed', true],
  ['web_search_request', 'deprecated', false],
  ['web_search_cached', 'deprecated', false],
  ['standalone_web_search', 'underDevelopment', false],
  ['search_tool', 'removed', false],
  ['codex_git_commit', 'removed', false],
  ['runtime_metrics', 'underDevelopment', false],
  ['sqlite', 'removed', true],
  ['memories', 'experimental', false],
  ['local_thread_store_compression', 'underDevelopment', false],
  ['chronicle', 'underDevelopment', false],
  ['child_agents_md', 'underDevelopment', false],
  ['apply_patch_freeform', 'removed', false],
  ['apply_patch_streaming_events', 'underDevelopment', false],
  ['exec_permission_approvals', 'underDevelopment', false],
  ['hooks', 'stable', true],
  ['request_permissions_tool', 'underDevelopment', false],
  ['use_linux_sandbox_bwrap', 'removed', false],
  ['use_legacy_landlock', 'deprecated', false],
  ['request_rule', 'removed', false],
  ['experimental_windows_sandbox', 'removed', false],
  ['elevated_windows_sandbox', 'removed', false],
  ['remote_models', 'removed', false],
  ['enable_request_compression', 'stable', true],
  ['network_proxy', 'experimental', false],
  ['respect_system_proxy', 'underDevelopment', false],
  ['multi_agent', 'stable', true],
  ['multi_agent_v2', 'underDevelopment', false],
  ['enable_fanout', 'underDevelopment', false],
  ['apps', 'stable', true],
  ['enable_mcp_apps', 'underDevelopment', false],
  ['apps_mcp_path_override', 'removed', false],
  ['tool_search', 'removed', false],
  ['tool_search_always_defer_mcp_tools', 'underDevelopment', false],
  ['non_prefixed_mcp_tool_names', 'underDevelopment', false],
  ['unavailable_dummy_tools', 'removed', false],
  ['tool_suggest', 'stable', true],
  ['plugins', 'stable', true],
  ['plugin_hooks', 'removed', false],
  ['in_app_browser', 'stable', true],
  ['browser_use', 'stable', true],
  ['browser_use_external', 'stable', true],
  ['computer_use', 'stable', true],
  ['remote_plugin', 'underDevelopment', false],
  ['plugin_sharing', 'stable', true],
  ['external_migration', 'removed', false],
  ['image_generation', 'stable', true],
  ['imagegenext', 'underDevelopment', false],
  ['resize_all_images', 'underDevelopment', false],
  ['item_ids', 'underDevelopment', false],
  ['skill_mcp_dependency_install', 'stable', true],
  ['skill_env_var_dependency_prompt', 'removed', false],
  ['mentions_v2', 'stable', true],
  ['steer', 'removed', true],
  ['default_mode_request_user_input', 'underDevelopment', false],
  ['terminal_visualization_instructions', 'underDevelopment', false],
  ['guardian_approval', 'stable', true],
  ['goals', 'stable', true],
  ['token_budget', 'underDevelopment', false],
  ['sleep_tool', 'underDevelopment', false],
  ['collaboration_modes', 'removed', true],
  ['tool_call_mcp_elicitation', 'stable', true],
  ['auth_elicitation', 'underDevelopment', false],
  ['personality', 'stable', true],
  ['artifact', 'underDevelopment', false],
  ['fast_mode', 'stable', true],
  ['realtime_conversation', 'underDevelopment', false],
  ['remote_control', 'removed', false],
  ['image_detail_original', 'removed', false],
  ['tui_app_server', 'removed', true],
  ['prevent_idle_sleep', 'experimental', false],
  ['workspace_owner_usage_nudge', 'removed', false],
  ['responses_websockets', 'removed', false],
  ['responses_websockets_v2', 'removed', false],
  ['remote_compaction_v2', 'stable', true],
  ['workspace_dependencies', 'stable', true],
];

/** Every known feature, in the Rust registry's order. */
export const FEATURE_SPECS: readonly FeatureSpec[] = ROWS.map(([key, stage, defaultEnabled]) => ({
  key,
  stage,
  defaultEnabled,
}));

const BY_KEY: ReadonlyMap<string, FeatureSpec> = new Map(FEATURE_SPECS.map((s) => [s.key, s]));

/** Older `[features]` names the Rust Codex still accepts, and the feature each one sets. */
export const LEGACY_FEATURE_ALIASES: Readonly<Record<string, string>> = {
  connectors: 'apps',
  enable_experimental_windows_sandbox: 'experimental_windows_sandbox',
  experimental_use_unified_exec_tool: 'unified_exec',
  experimental_use_freeform_apply_patch: 'apply_patch_freeform',
  include_apply_patch_tool: 'apply_patch_freeform',
  request_permissions: 'exec_permission_approvals',
  web_search: 'web_search_request',
  collab: 'multi_agent',
  memory_tool: 'memories',
  telepathy: 'chronicle',
  codex_hooks: 'hooks',
};

/** Retired `[features]` keys that are accepted and mean nothing. */
const RETIRED_FEATURE_KEYS: ReadonlySet<string> = new Set([
  'guardian_reuse_parent_compaction',
  'guardian_enhanced_node_repl_transcripts',
  'guardian_node_repl_transcript_images',
  'guardian_ext',
]);

/**
 * Removed features whose `[features]` entry is accepted but ignored: they keep their default
 * whatever the config says (as in the Rust Codex).
 */
export const IGNORED_FEATURE_KEYS: ReadonlySet<string> = new Set([
  'tui_app_server',
  'undo',
  'js_repl',
  'js_repl_tools_only',
  'remote_control',
  'apply_patch_freeform',
  'tool_search',
  'apps_mcp_path_override',
  'image_detail_original',
  'plugin_hooks',
  'skill_env_var_dependency_prompt',
  'terminal_resize_reflow',
]);

/**
 * Features whose `[features]` entry may be a table (`[features.code_mode]` with `enabled` and
 * settings of its own) instead of a boolean.
 */
export const TABLE_FEATURE_KEYS: readonly string[] = [
  'code_mode',
  'multi_agent_v2',
  'network_proxy',
  'apps_mcp_path_override',
];

/** The feature a `[features]` key sets (canonical name or legacy alias), else undefined. */
export function featureForKey(key: string): FeatureSpec | undefined {
  const direct = BY_KEY.get(key);
  if (direct !== undefined) return direct;
  const alias = Object.hasOwn(LEGACY_FEATURE_ALIASES, key)
    ? LEGACY_FEATURE_ALIASES[key]
    : undefined;
  return alias === undefined ? undefined : BY_KEY.get(alias);
}

/** The canonical spec named `key` (no aliases), else undefined. */
export function canonicalFeature(key: string): FeatureSpec | undefined {
  return BY_KEY.get(key);
}

/** True for names `--enable`, `codex features enable` and `[features]` accept. */
export function isKnownFeatureKey(key: string): boolean {
  return featureForKey(key) !== undefined;
}

/** True for keys `[features]` accepts without a warning (known features and retired keys). */
export function isAcceptedFeaturesTableKey(key: string): boolean {
  return isKnownFeatureKey(key) || RETIRED_FEATURE_KEYS.has(key);
}

/** The stage as `codex features list` prints it. */
export function featureStageLabel(stage: FeatureStage): string {
  switch (stage) {
    case 'underDevelopment':
      return 'under development';
    case 'experimental':
      return 'experimental';
    case 'stable':
      return 'stable';
    case 'deprecated':
      return 'deprecated';
    case 'removed':
      return 'removed';
  }
}

/** Every feature at its default. */
export function defaultFeatureStates(): Record<string, boolean> {
  const states: Record<string, boolean> = {};
  for (const spec of FEATURE_SPECS) states[spec.key] = spec.defaultEnabled;
  return states;
}
