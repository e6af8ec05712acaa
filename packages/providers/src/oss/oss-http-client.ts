import { OssServerUnavailableError } from './oss-errors.js';
import { DEFAULT_OSS_REQUEST_TIMEOUT_MS, requestSignal } from './oss-http.js';
import type { FetchLike, OssHttpOptions } from './oss-http.js';

/** How a local provider words a probe that failed. */
export interface OssProbeTarget {
  providerId: string;
  /** What to tell a user whose server does not answer. */
  unavailableMessage: string;
  /** What to tell a user whose server answered an HTTP error (default: `unavailableMessage`). */
  httpErrorMessage?: (response: Response) => string;
}

/**
 * The requests both local-provider clients (Ollama, LM Studio) make: short GETs limited by
 * `requestTimeoutMs`, and JSON POSTs (pulls, model loads) limited only by the caller's signal.
 */
export class OssHttpClient {
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly signal: AbortSignal | undefined;

  constructor(options: OssHttpOptions) {
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_OSS_REQUEST_TIMEOUT_MS;
    this.signal = options.signal;
  }

  /** A short request (probe, list, version). */
  get(url: string): Promise<Response> {
    return this.fetchImpl(url, { signal: requestSignal(this.signal, this.timeoutMs) });
  }

  /** A POST of `body` as JSON that may take long. */
  postJson(url: string, body: unknown): Promise<Response> {
    return this.fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: requestSignal(this.signal, null),
    });
  }

  /** `GET url` must answer 2xx, else `OssServerUnavailableError`; the body is discarded. */
  async probe(url: string, target: OssProbeTarget): Promise<void> {
    let response: Response;
    try {
      response = await this.get(url);
    } catch (error) {
      throw new OssServerUnavailableError(
        target.unavailableMessage,
        target.providerId,
        url,
        null,
        error,
      );
    }
    await response.body?.cancel();
    if (!response.ok) {
      throw new OssServerUnavailableError(
        target.httpErrorMessage?.(response) ?? target.unavailableMessage,
        target.providerId,
        url,
        response.status,
      );
    }
  }
}
