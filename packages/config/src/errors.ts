/**
 * Typed errors raised while locating, reading, validating and using configuration.
 * Every class carries a stable `code`; callers branch on `code` (or `instanceof`), never on text.
 */

export type ConfigErrorCode =
  | 'CODEX_HOME_NOT_FOUND'
  | 'CONFIG_READ_FAILED'
  | 'CONFIG_PARSE_ERROR'
  | 'CONFIG_INVALID_VALUE'
  | 'CONFIG_UNKNOWN_KEY'
  | 'CONFIG_INVALID_OVERRIDE'
  | 'UNKNOWN_MODEL_PROVIDER'
  | 'UNKNOWN_PROFILE'
  | 'INVALID_CWD'
  | 'INSTRUCTIONS_FILE_ERROR'
  | 'MISSING_ENV_VAR'
  | 'UNKNOWN_FEATURE'
  | 'CONFIG_EDIT_FAILED';

/** Base class of every error this package throws. Configuration errors are never retryable. */
export abstract class CodexConfigError extends Error {
  abstract readonly code: ConfigErrorCode;
  readonly retryable = false;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `$CODEX_HOME` is set but does not name an existing directory. */
export class CodexHomeNotFoundError extends CodexConfigError {
  readonly code = 'CODEX_HOME_NOT_FOUND';

  constructor(
    readonly path: string,
    readonly reason: 'missing' | 'not-a-directory',
  ) {
    super(
      reason === 'missing'
        ? `CODEX_HOME points to ${JSON.stringify(path)}, but that path does not exist`
        : `CODEX_HOME points to ${JSON.stringify(path)}, but that path is not a directory`,
    );
  }
}

/** `config.toml` exists but could not be read (permissions, it is a directory, ...). */
export class ConfigReadError extends CodexConfigError {
  readonly code = 'CONFIG_READ_FAILED';

  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`${path}: cannot read config file: ${describeCause(cause)}`, { cause });
  }
}

/** `config.toml` is not valid TOML. The message reads `<path>:<line>:<col>: <what is wrong>`. */
export class ConfigParseError extends CodexConfigError {
  readonly code = 'CONFIG_PARSE_ERROR';

  constructor(
    readonly path: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`${path}:${line}:${column}: ${reason}`, { cause });
  }
}

/**
 * A known key has a value of the wrong type or outside its allowed set.
 * `location` is `<path>:<line>` for file values and `-c <key>` / `override <name>` otherwise.
 */
export class ConfigValidationError extends CodexConfigError {
  readonly code = 'CONFIG_INVALID_VALUE';

  constructor(
    readonly key: string,
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${location}: ${location.endsWith(` ${key}`) ? '' : `${key}: `}${reason}`);
  }
}

/** An unknown key was found while loading with `strict` (`--strict-config`). */
export class UnknownConfigKeyError extends CodexConfigError {
  readonly code = 'CONFIG_UNKNOWN_KEY';

  constructor(
    readonly key: string,
    readonly location: string,
  ) {
    super(`${location}: unknown configuration field \`${key}\``);
  }
}

/** A `-c key=value` argument that cannot be understood. */
export class ConfigOverrideError extends CodexConfigError {
  readonly code = 'CONFIG_INVALID_OVERRIDE';

  constructor(
    readonly raw: string,
    readonly reason: string,
  ) {
    super(`Invalid config override ${JSON.stringify(raw)}: ${reason}`);
  }
}

/** `model_provider` (or `--model-provider`) names a provider that is neither built in nor configured. */
export class UnknownModelProviderError extends CodexConfigError {
  readonly code = 'UNKNOWN_MODEL_PROVIDER';

  constructor(
    readonly providerId: string,
    readonly knownIds: readonly string[],
    detail?: string,
  ) {
    super(
      detail ??
        `Model provider \`${providerId}\` not found; known providers: ${knownIds.join(', ')}`,
    );
  }
}

/** `--profile NAME` / `profile = "NAME"` names a profile that no config layer defines. */
export class UnknownProfileError extends CodexConfigError {
  readonly code = 'UNKNOWN_PROFILE';

  constructor(
    readonly profile: string,
    readonly knownProfiles: readonly string[],
    /** Where the name came from: `path:line`, `-c profile` or `--profile`. */
    readonly selectedAt: string,
    /** The files searched for `[profiles.NAME]` (and `NAME.config.toml`). */
    readonly searched: readonly string[],
  ) {
    const known = knownProfiles.length > 0 ? knownProfiles.join(', ') : '(none)';
    super(
      `config profile \`${profile}\` not found (selected by ${selectedAt}); ` +
        `known profiles: ${known}; searched: ${searched.join(', ')}`,
    );
  }
}

/** The requested working directory does not exist or is not a directory. */
export class InvalidCwdError extends CodexConfigError {
  readonly code = 'INVALID_CWD';

  constructor(
    readonly path: string,
    readonly reason: 'missing' | 'not-a-directory',
  ) {
    super(
      reason === 'missing'
        ? `working directory ${JSON.stringify(path)} does not exist`
        : `working directory ${JSON.stringify(path)} is not a directory`,
    );
  }
}

/** `model_instructions_file` / `experimental_instructions_file` is unreadable or empty. */
export class InstructionsFileError extends CodexConfigError {
  readonly code = 'INSTRUCTIONS_FILE_ERROR';

  constructor(
    readonly path: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`instructions file ${JSON.stringify(path)}: ${reason}`, { cause });
  }
}

/** A provider needs an API key from the environment and none is set. */
export class MissingEnvVarError extends CodexConfigError {
  readonly code = 'MISSING_ENV_VAR';

  constructor(
    readonly varName: string,
    readonly instructions: string | null = null,
  ) {
    super(
      instructions
        ? `Missing environment variable: ${varName}. ${instructions}`
        : `Missing environment variable: ${varName}`,
    );
  }
}

/** A feature name (`--enable`, `codex features enable`) that no feature or legacy alias has. */
export class UnknownFeatureError extends CodexConfigError {
  readonly code = 'UNKNOWN_FEATURE';

  constructor(
    readonly feature: string,
    /** Known names close to `feature`, closest first (may be empty). */
    readonly suggestions: readonly string[],
    /** Every canonical feature name, sorted. */
    readonly knownFeatures: readonly string[],
  ) {
    super(
      suggestions.length > 0
        ? `Unknown feature flag: ${feature}. Did you mean ${suggestions
            .map((name) => `\`${name}\``)
            .join(' or ')}?`
        : `Unknown feature flag: ${feature}. Known features: ${knownFeatures.join(', ')}`,
    );
  }
}

/** `config.toml` could not be updated (`codex features enable`); the file was left untouched. */
export class ConfigEditError extends CodexConfigError {
  readonly code = 'CONFIG_EDIT_FAILED';

  constructor(
    readonly path: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`${path}: cannot update: ${reason}`, { cause });
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
}
