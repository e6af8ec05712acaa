import { LMSTUDIO_PROVIDER_ID, OLLAMA_PROVIDER_ID } from '@codex-ts/config';
import type { ModelProviderInfo } from '@codex-ts/protocol';
import { LmStudioClient } from './lmstudio-client.js';
import { downloadWithLms } from './lms-cli.js';
import type { LmsLookupOptions } from './lms-cli.js';
import { OllamaClient } from './ollama-client.js';
import { MIN_OLLAMA_RESPONSES_VERSION, ollamaSupportsResponses } from './ollama-version.js';
import { OssVersionTooOldError, isOssError } from './oss-errors.js';
import type { FetchLike, OssHttpOptions } from './oss-http.js';
import { PullProgressReporter } from './pull-progress-reporter.js';
import type { ProgressSink } from './pull-progress-reporter.js';

export interface EnsureOssReadyOptions {
  /** The selected local provider (`resolveOssProvider`); other ids are left alone. */
  providerId: string;
  /** That provider's resolved settings (its `baseUrl` honours CODEX_OSS_BASE_URL/PORT). */
  provider: ModelProviderInfo;
  /** The model the session will use (`-m`, or the provider's default OSS model). */
  model: string;
  /** Where pull/download progress goes (stderr in the CLI). */
  progress: ProgressSink;
  fetchImpl?: FetchLike;
  /** Problems that do not stop the run (model list unavailable, background load failed). */
  onWarning?: (message: string) => void;
  /** Monotonic milliseconds for the download speed; `performance.now` unless told. */
  now?: () => number;
  /** Where to look for LM Studio's `lms` command. */
  lms?: LmsLookupOptions;
  /** Time limit for probe/list/version requests. */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
}

export type OssModelAction =
  /** Not a local provider: nothing was checked. */
  | 'skipped'
  /** The model was already installed. */
  | 'present'
  /** Ollama pulled the model. */
  | 'pulled'
  /** `lms get` downloaded the model. */
  | 'downloaded'
  /** The model list could not be read; the run goes on and the server will say what is wrong. */
  | 'unknown';

export interface OssReadyResult {
  providerId: string;
  model: string;
  action: OssModelAction;
  /** Ollama's version when it reported one. */
  serverVersion: string | null;
  /**
   * LM Studio only: the background request that loads the model into memory. It never rejects
   * (a failure becomes a warning); the run does not need to wait for it.
   */
  modelLoad: Promise<void> | null;
}

/**
 * Gets a local provider ready for `--oss`, as the Rust Codex does before the first turn:
 * the server must answer, Ollama must be new enough for the Responses API, and a missing model
 * is pulled (Ollama, with progress) or downloaded with `lms get` (LM Studio), which then loads
 * it in the background. Errors are `OssError`s with the messages the user sees.
 */
export async function ensureOssReady(options: EnsureOssReadyOptions): Promise<OssReadyResult> {
  if (options.providerId === OLLAMA_PROVIDER_ID) return ensureOllamaReady(options);
  if (options.providerId === LMSTUDIO_PROVIDER_ID) return ensureLmStudioReady(options);
  return {
    providerId: options.providerId,
    model: options.model,
    action: 'skipped',
    serverVersion: null,
    modelLoad: null,
  };
}

/** What both local-provider clients are built from: the provider's URL and the HTTP settings. */
function clientOptions(options: EnsureOssReadyOptions): OssHttpOptions & { baseUrl: string } {
  return {
    baseUrl: options.provider.baseUrl,
    fetchImpl: options.fetchImpl,
    requestTimeoutMs: options.requestTimeoutMs,
    signal: options.signal,
  };
}

function warn(options: EnsureOssReadyOptions, message: string): void {
  options.onWarning?.(message);
}

/** Ollama lists `llama3` as `llama3:latest`. */
function ollamaHasModel(installed: readonly string[], model: string): boolean {
  if (installed.includes(model)) return true;
  return !model.includes(':') && installed.includes(`${model}:latest`);
}

async function ensureOllamaReady(options: EnsureOssReadyOptions): Promise<OssReadyResult> {
  const client = new OllamaClient(clientOptions(options));
  // Reachability and version come first and keep their own messages (no setup prefix).
  await client.probe();
  const version = await client.version();
  if (version !== null && !ollamaSupportsResponses(version)) {
    throw new OssVersionTooOldError(
      `Ollama ${version.text} is too old. Codex requires Ollama ${MIN_OLLAMA_RESPONSES_VERSION} ` +
        'or newer; upgrade it from https://ollama.com/download and restart `ollama serve`.',
      version.text,
      MIN_OLLAMA_RESPONSES_VERSION,
    );
  }
  const base = {
    providerId: options.providerId,
    model: options.model,
    serverVersion: version?.text ?? null,
    modelLoad: null,
  };

  let installed: string[];
  try {
    installed = await client.listModels();
  } catch (error) {
    warn(options, `Could not list the models of the local Ollama server: ${describe(error)}`);
    return { ...base, action: 'unknown' };
  }
  if (ollamaHasModel(installed, options.model)) return { ...base, action: 'present' };

  const reporter = new PullProgressReporter(options.progress, { now: options.now });
  try {
    await client.pullModel(options.model, (event) => reporter.onEvent(event));
  } catch (error) {
    reporter.endLine();
    throw isOssError(error) ? error.asSetupFailure() : error;
  }
  return { ...base, action: 'pulled' };
}

async function ensureLmStudioReady(options: EnsureOssReadyOptions): Promise<OssReadyResult> {
  const client = new LmStudioClient(clientOptions(options));
  let action: OssModelAction;
  try {
    await client.probe();
    action = await lmStudioModelAction(client, options);
  } catch (error) {
    throw isOssError(error) ? error.asSetupFailure() : error;
  }
  const modelLoad = client.loadModel(options.model).catch((error: unknown) => {
    warn(options, `Failed to load model ${options.model}: ${describe(error)}`);
  });
  return {
    providerId: options.providerId,
    model: options.model,
    action,
    serverVersion: null,
    modelLoad,
  };
}

async function lmStudioModelAction(
  client: LmStudioClient,
  options: EnsureOssReadyOptions,
): Promise<OssModelAction> {
  let installed: string[];
  try {
    installed = await client.listModels();
  } catch (error) {
    warn(options, `Could not list the models of the local LM Studio server: ${describe(error)}`);
    return 'unknown';
  }
  if (installed.includes(options.model)) return 'present';
  options.progress.write(`Downloading model: ${options.model}\n`);
  await downloadWithLms(options.model, {
    ...options.lms,
    onOutput: (text) => options.progress.write(text),
    signal: options.signal,
  });
  return 'downloaded';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
