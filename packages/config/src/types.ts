import type {
  AskForApproval,
  ModelProviderInfo,
  ReasoningEffort,
  ReasoningSummary,
  SandboxMode,
  Verbosity,
} from '@codex-ts/protocol';

import type { AuthConfig } from './auth-config.js';
import type { HistoryConfig } from './history-config.js';
import type { McpServerConfig } from './mcp-servers-config.js';

export type { ModelProviderInfo, WireApi } from '@codex-ts/protocol';

export interface SandboxWorkspaceWrite {
  writableRoots: string[];
  networkAccess: boolean;
  excludeTmpdirEnvVar: boolean;
  excludeSlashTmp: boolean;
}

/** `[shell_environment_policy]`: the environment commands run with. */
export interface ShellEnvironmentPolicy {
  /** Start from all our variables, the core set (HOME, PATH, SHELL, USER, ...), or none. */
  inherit: 'all' | 'core' | 'none';
  /** Keep `*KEY*`, `*SECRET*`, `*TOKEN*` names (dropped by default). */
  ignoreDefaultExcludes: boolean;
  /** Case-insensitive glob patterns (`*`, `?`) of names to drop. */
  exclude: string[];
  /** Variables to set (after the filters above). */
  set: Record<string, string>;
  /** When not empty, only names matching one of these patterns are kept. */
  includeOnly: string[];
  /** `experimental_use_profile`: accepted, not used. */
  useProfile: boolean;
}

/** `web_search`: no search, OpenAI's search index only, or the live web. */
export type WebSearchMode = 'disabled' | 'cached' | 'live';

/** `[tools.web_search]`: settings for the hosted web search tool. */
export interface WebSearchToolConfig {
  contextSize?: 'low' | 'medium' | 'high';
  allowedDomains?: string[];
  location?: { country?: string; region?: string; city?: string; timezone?: string };
}

/** A warning found while loading config (unknown key, deprecated value): shown, not fatal. */
export interface ConfigWarning {
  message: string;
  /** `path:line` when the warning comes from a file. */
  location: string | null;
}

/** Everything a session needs from configuration, resolved from all layers. */
export interface ResolvedConfig {
  codexHome: string;
  cwd: string;
  model: string;
  /**
   * False when no layer set `model` and `model` is the built-in fallback: the models manager
   * may then substitute the catalog's default model (as the Rust Codex does).
   */
  modelExplicit: boolean;
  modelProviderId: string;
  modelProvider: ModelProviderInfo;
  /** Every known provider (built-ins plus `model_providers`), by id. */
  modelProviders: Record<string, ModelProviderInfo>;
  modelReasoningEffort: ReasoningEffort | null;
  modelReasoningSummary: ReasoningSummary;
  modelVerbosity: Verbosity | null;
  approvalPolicy: AskForApproval;
  sandboxMode: SandboxMode;
  sandboxWorkspaceWrite: SandboxWorkspaceWrite;
  /** Extra writable directories from `--add-dir`. */
  additionalWritableRoots: string[];
  /** `base_instructions` / `experimental_instructions_file` override, else null (ours). */
  baseInstructions: string | null;
  developerInstructions: string | null;
  shellEnvironmentPolicy: ShellEnvironmentPolicy;
  /** `web_search` (or its legacy switches); null when not set. */
  webSearch: WebSearchMode | null;
  /** `[tools.web_search]` settings, null when absent. */
  webSearchTool: WebSearchToolConfig | null;
  /** `[tools.update_plan] enabled` (default true): declare the `update_plan` tool. */
  updatePlanEnabled: boolean;
  /** `experimental_use_freeform_apply_patch` (default true): declare apply_patch as a grammar tool. */
  freeformApplyPatch: boolean;
  /** `[projects."<path>"].trust_level`, by absolute directory. */
  projectTrust: Record<string, 'trusted' | 'untrusted'>;
  /** Byte budget for AGENTS.md project docs (`project_doc_max_bytes`, default 32 KiB). */
  projectDocMaxBytes: number;
  /** Login and credential settings (`cli_auth_credentials_store`, `forced_login_method`, ...). */
  auth: AuthConfig;
  /** `[history]`: saving submitted prompts to `history.jsonl`. */
  history: HistoryConfig;
  /** `[mcp_servers.<name>]`: the configured MCP servers, by name (disabled ones included). */
  mcpServers: Record<string, McpServerConfig>;
  /** `oss_provider`: the local provider `--oss` uses when `--local-provider` is not given. */
  ossProvider: string | null;
  /**
   * Effective feature flags, by canonical key; every known feature is present (see
   * `FEATURE_SPECS`). Defaults < `[features]` of each layer (profile and project layers
   * included, legacy aliases honoured) < `-c features.NAME=...` < `--enable/--disable`.
   */
  features: Record<string, boolean>;
  /** The selected profile (`--profile`, else `profile = "NAME"`), or null. */
  profile: string | null;
  /** The config files that were loaded, lowest precedence first. */
  configFiles: string[];
  warnings: ConfigWarning[];
}

/** Explicit overrides from flags or from app-server params; they win over every file layer. */
export interface ConfigOverrides {
  model?: string | null;
  modelProvider?: string | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  sandboxMode?: SandboxMode | null;
  additionalWritableRoots?: string[];
  baseInstructions?: string | null;
  developerInstructions?: string | null;
  /** `-p/--profile NAME`: select `[profiles.NAME]` over the `profile` key. */
  profile?: string | null;
}

export interface LoadConfigOptions {
  /** Defaults to `$CODEX_HOME`, else `~/.codex`. */
  codexHome?: string;
  /** Dotted key -> value pairs from `-c key=value` (values already parsed). */
  cliOverrides?: Record<string, unknown>;
  overrides?: ConfigOverrides;
  env?: Record<string, string | undefined>;
  /**
   * Fail instead of warn on unknown keys (`--strict-config`). A `strict_config = true` entry in
   * `cliOverrides` (how `codex exec --strict-config` reaches the app server) does the same.
   */
  strict?: boolean;
  /** `-p/--profile NAME`; wins over `overrides.profile` and the `profile` key of every layer. */
  profile?: string | null;
  /** The system config file; defaults to `/etc/codex/config.toml`. Null skips it. */
  systemConfigPath?: string | null;
}
