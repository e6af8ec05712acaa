import { LMSTUDIO_PROVIDER_ID } from '@codex-ts/config';
import { OssRequestError, OssServerUnavailableError } from './oss-errors.js';
import {
  DEFAULT_OSS_REQUEST_TIMEOUT_MS,
  describeFetchError,
  describeStatus,
  isRecord,
  joinUrl,
  readJson,
  requestSignal,
} from './oss-http.js';
import type { FetchLike, OssHttpOptions } from './oss-http.js';
import { trimTrailingSlashes } from './oss-url.js';

export interface LmStudioClientOptions extends OssHttpOptions {
  /** The provider base URL, e.g. `http://localhost:1234/v1` (requests go below it). */
  baseUrl: string;
}

/** What to tell a user whose LM Studio server does not answer at `baseUrl`. */
export function lmStudioUnavailableMessage(baseUrl: string): string {
  return (
    `LM Studio is not responding at ${baseUrl}. Install from https://lmstudio.ai/download and ` +
    "run 'lms server start'."
  );
}

/** The body LM Studio gets to load a model into memory: a one-token Responses request. */
export function lmStudioLoadRequestBody(model: string): Record<string, unknown> {
  return { model, input: '', max_output_tokens: 1 };
}

/** Talks to LM Studio's OpenAI-compatible server: liveness, models, loading a model. */
export class LmStudioClient {
  readonly baseUrl: string;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly signal: AbortSignal | undefined;

  constructor(options: LmStudioClientOptions) {
    this.baseUrl = trimTrailingSlashes(options.baseUrl);
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_OSS_REQUEST_TIMEOUT_MS;
    this.signal = options.signal;
  }

  /** `GET <base>/models` must answer 2xx, else `OssServerUnavailableError`. */
  async probe(): Promise<void> {
    const url = joinUrl(this.baseUrl, '/models');
    let response: Response;
    try {
      response = await this.fetchImpl(url, { signal: requestSignal(this.signal, this.timeoutMs) });
    } catch (error) {
      throw new OssServerUnavailableError(
        lmStudioUnavailableMessage(this.baseUrl),
        LMSTUDIO_PROVIDER_ID,
        url,
        null,
        error,
      );
    }
    await response.body?.cancel();
    if (!response.ok) {
      throw new OssServerUnavailableError(
        `LM Studio answered HTTP ${describeStatus(response)}. ` +
          lmStudioUnavailableMessage(this.baseUrl),
        LMSTUDIO_PROVIDER_ID,
        url,
        response.status,
      );
    }
  }

  /** Model ids LM Studio offers (`GET <base>/models`, the `data[].id` fields). */
  async listModels(): Promise<string[]> {
    const url = joinUrl(this.baseUrl, '/models');
    let response: Response;
    try {
      response = await this.fetchImpl(url, { signal: requestSignal(this.signal, this.timeoutMs) });
    } catch (error) {
      throw new OssRequestError(`Request failed: ${describeFetchError(error)}`, url, null, error);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new OssRequestError(
        `Failed to fetch models: ${describeStatus(response)}`,
        url,
        response.status,
      );
    }
    const body = await readJson(response);
    const data = isRecord(body) ? body['data'] : undefined;
    if (!Array.isArray(data)) {
      throw new OssRequestError("No 'data' array in the LM Studio models reply", url, null);
    }
    const ids: string[] = [];
    for (const entry of data) {
      if (isRecord(entry) && typeof entry['id'] === 'string') ids.push(entry['id']);
    }
    return ids;
  }

  /**
   * Asks LM Studio to load `model` by sending a one-token request to `<base>/responses` (LM
   * Studio loads a model on first use). Throws `OssRequestError` when that fails.
   */
  async loadModel(model: string): Promise<void> {
    const url = joinUrl(this.baseUrl, '/responses');
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(lmStudioLoadRequestBody(model)),
        signal: requestSignal(this.signal, null),
      });
    } catch (error) {
      throw new OssRequestError(`Request failed: ${describeFetchError(error)}`, url, null, error);
    }
    await response.body?.cancel();
    if (!response.ok) {
      throw new OssRequestError(
        `Failed to load model: ${describeStatus(response)}`,
        url,
        response.status,
      );
    }
  }
}
