/**
 * Credentials for model requests that may change during a session (ChatGPT tokens are
 * refreshed). The client asks for headers before every request and, after an HTTP 401, asks
 * once whether the credentials could be refreshed before it retries that request.
 */
export interface RequestAuth {
  /** Headers that carry the credentials (`authorization`, `chatgpt-account-id`, ...). */
  headers(): Promise<Record<string, string>>;
  /**
   * Called after a 401. Resolves true when new credentials were obtained and the request may be
   * sent again (at most once per request); false leaves the 401 as the request's error.
   */
  refreshAfterUnauthorized(): Promise<boolean>;
}

/** A fixed API key as a RequestAuth (`Authorization: Bearer <key>`), or none for null. */
export function staticApiKeyAuth(apiKey: string | null): RequestAuth {
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  return {
    headers: () => Promise.resolve({ ...headers }),
    refreshAfterUnauthorized: () => Promise.resolve(false),
  };
}
