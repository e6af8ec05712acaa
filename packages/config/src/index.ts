export { resolveCodexHome } from './codex-home.js';
export type { EnvMap } from './codex-home.js';
export { loadConfig } from './load-config.js';
export { parseConfigOverride, parseConfigOverrides } from './config-override.js';
export { threadConfigMap } from './thread-config-map.js';
export type { ThreadConfigFlags } from './thread-config-map.js';
export { toSandboxPolicy, extraWritableRoots } from './sandbox-policy.js';
export { CONFIG_FILE_NAME } from './config-layers.js';
export { AUTH_CREDENTIALS_STORE_MODES, DEFAULT_CHATGPT_BASE_URL } from './auth-config.js';
export type { AuthConfig, AuthCredentialsStoreMode, ForcedLoginMethod } from './auth-config.js';
export type { HistoryConfig } from './history-config.js';
export { DEFAULT_SYSTEM_CONFIG_PATH, STRICT_CONFIG_OVERRIDE_KEY } from './load-layers.js';
export { isKnownTopLevelKey } from './known-keys.js';
export { WEB_SEARCH_MODES } from './tools-config.js';
export {
  FEATURE_SPECS,
  LEGACY_FEATURE_ALIASES,
  canonicalFeature,
  featureForKey,
  featureStageLabel,
  isKnownFeatureKey,
} from './feature-registry.js';
export type { FeatureSpec, FeatureStage } from './feature-registry.js';
export { requireKnownFeature, suggestFeatureNames } from './feature-names.js';
export { setFeatureInConfig } from './feature-edit.js';
export type { FeatureEditOptions, FeatureEditResult } from './feature-edit.js';
export {
  builtInModelProviders,
  OPENAI_PROVIDER_ID,
  OLLAMA_PROVIDER_ID,
  LMSTUDIO_PROVIDER_ID,
  DEFAULT_OPENAI_BASE_URL,
  DEFAULT_REQUEST_MAX_RETRIES,
  DEFAULT_STREAM_MAX_RETRIES,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
} from './model-providers.js';
export {
  DEFAULT_MODEL,
  DEFAULT_MODEL_PROVIDER_ID,
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_SANDBOX_MODE,
  DEFAULT_REASONING_SUMMARY,
  DEFAULT_PROJECT_DOC_MAX_BYTES,
} from './defaults.js';
export {
  CodexConfigError,
  CodexHomeNotFoundError,
  ConfigReadError,
  ConfigParseError,
  ConfigValidationError,
  UnknownConfigKeyError,
  ConfigOverrideError,
  UnknownModelProviderError,
  UnknownProfileError,
  InvalidCwdError,
  InstructionsFileError,
  MissingEnvVarError,
  UnknownFeatureError,
  ConfigEditError,
} from './errors.js';
export type { ConfigErrorCode } from './errors.js';
export type {
  WireApi,
  ModelProviderInfo,
  SandboxWorkspaceWrite,
  ShellEnvironmentPolicy,
  ConfigWarning,
  ResolvedConfig,
  WebSearchMode,
  WebSearchToolConfig,
  ConfigOverrides,
  LoadConfigOptions,
} from './types.js';
export {
  loadConfigLayerStack,
  configVersion,
  mergeConfigLayers,
  configOrigins,
} from './config-layer-stack.js';
export type {
  ConfigLayerName,
  ConfigStackLayer,
  ConfigLayerStackOptions,
} from './config-layer-stack.js';
export {
  rewriteConfigText,
  tomlLiteral,
  valueAt,
  validateConfigTable,
  readConfigToml,
  parseConfigToml,
} from './config-value-edit.js';
export { appendHistoryEntry } from './history/history-append.js';
export type { AppendHistoryOptions } from './history/history-append.js';
export { historyMetadata, lookupHistoryEntry, searchHistory } from './history/history-read.js';
export { historyPath, HISTORY_FILENAME } from './history/history-types.js';
export type {
  HistoryEntry,
  HistoryMetadata,
  HistoryPersistence,
  HistorySearchHit,
} from './history/history-types.js';
export { HistoryLockTimeoutError, HistoryWriteError } from './history/errors.js';
export { McpServersSchema, McpServerTomlSchema } from './mcp-servers-config.js';
export type {
  McpServerConfig,
  McpServerTransportConfig,
  McpToolApprovalMode,
} from './mcp-servers-config.js';
export {
  isValidMcpServerName,
  mcpServerEntryOf,
  mcpServerTable,
  removeMcpServerFromConfig,
  setMcpServerInConfig,
} from './mcp-servers-edit.js';
export type { McpServerEditResult, McpServerEntry } from './mcp-servers-edit.js';
