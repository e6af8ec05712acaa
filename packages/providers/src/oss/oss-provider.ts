import { LMSTUDIO_PROVIDER_ID, OLLAMA_PROVIDER_ID } from '@codex-ts/config';
import { OssProviderNotConfiguredError, UnknownOssProviderError } from './oss-errors.js';

/** The local providers `--oss` can select, in the order the Rust Codex lists them. */
export const OSS_PROVIDER_IDS = [LMSTUDIO_PROVIDER_ID, OLLAMA_PROVIDER_ID] as const;

export type OssProviderId = (typeof OSS_PROVIDER_IDS)[number];

/** The model `--oss` uses when no `-m/--model` is given, per local provider. */
export const DEFAULT_OSS_MODELS: Readonly<Record<OssProviderId, string>> = {
  ollama: 'gpt-oss:20b',
  lmstudio: 'openai/gpt-oss-20b',
};

export function isOssProviderId(value: string): value is OssProviderId {
  return (OSS_PROVIDER_IDS as readonly string[]).includes(value);
}

/** The default model of a local provider; null for any other provider id. */
export function defaultOssModel(providerId: string): string | null {
  return isOssProviderId(providerId) ? DEFAULT_OSS_MODELS[providerId] : null;
}

export interface ResolveOssProviderInput {
  /** `--local-provider`, when given. */
  localProvider: string | null;
  /** `oss_provider` from config.toml (the active profile's value wins, as resolved by config). */
  configOssProvider: string | null;
}

/** Same wording as the Rust `codex exec --oss` error, so scripts matching it keep working. */
export const NO_OSS_PROVIDER_MESSAGE =
  'No default OSS provider configured. Use --local-provider=provider or set oss_provider to one ' +
  `of: ${OSS_PROVIDER_IDS.join(', ')} in config.toml`;

function present(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Which local provider `--oss` runs against: `--local-provider` first, then `oss_provider`.
 * Throws `OssProviderNotConfiguredError` when neither is set (headless runs have no picker) and
 * `UnknownOssProviderError` when the chosen value is not `lmstudio` or `ollama`.
 */
export function resolveOssProvider(input: ResolveOssProviderInput): OssProviderId {
  const fromFlag = present(input.localProvider);
  const chosen = fromFlag ?? present(input.configOssProvider);
  if (chosen === null) throw new OssProviderNotConfiguredError(NO_OSS_PROVIDER_MESSAGE);
  if (isOssProviderId(chosen)) return chosen;
  const source = fromFlag !== null ? '--local-provider' : 'oss_provider in config.toml';
  throw new UnknownOssProviderError(
    `\`${chosen}\` (from ${source}) is not a local provider; choose one of: ` +
      `${OSS_PROVIDER_IDS.join(', ')}`,
    chosen,
  );
}
