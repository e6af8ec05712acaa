import { trimTrailingSlashes } from './oss-url.js';

/** The `fetch` the local-provider clients use; injectable for tests and proxies. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** How long a short request (probe, list, version) may take before we call the server down. */
export const DEFAULT_OSS_REQUEST_TIMEOUT_MS = 10_000;

export interface OssHttpOptions {
  fetchImpl?: FetchLike;
  /** Time limit for probe/list/version requests (not for pulls or model loads). */
  requestTimeoutMs?: number;
  /** Cancels every request of the client. */
  signal?: AbortSignal;
}

/** Joins a base URL and a path (`/api/tags`) without doubling slashes. */
export function joinUrl(base: string, path: string): string {
  return `${trimTrailingSlashes(base)}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Combines the caller's signal with an optional time limit. */
export function requestSignal(
  signal: AbortSignal | undefined,
  timeoutMs: number | null,
): AbortSignal | undefined {
  const signals: AbortSignal[] = [];
  if (signal) signals.push(signal);
  if (timeoutMs !== null && timeoutMs > 0) signals.push(AbortSignal.timeout(timeoutMs));
  if (signals.length === 0) return undefined;
  return signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}

/** `404 Not Found`: the status and reason phrase, as HTTP clients print them. */
export function describeStatus(response: Response): string {
  return response.statusText ? `${response.status} ${response.statusText}` : `${response.status}`;
}

/** A short reason for a failed `fetch` (the `cause` of undici's "fetch failed" is the useful bit). */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message) return cause.message;
    if (error.name === 'TimeoutError') return 'the request timed out';
    return error.message;
  }
  return String(error);
}

/** Reads a JSON body; returns `undefined` for a body that is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects `entry[key]` for every object entry of `list` whose value is a string. */
export function stringsOf(list: unknown, key: string): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const entry of list) {
    if (isRecord(entry) && typeof entry[key] === 'string') out.push(entry[key]);
  }
  return out;
}
