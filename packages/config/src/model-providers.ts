import * as z from 'zod';

import type { EnvMap } from './codex-home.js';
import type { ConfigReader } from './config-reader.js';
import {
  anyTable,
  expecting,
  nonEmptyString,
  nonNegativeInteger,
  stringMap,
  tomlBoolean,
  tomlEnum,
  tomlString,
  tomlTable,
} from './schema-helpers.js';
import type { ModelProviderInfo, WireApi } from './types.js';

export const OPENAI_PROVIDER_ID = 'openai';
export const OLLAMA_PROVIDER_ID = 'ollama';
export const LMSTUDIO_PROVIDER_ID = 'lmstudio';
/** Built into the Rust Codex (AWS SigV4 auth); codex-ts does not provide it yet. */
export const AMAZON_BEDROCK_PROVIDER_ID = 'amazon-bedrock';
/** Removed from the Rust Codex; selecting it is an error with a migration hint. */
export const LEGACY_OLLAMA_CHAT_PROVIDER_ID = 'ollama-chat';

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_OLLAMA_PORT = 11434;
export const DEFAULT_LMSTUDIO_PORT = 1234;
export const DEFAULT_REQUEST_MAX_RETRIES = 4;
export const DEFAULT_STREAM_MAX_RETRIES = 5;
export const MAX_REQUEST_MAX_RETRIES = 100;
export const MAX_STREAM_MAX_RETRIES = 100;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;

/** Provider ids a `[model_providers.<id>]` table may not redefine. */
const RESERVED_PROVIDER_IDS: readonly string[] = [
  OPENAI_PROVIDER_ID,
  OLLAMA_PROVIDER_ID,
  LMSTUDIO_PROVIDER_ID,
];

const WIRE_APIS: readonly WireApi[] = ['responses', 'chat'];

/**
 * The providers every installation has: `openai` (base URL from `openai_base_url` when given)
 * and the local `ollama` / `lmstudio` servers (`CODEX_OSS_BASE_URL` / `CODEX_OSS_PORT` apply).
 */
export function builtInModelProviders(
  env: EnvMap,
  openaiBaseUrl: string | null,
): Record<string, ModelProviderInfo> {
  return {
    [OPENAI_PROVIDER_ID]: {
      ...providerDefaults(OPENAI_PROVIDER_ID, 'OpenAI'),
      baseUrl: trimTrailingSlashes(openaiBaseUrl ?? DEFAULT_OPENAI_BASE_URL),
      baseUrlIsDefault: openaiBaseUrl === null,
      envKey: 'OPENAI_API_KEY',
      envHttpHeaders: {
        'OpenAI-Organization': 'OPENAI_ORGANIZATION',
        'OpenAI-Project': 'OPENAI_PROJECT',
      },
      requiresOpenaiAuth: true,
    },
    [OLLAMA_PROVIDER_ID]: ossProvider(OLLAMA_PROVIDER_ID, DEFAULT_OLLAMA_PORT, env),
    [LMSTUDIO_PROVIDER_ID]: ossProvider(LMSTUDIO_PROVIDER_ID, DEFAULT_LMSTUDIO_PORT, env),
  };
}

function ossProvider(id: string, defaultPort: number, env: EnvMap): ModelProviderInfo {
  const explicit = env['CODEX_OSS_BASE_URL']?.trim();
  const portText = env['CODEX_OSS_PORT']?.trim();
  const port =
    portText && /^\d{1,5}$/.test(portText) && Number(portText) <= 65_535
      ? Number(portText)
      : defaultPort;
  const baseUrl = explicit ? explicit : `http://localhost:${port}/v1`;
  return {
    ...providerDefaults(id, 'gpt-oss'),
    baseUrl: trimTrailingSlashes(baseUrl),
  };
}

function providerDefaults(id: string, name: string): ModelProviderInfo {
  return {
    id,
    name,
    baseUrl: DEFAULT_OPENAI_BASE_URL,
    baseUrlIsDefault: false,
    envKey: null,
    envKeyInstructions: null,
    experimentalBearerToken: null,
    wireApi: 'responses',
    queryParams: {},
    httpHeaders: {},
    envHttpHeaders: {},
    requestMaxRetries: DEFAULT_REQUEST_MAX_RETRIES,
    streamMaxRetries: DEFAULT_STREAM_MAX_RETRIES,
    streamIdleTimeoutMs: DEFAULT_STREAM_IDLE_TIMEOUT_MS,
    requiresOpenaiAuth: false,
  };
}

