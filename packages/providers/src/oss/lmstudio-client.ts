import { LMSTUDIO_PROVIDER_ID } from '@codex-ts/config';
import { OssRequestError } from './oss-errors.js';
import { describeFetchError, describeStatus, isRecord, joinUrl, readJson } from './oss-http.js';
import type { OssHttpOptions } from './oss-http.js';
import { OssHttpClient } from './oss-http-client.js';
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
  private readonly http: OssHttpClient;

  constructor(options: LmStudioClientOptions) {
    this.baseUrl = trimTrailingSlashes(options.baseUrl);
    this.http = new OssHttpClient(options);
  }

  /** `GET <base>/models` must answer 2xx, else `OssServerUnavailableError`. */
  async probe(): Promise<void> {
    const unavailableMessage = lmStudioUnavailableMessage(this.baseUrl);
    await this.http.probe(joinUrl(this.baseUrl, '/models'), {
      providerId: LMSTUDIO_PROVIDER_ID,
      unavailableMessage,
      httpErrorMessage: (response) =>
        `LM Studio answered HTTP ${describeStatus(response)}. ${unavailableMessage}`,
    });
  }

  /** Model ids LM Studio offers (`GET <base>/models`, the `data[].id` fields). */
  async listModels(): Promise<string[]> {
    const url = joinUrl(this.baseUrl, '/models');
    let response: Response;
    try {
      response = await this.http.get(url);
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
      response = await this.http.postJson(url, lmStudioLoadRequestBody(model));
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
