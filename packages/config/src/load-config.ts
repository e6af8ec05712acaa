import { AskForApprovalSchema, SandboxModeSchema } from '@codex-ts/protocol';

import { readAuthConfig } from './auth-config.js';
import { readHistoryConfig } from './history-config.js';
import { readMcpServers } from './mcp-servers-config.js';
import { resolveCodexHome } from './codex-home.js';
import type { EnvMap } from './codex-home.js';
import { resolveCwd, resolveUserPath } from './config-paths.js';
import { ConfigReader } from './config-reader.js';
import { readBaseInstructions, readSandboxWorkspaceWrite } from './config-sections.js';
import { ConfigTomlSchema } from './config-toml-schema.js';
import {
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_MODEL,
  DEFAULT_MODEL_PROVIDER_ID,
  DEFAULT_PROJECT_DOC_MAX_BYTES,
  DEFAULT_REASONING_SUMMARY,
  DEFAULT_SANDBOX_MODE,
} from './defaults.js';
import { ConfigValidationError, UnknownModelProviderError } from './errors.js';
import { resolveFeatures } from './features-config.js';
import { checkUnknownKeys } from './known-keys.js';
import { loadLayers } from './load-layers.js';
import {
  builtInModelProviders,
  LEGACY_OLLAMA_CHAT_PROVIDER_ID,
  readCustomModelProviders,
} from './model-providers.js';
import { readProjectTrust } from './project-trust.js';
import { describe } from './schema-helpers.js';
import { readShellEnvironmentPolicy } from './shell-environment-policy.js';
import {
  readUpdatePlanEnabled,
  readWebSearchMode,
  readWebSearchToolConfig,
} from './tools-config.js';
import type {
  ConfigOverrides,
  LoadConfigOptions,
  ModelProviderInfo,
  ResolvedConfig,
} from './types.js';

const OPENAI_BASE_URL_ENV_VAR = 'OPENAI_BASE_URL';

const OLLAMA_CHAT_REMOVED =
  '`ollama-chat` is no longer supported; use `ollama` in `model_provider` instead.';

/**
 * Resolve the configuration for a session. Layers, lowest to highest precedence:
 * built-in defaults < `/etc/codex/config.toml` < `<codexHome>/config.toml` < the selected
 * profile (`[profiles.NAME]` tables, then `<codexHome>/NAME.config.toml`) < trusted project
 * `.codex/config.toml` files (repo root down to cwd) < `cliOverrides` (`-c key=value`) <
 * `overrides` (explicit flags / app-server params). See `loadLayers`.
 */
