/** Stable codes of the errors raised while preparing a local (`--oss`) model provider. */
export type OssErrorCode =
  | 'oss_provider_not_configured'
  | 'oss_provider_unknown'
  | 'oss_server_unavailable'
  | 'oss_version_too_old'
  | 'oss_request_failed'
  | 'oss_pull_failed'
  | 'oss_lms_not_found'
  | 'oss_download_failed';

/** Prefix the Rust Codex puts on errors of the model-preparation step of `--oss`. */
export const OSS_SETUP_FAILED_PREFIX = 'OSS setup failed: ';

/** Base of every `--oss` error; none of them is retryable (the user has to act). */
export abstract class OssError extends Error {
  abstract readonly code: OssErrorCode;
  readonly retryable = false;

  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
  }

  /** Marks the error as raised by the setup step: the message gains `OSS setup failed: `. */
  asSetupFailure(): this {
    if (!this.message.startsWith(OSS_SETUP_FAILED_PREFIX)) {
      this.message = `${OSS_SETUP_FAILED_PREFIX}${this.message}`;
    }
    return this;
  }
}

export function isOssError(value: unknown): value is OssError {
  return value instanceof OssError;
}

/** `--oss` without `--local-provider` and without `oss_provider` in config.toml. */
export class OssProviderNotConfiguredError extends OssError {
  readonly code = 'oss_provider_not_configured';
}

/** `--local-provider` / `oss_provider` names something other than `lmstudio` or `ollama`. */
export class UnknownOssProviderError extends OssError {
  readonly code = 'oss_provider_unknown';
  constructor(
    message: string,
    readonly providerId: string,
  ) {
    super(message);
  }
}

/** The local server did not answer (connection refused, timeout) or answered with an error. */
export class OssServerUnavailableError extends OssError {
  readonly code = 'oss_server_unavailable';
  constructor(
    message: string,
    readonly providerId: string,
    /** The URL that was probed. */
    readonly url: string,
    /** The HTTP status when the server answered with an error, else null. */
    readonly httpStatus: number | null,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}

/** The Ollama server predates the Responses API. */
export class OssVersionTooOldError extends OssError {
  readonly code = 'oss_version_too_old';
  constructor(
    message: string,
    readonly version: string,
    readonly minimumVersion: string,
  ) {
    super(message);
  }
}

/** A request to the local server failed after the server was found (bad JSON, HTTP error). */
export class OssRequestError extends OssError {
  readonly code = 'oss_request_failed';
  constructor(
    message: string,
    readonly url: string,
    readonly httpStatus: number | null,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}

/** `ollama pull` through `/api/pull` failed: HTTP error, an `{"error": ...}` line, early end. */
export class OssPullError extends OssError {
  readonly code = 'oss_pull_failed';
  constructor(
    message: string,
    readonly model: string,
    /** What the server said (the `error` field), when it said something. */
    readonly serverMessage: string | null,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}

/** LM Studio's `lms` command is neither on PATH nor in `~/.lmstudio/bin`. */
export class LmsNotFoundError extends OssError {
  readonly code = 'oss_lms_not_found';
  constructor(
    message: string,
    /** Every place that was looked at, PATH entries first. */
    readonly searched: readonly string[],
  ) {
    super(message);
  }
}

/** `lms get` could not be started or exited with an error. */
export class OssDownloadError extends OssError {
  readonly code = 'oss_download_failed';
  constructor(
    message: string,
    readonly model: string,
    /** The exit code, -1 when killed by a signal, null when it could not be started. */
    readonly exitCode: number | null,
    cause?: unknown,
  ) {
    super(message, cause);
  }
}