/** One `[model_providers.<id>]` table (codex-rs/model-provider-info). */
export const ModelProviderTomlSchema = tomlTable({
  name: nonEmptyString('provider name must not be empty').optional(),
  base_url: tomlString.optional(),
  wire_api: tomlEnum(WIRE_APIS).optional(),
  env_key: tomlString.optional(),
  env_key_instructions: tomlString.optional(),
  experimental_bearer_token: tomlString.optional(),
  /** Not supported by codex-ts yet: accepted with a warning. */
  auth: z.unknown().optional(),
  aws: z.unknown().optional(),
  query_params: stringMap.optional(),
  http_headers: stringMap.optional(),
  env_http_headers: stringMap.optional(),
  request_max_retries: nonNegativeInteger.optional(),
  stream_max_retries: nonNegativeInteger.optional(),
  stream_idle_timeout_ms: nonNegativeInteger.optional(),
  websocket_connect_timeout_ms: nonNegativeInteger.optional(),
  requires_openai_auth: tomlBoolean.optional(),
  supports_websockets: tomlBoolean.optional(),
});

type ModelProviderToml = z.output<typeof ModelProviderTomlSchema>;

/**
 * `[model_providers]`: built-in ids cannot be redefined (as in the Rust Codex); that is checked
 * first, then every provider table.
 */
export const ModelProvidersSchema = anyTable
  .check((ctx) => {
    const reserved = Object.keys(ctx.value)
      .filter((id) => RESERVED_PROVIDER_IDS.includes(id))
      .sort();
    if (reserved.length === 0) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: [reserved[0] as string],
      message:
        `model_providers contains reserved built-in provider IDs: ${reserved
          .map((id) => `\`${id}\``)
          .join(', ')}. Built-in providers cannot be overridden. Rename your custom provider ` +
        '(for example, `openai-custom`).',
    });
  })
  .pipe(z.record(z.string(), ModelProviderTomlSchema, expecting('a table')));

/**
 * The custom providers of the parsed `[model_providers]` tables. `amazon-bedrock` entries are
 * skipped because codex-ts has no Bedrock provider yet.
 */
export function readCustomModelProviders(
  tables: Record<string, ModelProviderToml> | undefined,
  reader: ConfigReader,
): Record<string, ModelProviderInfo> {
  const providers: Record<string, ModelProviderInfo> = {};
  for (const [id, table] of Object.entries(tables ?? {})) {
    if (id === AMAZON_BEDROCK_PROVIDER_ID) continue;
    providers[id] = toProviderInfo(id, table, reader);
  }
  return providers;
}

function toProviderInfo(
  id: string,
  table: ModelProviderToml,
  reader: ConfigReader,
): ModelProviderInfo {
  for (const unsupported of ['auth', 'aws'] as const) {
    if (table[unsupported] !== undefined) {
      const path = ['model_providers', id, unsupported];
      reader.warn(
        `${path.join('.')} is not supported by codex-ts yet and is ignored`,
        reader.layers.locate(path),
      );
    }
  }
  return {
    id,
    name: table.name ?? id,
    baseUrl: trimTrailingSlashes(table.base_url ?? DEFAULT_OPENAI_BASE_URL),
    baseUrlIsDefault: table.base_url === undefined,
    envKey: table.env_key ?? null,
    envKeyInstructions: table.env_key_instructions ?? null,
    experimentalBearerToken: table.experimental_bearer_token ?? null,
    // "chat" (Chat Completions) is served by the api client, for providers without /responses.
    wireApi: table.wire_api ?? 'responses',
    queryParams: table.query_params ?? {},
    httpHeaders: table.http_headers ?? {},
    envHttpHeaders: table.env_http_headers ?? {},
    requestMaxRetries: Math.min(
      table.request_max_retries ?? DEFAULT_REQUEST_MAX_RETRIES,
      MAX_REQUEST_MAX_RETRIES,
    ),
    streamMaxRetries: Math.min(
      table.stream_max_retries ?? DEFAULT_STREAM_MAX_RETRIES,
      MAX_STREAM_MAX_RETRIES,
    ),
    streamIdleTimeoutMs: table.stream_idle_timeout_ms ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
    requiresOpenaiAuth: table.requires_openai_auth ?? false,
  };
}

export function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}