export async function loadConfig(opts: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const env: EnvMap = opts.env ?? process.env;
  const overrides: ConfigOverrides = opts.overrides ?? {};
  const codexHome = opts.codexHome ?? resolveCodexHome(env);
  const cwd = resolveCwd(overrides.cwd, process.cwd());
  validateExplicitOverrides(overrides);

  const loaded = await loadLayers(opts, codexHome, cwd, overrides);
  const layers = loaded.layers;
  const reader = new ConfigReader(layers, loaded.strict);
  reader.warnings.push(...loaded.warnings);
  checkUnknownKeys(reader);
  // Every layered value is validated, even when an explicit override replaces it: a bad value
  // in config.toml is an error whatever the flags say.
  const toml = reader.parse([], ConfigTomlSchema) ?? {};

  const model = overrides.model ?? toml.model;
  const modelProviders: Record<string, ModelProviderInfo> = {
    ...builtInModelProviders(env, resolveOpenaiBaseUrl(toml.openai_base_url, reader, env)),
    ...readCustomModelProviders(toml.model_providers, reader),
  };
  const modelProviderId =
    overrides.modelProvider ?? toml.model_provider ?? DEFAULT_MODEL_PROVIDER_ID;
  const modelProvider = modelProviders[modelProviderId];
  if (modelProvider === undefined) {
    const known = Object.keys(modelProviders).sort();
    throw new UnknownModelProviderError(
      modelProviderId,
      known,
      modelProviderId === LEGACY_OLLAMA_CHAT_PROVIDER_ID ? OLLAMA_CHAT_REMOVED : undefined,
    );
  }

  const paths = { codexHome, cwd };
  const features = resolveFeatures(layers);
  return {
    codexHome,
    cwd,
    model: model ?? DEFAULT_MODEL,
    modelExplicit: model !== null && model !== undefined,
    modelProviderId,
    modelProvider,
    modelProviders,
    modelReasoningEffort: toml.model_reasoning_effort ?? null,
    modelReasoningSummary: toml.model_reasoning_summary ?? DEFAULT_REASONING_SUMMARY,
    modelVerbosity: toml.model_verbosity ?? null,
    approvalPolicy: overrides.approvalPolicy ?? toml.approval_policy ?? DEFAULT_APPROVAL_POLICY,
    sandboxMode: overrides.sandboxMode ?? toml.sandbox_mode ?? DEFAULT_SANDBOX_MODE,
    sandboxWorkspaceWrite: readSandboxWorkspaceWrite(toml.sandbox_workspace_write, layers, paths),
    additionalWritableRoots: (overrides.additionalWritableRoots ?? []).map((dir) =>
      resolveUserPath(dir, cwd),
    ),
    baseInstructions: await readBaseInstructions(toml, layers, overrides, paths),
    developerInstructions: overrides.developerInstructions ?? toml.developer_instructions ?? null,
    shellEnvironmentPolicy: readShellEnvironmentPolicy(toml.shell_environment_policy),
    webSearch: readWebSearchMode(toml.web_search, features),
    webSearchTool: readWebSearchToolConfig(toml.tools),
    updatePlanEnabled: readUpdatePlanEnabled(toml.tools),
    projectTrust: readProjectTrust(reader),
    freeformApplyPatch: toml.experimental_use_freeform_apply_patch ?? true,
    projectDocMaxBytes: toml.project_doc_max_bytes ?? DEFAULT_PROJECT_DOC_MAX_BYTES,
    auth: readAuthConfig(toml, codexHome),
    ossProvider: toml.oss_provider ?? null,
    history: readHistoryConfig(toml.history),
    mcpServers: readMcpServers(toml.mcp_servers, reader),
    features,
    profile: loaded.profile,
    configFiles: [...new Set(layers.sources)],
    warnings: reader.warnings,
  };
}

/**
 * Base URL of the built-in `openai` provider: `openai_base_url` (file or `-c`; an empty string
 * means "the default") wins; else `OPENAI_BASE_URL`, which the Rust Codex deprecated in favour
 * of `openai_base_url` (and later dropped), honoured here with the same warning; else null.
 */
function resolveOpenaiBaseUrl(
  configured: string | undefined,
  reader: ConfigReader,
  env: EnvMap,
): string | null {
  if (configured !== undefined) {
    return configured.trim() === '' ? null : configured.trim();
  }
  const fromEnv = env[OPENAI_BASE_URL_ENV_VAR]?.trim();
  if (fromEnv) {
    reader.warn(
      `\`${OPENAI_BASE_URL_ENV_VAR}\` is deprecated. Set \`openai_base_url\` in config.toml instead.`,
      null,
    );
    return fromEnv;
  }
  return null;
}

/** Flags and app-server params are typed, but arrive from untyped JSON or argv: check them. */
function validateExplicitOverrides(overrides: ConfigOverrides): void {
  const checks: [keyof ConfigOverrides, readonly string[]][] = [
    ['approvalPolicy', AskForApprovalSchema.options],
    ['sandboxMode', SandboxModeSchema.options],
  ];
  for (const [name, allowed] of checks) {
    const value: unknown = overrides[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new ConfigValidationError(
        name,
        `override ${name}`,
        `expected one of ${allowed.join(', ')}; got ${describe(value)}`,
      );
    }
  }
  for (const name of ['model', 'modelProvider', 'profile'] as const) {
    const value: unknown = overrides[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ConfigValidationError(
        name,
        `override ${name}`,
        `expected a non-empty string; got ${describe(value)}`,
      );
    }
  }
}
