import {
  AskForApprovalSchema,
  ReasoningEffortSchema,
  ReasoningSummarySchema,
  SandboxModeSchema,
  VerbositySchema,
} from '@codex-ts/protocol';

import { readAuthConfig } from './auth-config.js';
import { resolveCodexHome } from './codex-home.js';
import type { EnvMap } from './codex-home.js';
import { resolveCwd, resolveUserPath } from './config-paths.js';
import { describe, ConfigReader } from './config-reader.js';
import { loadLayers } from './load-layers.js';
import { readBaseInstructions, readSandboxWorkspaceWrite } from './config-sections.js';
import { readProjectTrust } from './project-trust.js';
import { readShellEnvironmentPolicy } from './shell-environment-policy.js';
import {
  readUpdatePlanEnabled,
  readWebSearchMode,
  readWebSearchToolConfig,
} from './tools-config.js';
import {
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_MODEL,
  DEFAULT_MODEL_PROVIDER_ID,
  DEFAULT_PROJECT_DOC_MAX_BYTES,
  DEFAULT_REASONING_SUMMARY,
  DEFAULT_SANDBOX_MODE,
} from './defaults.js';
import { ConfigValidationError, UnknownModelProviderError } from './errors.js';
import { isKnownTopLevelKey } from './known-keys.js';
import {
  builtInModelProviders,
  LEGACY_OLLAMA_CHAT_PROVIDER_ID,
  readCustomModelProviders,
} from './model-providers.js';
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
  reader.checkKeys([], layers.root, isKnownTopLevelKey);

  const configuredModel = nonEmpty(reader, ['model']);
  const model = overrides.model ?? configuredModel;

  const modelProviders: Record<string, ModelProviderInfo> = {
    ...builtInModelProviders(env, resolveOpenaiBaseUrl(reader, env)),
    ...readCustomModelProviders(reader),
  };
  // Read (and so validate) every layered value even when an explicit override replaces it:
  // a bad value in config.toml is an error whatever the flags say.
  const configuredProvider = nonEmpty(reader, ['model_provider']);
  const configuredApproval = reader.enumValue(['approval_policy'], AskForApprovalSchema.options);
  const configuredSandbox = reader.enumValue(['sandbox_mode'], SandboxModeSchema.options);
  const modelProviderId =
    overrides.modelProvider ?? configuredProvider ?? DEFAULT_MODEL_PROVIDER_ID;
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
  const projectDocMaxBytes =
    reader.nonNegativeInteger(['project_doc_max_bytes']) ?? DEFAULT_PROJECT_DOC_MAX_BYTES;

  return {
    codexHome,
    cwd,
    model: model ?? DEFAULT_MODEL,
    modelExplicit: model !== null && model !== undefined,
    modelProviderId,
    modelProvider,
    modelProviders,
    modelReasoningEffort:
      reader.enumValue(['model_reasoning_effort'], ReasoningEffortSchema.options) ?? null,
    modelReasoningSummary:
      reader.enumValue(['model_reasoning_summary'], ReasoningSummarySchema.options) ??
      DEFAULT_REASONING_SUMMARY,
    modelVerbosity: reader.enumValue(['model_verbosity'], VerbositySchema.options) ?? null,
    approvalPolicy: overrides.approvalPolicy ?? configuredApproval ?? DEFAULT_APPROVAL_POLICY,
    sandboxMode: overrides.sandboxMode ?? configuredSandbox ?? DEFAULT_SANDBOX_MODE,
    sandboxWorkspaceWrite: readSandboxWorkspaceWrite(reader, paths),
    additionalWritableRoots: (overrides.additionalWritableRoots ?? []).map((dir) =>
      resolveUserPath(dir, cwd),
    ),
    baseInstructions: await readBaseInstructions(reader, overrides, paths),
    developerInstructions:
      overrides.developerInstructions ?? reader.string(['developer_instructions']) ?? null,
    shellEnvironmentPolicy: readShellEnvironmentPolicy(reader),
    webSearch: readWebSearchMode(reader),
    webSearchTool: readWebSearchToolConfig(reader),
    updatePlanEnabled: readUpdatePlanEnabled(reader),
    projectTrust: readProjectTrust(reader),
    freeformApplyPatch: reader.boolean(['experimental_use_freeform_apply_patch']) ?? true,
    projectDocMaxBytes,
    auth: readAuthConfig(reader, codexHome),
    ossProvider: nonEmpty(reader, ['oss_provider']) ?? null,
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
function resolveOpenaiBaseUrl(reader: ConfigReader, env: EnvMap): string | null {
  const configured = reader.string(['openai_base_url']);
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

function nonEmpty(reader: ConfigReader, path: string[]): string | undefined {
  const value = reader.string(path);
  if (value !== undefined && value.trim() === '') {
    reader.fail(path, 'must not be empty');
  }
  return value;
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
