import type { ResponseEvent, ResponsesRequest } from '@codex-ts/protocol';
import { abortableSleep, realSleep } from './abortable-sleep.js';
import type { Sleep } from './abortable-sleep.js';
import type { ApiError } from './api-error.js';
import { backoffDelayMs } from './backoff.js';
import { classifyHttpFailure } from './http-error-mapper.js';
import { IdleWatchdog } from './idle-watchdog.js';
import type { ModelProviderConfig } from './model-provider-config.js';
import { buildChatRequest } from './chat-request.js';
import { ChatStreamAssembler } from './chat-stream-assembler.js';
import {
  buildChatCompletionsUrl,
  buildRequestHeaders,
  buildResponsesUrl,
  defaultUserAgent,
} from './request-headers.js';
import { staticApiKeyAuth } from './request-auth.js';
import type { RequestAuth } from './request-auth.js';
import { readResponseEvents } from './response-stream-reader.js';
import type { SseDataMapper, StreamReadContext } from './response-stream-reader.js';
import { SseEventMapper } from './sse-event-mapper.js';
import {
  IdleTimeoutError,
  InterruptedError,
  StreamDisconnectedError,
  TransportError,
  UnsupportedWireApiError,
} from './stream-errors.js';

export interface ModelClientOptions {
  provider: ModelProviderConfig;
  /** Sent as `Authorization: Bearer <key>` when not null; ignored when `auth` is given. */
  apiKey?: string | null;
  /** Credentials that may be refreshed (ChatGPT sign-in); wins over `apiKey`. */
  auth?: RequestAuth;
  /** Where `env_http_headers` values are read from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** The `originator` header (default `codex_exec`). */
  originator?: string;
  userAgent?: string;
  /** Sent as the `session_id` header when given. */
  sessionId?: string;
  fetchImpl?: typeof fetch;
  /** Jitter source for backoff (default Math.random). */
  random?: () => number;
  /** Waits between request retries (default setTimeout); tests inject a fast one. */
  sleep?: Sleep;
}

export interface StreamOptions {
  /** Cancels the request and the stream; the generator then throws InterruptedError. */
  signal?: AbortSignal;
  /** W3C trace context of the caller's span. */
  traceparent?: string;
}

type OkResponse = Response & { body: ReadableStream<Uint8Array> };

/**
 * Streams one model response over the Responses API, or over Chat Completions for a provider with
 * `wire_api = "chat"` (the request is translated and the chat stream reassembled into the same
 * ResponseEvents). HTTP 5xx, 429 (not quota) and transport failures are retried silently up to
 * `requestMaxRetries` times with exponential backoff; every other failure is thrown as a typed
 * ApiError whose `retryable` flag tells the turn loop whether a visible stream retry may help.
 */
export class ModelClient {
  readonly provider: ModelProviderConfig;
  private readonly auth: RequestAuth;
  private readonly env: Record<string, string | undefined>;
  private readonly originator: string;
  private readonly userAgent: string;
  private readonly sessionId: string | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;
  private readonly sleep: Sleep;

  constructor(opts: ModelClientOptions) {
    this.provider = opts.provider;
    this.auth = opts.auth ?? staticApiKeyAuth(opts.apiKey ?? null);
    this.env = opts.env ?? process.env;
    this.originator = opts.originator ?? 'codex_exec';
    this.userAgent = opts.userAgent ?? defaultUserAgent(this.originator);
    this.sessionId = opts.sessionId;
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.random = opts.random ?? Math.random;
    this.sleep = opts.sleep ?? realSleep;
  }

