import type { ModelProviderInfo } from '@codex-ts/config';
import type { EnvMap } from './auth-constants.js';
import type { AuthManager } from './auth-manager.js';
import { resolveModelAuth } from './model-auth.js';

/** Where to ask for the model catalog (`GET {baseUrl}/models`) and with which headers. */
export interface ModelsEndpointTarget {
  baseUrl: string;
  headers: Record<string, string>;
  queryParams: Record<string, string>;
}

/**
 * The catalog endpoint for `provider`, or null when the catalog should not be fetched. As in the
 * Rust Codex, only a ChatGPT sign-in (the Codex backend) refreshes the catalog remotely; API-key
 * users and other providers use the bundled catalog or `models_cache.json`.
 */
export async function resolveModelsEndpoint(opts: {
  provider: ModelProviderInfo;
  env: EnvMap;
  authManager: AuthManager | null;
}): Promise<ModelsEndpointTarget | null> {
  if (!opts.provider.requiresOpenaiAuth) return null;
  let resolved;
  try {
    resolved = await resolveModelAuth(opts);
  } catch {
    return null;
  }
  if (resolved.mode !== 'chatgpt' || resolved.auth === null) return null;
  return {
    baseUrl: resolved.provider.baseUrl,
    headers: await resolved.auth.headers(),
    queryParams: resolved.provider.queryParams,
  };
}
