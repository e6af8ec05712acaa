import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@codex-ts/utils';
import * as z from 'zod';
import { ModelsManagerError } from './errors.js';
import { parseModelList, type ModelInfo } from './model-info.js';

export const MODELS_CACHE_FILE = 'models_cache.json';
/** How long a fetched catalog counts as fresh: 300 s, as in the Rust Codex. */
export const DEFAULT_MODELS_CACHE_TTL_MS = 300_000;

/** Identity of the provider/account a catalog came from (optional `cache_key` of the file). */
export interface ModelsCacheKey {
  provider_id: string;
  auth_mode?: string;
  account_id?: string;
}

const CacheKeySchema = z.looseObject({
  provider_id: z.string(),
  auth_mode: z.string().optional(),
  account_id: z.string().optional(),
});

const CacheFileSchema = z.looseObject({
  fetched_at: z.string(),
  etag: z.string().nullish(),
  client_version: z.string().nullish(),
  cache_key: CacheKeySchema.nullish(),
  models: z.array(z.unknown()),
});

/** `CODEX_HOME/models_cache.json`: `{fetched_at, etag?, client_version?, cache_key?, models}`. */
export interface ModelsCache {
  /** RFC 3339 time of the last successful fetch (or 304 revalidation). */
  fetched_at: string;
  etag?: string;
  client_version?: string;
  cache_key?: ModelsCacheKey;
  models: ModelInfo[];
}

export function modelsCachePath(codexHome: string): string {
  return join(codexHome, MODELS_CACHE_FILE);
}

/**
 * Reads the cache file. `undefined` when it does not exist; `ModelsManagerError`
 * (`MODELS_CACHE_INVALID`) when it is not a cache file we can use.
 */
export async function readModelsCache(path: string): Promise<ModelsCache | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ModelsManagerError('MODELS_CACHE_INVALID', `cannot read ${path}: ${String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelsManagerError(
      'MODELS_CACHE_INVALID',
      `${path} is not valid JSON`,
      {},
      {
        cause: error,
      },
    );
  }
  const parsed = CacheFileSchema.safeParse(json);
  if (!parsed.success || Number.isNaN(Date.parse(parsed.data.fetched_at))) {
    throw new ModelsManagerError('MODELS_CACHE_INVALID', `${path} is not a models cache file`);
  }
  const { fetched_at, etag, client_version, cache_key, models } = parsed.data;
  return {
    fetched_at,
    ...(etag != null ? { etag } : {}),
    ...(client_version != null ? { client_version } : {}),
    ...(cache_key != null ? { cache_key } : {}),
    models: parseModelList(models).models,
  };
}

/**
 * Writes the cache atomically: a temporary file in the same directory, then a rename, so a
 * reader (another codex process) never sees half a file.
 */
export async function writeModelsCache(path: string, cache: ModelsCache): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(cache, null, 2)}\n`, { mode: 0o600 });
}

/** Fresh: fetched within `ttlMs` of `nowMs` (a zero TTL is never fresh). */
export function isCacheFresh(cache: ModelsCache, nowMs: number, ttlMs: number): boolean {
  if (ttlMs <= 0) return false;
  const age = nowMs - Date.parse(cache.fetched_at);
  return age <= ttlMs;
}

/** The cache belongs to this client version and (when one is given) this provider/account. */
export function cacheMatches(
  cache: ModelsCache,
  clientVersion: string,
  cacheKey: ModelsCacheKey | undefined,
): boolean {
  if (cache.client_version !== clientVersion) return false;
  if (!cacheKey) return true;
  const key = cache.cache_key;
  return (
    key !== undefined &&
    key.provider_id === cacheKey.provider_id &&
    key.auth_mode === cacheKey.auth_mode &&
    key.account_id === cacheKey.account_id
  );
}
