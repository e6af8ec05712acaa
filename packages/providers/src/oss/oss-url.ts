/** Drops trailing slashes: `http://host:1234/v1/` -> `http://host:1234/v1`. */
export function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}

/** True for an OpenAI-compatible base URL, i.e. one ending in `/v1`. */
export function isOpenAiCompatibleBaseUrl(baseUrl: string): boolean {
  return trimTrailingSlashes(baseUrl).endsWith('/v1');
}

/**
 * The server root of a provider base URL, where Ollama's native API lives:
 * `http://localhost:11434/v1` -> `http://localhost:11434`. A URL without `/v1` is kept as is.
 */
export function serverRootOf(baseUrl: string): string {
  const trimmed = trimTrailingSlashes(baseUrl);
  if (!trimmed.endsWith('/v1')) return trimmed;
  return trimTrailingSlashes(trimmed.slice(0, -'/v1'.length));
}