  async *stream(
    request: ResponsesRequest,
    opts: StreamOptions = {},
  ): AsyncGenerator<ResponseEvent, void, undefined> {
    const provider = this.provider;
    const wireApi: string = provider.wireApi;
    if (wireApi !== 'responses' && wireApi !== 'chat') {
      throw new UnsupportedWireApiError(provider.id, wireApi);
    }
    const { signal } = opts;
    if (signal?.aborted) throw new InterruptedError(signal.reason);

    const chat = wireApi === 'chat';
    const url = chat ? buildChatCompletionsUrl(provider) : buildResponsesUrl(provider);
    const body = JSON.stringify(chat ? buildChatRequest(request) : request);
    const mapper: SseDataMapper = chat ? new ChatStreamAssembler() : new SseEventMapper();
    const headerInputs = {
      provider,
      apiKey: null,
      env: this.env,
      originator: this.originator,
      userAgent: this.userAgent,
      sessionId: this.sessionId,
      traceparent: opts.traceparent,
    };
    const headers = async (): Promise<Record<string, string>> =>
      withAuthHeaders(buildRequestHeaders(headerInputs), await this.auth.headers(), provider);

    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const watchdog = new IdleWatchdog(provider.streamIdleTimeoutMs, () =>
      controller.abort(new Error('idle timeout waiting for SSE')),
    );
    const ctx: StreamReadContext = {
      watchdog,
      signal,
      abortError: (): ApiError | undefined => {
        if (signal?.aborted) return new InterruptedError(signal.reason);
        if (watchdog.fired) return new IdleTimeoutError(watchdog.timeoutMs);
        return undefined;
      },
    };
    try {
      const response = await this.send(url, headers, body, controller.signal, ctx);
      yield* readResponseEvents(response.body, ctx, mapper);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      watchdog.dispose();
    }
  }

  /** POSTs the request, retrying silently where allowed; returns a 2xx response with a body. */
  private async send(
    url: string,
    headers: () => Promise<Record<string, string>>,
    body: string,
    fetchSignal: AbortSignal,
    ctx: StreamReadContext,
  ): Promise<OkResponse> {
    const maxRetries = Math.max(0, Math.floor(this.provider.requestMaxRetries));
    let refreshedAuth = false;
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < maxRetries;
      let response: Response;
      let text: string;
      // Outside the try: failing to obtain credentials is not a transport failure to retry.
      const requestHeaders = await headers();
      ctx.watchdog.arm();
      try {
        response = await this.fetchImpl(url, {
          method: 'POST',
          headers: requestHeaders,
          body,
          signal: fetchSignal,
        });
        if (response.ok) {
          if (response.body) return response as OkResponse;
          throw new StreamDisconnectedError('stream closed before response.completed');
        }
        text = await response.text();
      } catch (err) {
        if (err instanceof StreamDisconnectedError) throw err;
        const aborted = ctx.abortError();
        if (aborted) throw aborted;
        if (!canRetry) throw new TransportError(url, err);
        await this.backoff(attempt + 1, undefined, ctx.signal);
        continue;
      } finally {
        ctx.watchdog.disarm();
      }
      if (response.status === 401 && !refreshedAuth) {
        refreshedAuth = true;
        if (await this.auth.refreshAfterUnauthorized()) {
          attempt--;
          continue;
        }
      }
      const verdict = classifyHttpFailure({
        status: response.status,
        url,
        headers: response.headers,
        body: text,
      });
      if (!verdict.retryRequest || !canRetry) throw verdict.error;
      await this.backoff(attempt + 1, verdict.retryAfterMs, ctx.signal);
    }
  }

  private backoff(
    retry: number,
    retryAfterMs: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const delay = retryAfterMs ?? backoffDelayMs(retry, this.random);
    return abortableSleep(this.sleep, delay, signal);
  }
}

/**
 * Auth headers go after the standard ones and before the provider's own: a provider's
 * `http_headers` may still replace `Authorization`, as before.
 */
function withAuthHeaders(
  standard: Record<string, string>,
  auth: Record<string, string>,
  provider: ModelProviderConfig,
): Record<string, string> {
  const own = new Set(
    [...Object.keys(provider.httpHeaders), ...Object.keys(provider.envHttpHeaders)].map((name) =>
      name.toLowerCase(),
    ),
  );
  const merged = { ...standard };
  for (const [name, value] of Object.entries(auth)) {
    const key = name.toLowerCase();
    if (!own.has(key) || standard[key] === undefined) merged[key] = value;
  }
  return merged;
}
