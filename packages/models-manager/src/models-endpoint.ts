import * as z from 'zod';
import { ModelsManagerError } from './errors.js';
import { parseModelList, type ModelInfo } from './model-info.js';

/** Where and how to ask for `/models`: plain inputs, so this package needs no HTTP client. */
export interface ModelsEndpointConfig {
  /** Provider base URL, e.g. `https://api.openai.com/v1`; `/models` is appended. */
  baseUrl: string;
  /** Extra headers of the provider (sent as they are). */
  headers?: Record<string, string>;
  /** Extra query parameters of the provider (e.g. Azure `api-version`). */
  queryParams?: Record<string, string>;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string | null;
  fetchImpl?: typeof fetch;
  /** Aborts the request after this long (default 10 s). */
  timeoutMs?: number;
}

export type ModelsFetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; models: ModelInfo[]; etag?: string; rejected: string[] };

const ModelsResponseSchema = z.looseObject({
  models: z.array(z.unknown()),
  etag: z.string().nullish(),
});

/** `{baseUrl}/models?client_version=X` with the provider's query parameters. */
export function modelsUrl(config: ModelsEndpointConfig, clientVersion: string): string {
  const url = new URL(`${config.baseUrl.replace(/\/+$/, '')}/models`);
  for (const [key, value] of Object.entries(config.queryParams ?? {})) {
    url.searchParams.set(key, value);
  }
  url.searchParams.set('client_version', clientVersion);
  return url.toString();
}

/**
 * GET `/models`. Sends `If-None-Match` when an ETag is known; 304 comes back as `not-modified`.
 * The ETag of a 200 is the `ETag` header, else the body's `etag`. Throws `ModelsManagerError`.
 */
export async function fetchModels(
  config: ModelsEndpointConfig,
  clientVersion: string,
  etag: string | undefined,
): Promise<ModelsFetchResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...config.headers };
  if (config.apiKey) headers['authorization'] = `Bearer ${config.apiKey}`;
  if (etag) headers['if-none-match'] = etag;
  const fetchImpl = config.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(modelsUrl(config, clientVersion), {
      method: 'GET',
      headers,
      signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new ModelsManagerError(
      'MODELS_NETWORK_ERROR',
      `failed to fetch models: ${error instanceof Error ? error.message : String(error)}`,
      { retryable: true },
      { cause: error },
    );
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { status: 'not-modified' };
  }
  const text = await response.text();
  if (!response.ok) {
    throw new ModelsManagerError(
      'MODELS_HTTP_ERROR',
      `failed to fetch models: HTTP ${String(response.status)}: ${text.slice(0, 500)}`,
      { status: response.status, retryable: response.status >= 500 || response.status === 429 },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ModelsManagerError(
      'MODELS_INVALID_RESPONSE',
      `failed to decode models response: ${text.slice(0, 500)}`,
      { status: response.status },
      { cause: error },
    );
  }
  const parsed = ModelsResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ModelsManagerError(
      'MODELS_INVALID_RESPONSE',
      'failed to decode models response: no `models` array',
      { status: response.status },
    );
  }
  const { models, rejected } = parseModelList(parsed.data.models);
  const newEtag = response.headers.get('etag') ?? parsed.data.etag ?? undefined;
  return { status: 'ok', models, rejected, ...(newEtag ? { etag: newEtag } : {}) };
}
