import { OLLAMA_PROVIDER_ID } from '@codex-ts/config';
import { OssPullError, OssRequestError } from './oss-errors.js';
import {
  describeFetchError,
  describeStatus,
  isRecord,
  joinUrl,
  readJson,
  stringsOf,
} from './oss-http.js';
import type { OssHttpOptions } from './oss-http.js';
import { OssHttpClient } from './oss-http-client.js';
import { isOpenAiCompatibleBaseUrl, serverRootOf } from './oss-url.js';
import { readPullEvents } from './ollama-pull-events.js';
import type { OllamaPullEvent } from './ollama-pull-events.js';
import { parseOllamaVersion } from './ollama-version.js';
import type { OllamaVersion } from './ollama-version.js';

export interface OllamaClientOptions extends OssHttpOptions {
  /** The provider base URL, e.g. `http://localhost:11434/v1` (the native API is at its root). */
  baseUrl: string;
}

/** What to tell a user whose Ollama server does not answer at `root`. */
export function ollamaUnavailableMessage(root: string): string {
  return (
    `No running Ollama server detected at ${root}. Start it with: \`ollama serve\` (after ` +
    'installing). Install instructions: https://github.com/ollama/ollama?tab=readme-ov-file#ollama'
  );
}

/** Talks to a local Ollama server: liveness, version, installed models and `pull`. */
export class OllamaClient {
  /** The server root, e.g. `http://localhost:11434`. */
  readonly root: string;
  /** True when the provider points at the OpenAI-compatible `/v1` API. */
  readonly openAiCompatible: boolean;
  private readonly http: OssHttpClient;

  constructor(options: OllamaClientOptions) {
    this.root = serverRootOf(options.baseUrl);
    this.openAiCompatible = isOpenAiCompatibleBaseUrl(options.baseUrl);
    this.http = new OssHttpClient(options);
  }

  /**
   * Checks that the server answers: `GET /v1/models` for an OpenAI-compatible base URL, else
   * `GET /api/tags`. Throws `OssServerUnavailableError` when it does not answer with a 2xx.
   */
  async probe(): Promise<void> {
    const url = joinUrl(this.root, this.openAiCompatible ? '/v1/models' : '/api/tags');
    await this.http.probe(url, {
      providerId: OLLAMA_PROVIDER_ID,
      unavailableMessage: ollamaUnavailableMessage(this.root),
    });
  }

  /**
   * The server version from `GET /api/version`, or null when the endpoint is missing, answers
   * with an error or reports something that is not a semantic version.
   */
  async version(): Promise<OllamaVersion | null> {
    const url = joinUrl(this.root, '/api/version');
    const response = await this.getOrThrow(url);
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const body = await readJson(response);
    const raw = isRecord(body) ? body['version'] : undefined;
    return typeof raw === 'string' ? parseOllamaVersion(raw) : null;
  }

  /** Names of the installed models (`GET /api/tags`); empty when the server answers an error. */
  async listModels(): Promise<string[]> {
    const url = joinUrl(this.root, '/api/tags');
    const response = await this.getOrThrow(url);
    if (!response.ok) {
      await response.body?.cancel();
      return [];
    }
    const body = await readJson(response);
    if (body === undefined) {
      throw new OssRequestError(`Ollama sent a reply that is not JSON from ${url}`, url, null);
    }
    return isRecord(body) ? stringsOf(body['models'], 'name') : [];
  }

  /**
   * Starts `POST /api/pull` and yields its events as the NDJSON stream arrives. Ends after the
   * `success` or `error` event, or when the server closes the stream.
   */
  async *pullEvents(model: string): AsyncGenerator<OllamaPullEvent> {
    const url = joinUrl(this.root, '/api/pull');
    let response: Response;
    try {
      response = await this.http.postJson(url, { model, stream: true });
    } catch (error) {
      throw new OssPullError(
        `failed to start pull: ${describeFetchError(error)}`,
        model,
        null,
        error,
      );
    }
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new OssPullError(`failed to start pull: HTTP ${describeStatus(response)}`, model, null);
    }
    yield* readPullEvents(streamChunks(response.body));
  }

  /**
   * Pulls `model`, reporting every event to `onEvent` (first a `Pulling model <name>...` status).
   * Throws `OssPullError` on an error line or when the stream ends without `success`.
   */
  async pullModel(
    model: string,
    onEvent: (event: OllamaPullEvent) => void = () => {},
  ): Promise<void> {
    onEvent({ type: 'status', status: `Pulling model ${model}...` });
    for await (const event of this.pullEvents(model)) {
      onEvent(event);
      if (event.type === 'success') return;
      if (event.type === 'error') {
        throw new OssPullError(`Pull failed: ${event.message}`, model, event.message);
      }
    }
    throw new OssPullError('Pull stream ended unexpectedly without success.', model, null);
  }

  private async getOrThrow(url: string): Promise<Response> {
    try {
      return await this.http.get(url);
    } catch (error) {
      throw new OssRequestError(
        `request to Ollama at ${url} failed: ${describeFetchError(error)}`,
        url,
        null,
        error,
      );
    }
  }
}

/** A fetch body's chunks as an async iterable (without relying on the DOM or Node typing of it). */
async function* streamChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
