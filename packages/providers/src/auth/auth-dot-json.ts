import * as z from 'zod';
import { AuthFileInvalidError } from './auth-errors.js';

/**
 * `tokens` of auth.json: the ChatGPT OAuth tokens. `id_token` and `access_token` are JWTs.
 * Unknown fields are kept so that rewriting the file never drops what a newer Codex stored.
 */
export const TokenDataSchema = z.looseObject({
  id_token: z.string(),
  access_token: z.string(),
  refresh_token: z.string(),
  account_id: z.string().nullish(),
});

/**
 * `$CODEX_HOME/auth.json` (or the keyring entry): an API key, ChatGPT tokens, or both.
 * `auth_mode` is `apikey` or `chatgpt`; older files omit it (a key then means API-key mode).
 */
export const AuthDotJsonSchema = z.looseObject({
  auth_mode: z.string().nullish(),
  OPENAI_API_KEY: z.string().nullish(),
  tokens: TokenDataSchema.nullish(),
  last_refresh: z.string().nullish(),
});

export type TokenData = z.infer<typeof TokenDataSchema>;
export type AuthDotJson = z.infer<typeof AuthDotJsonSchema>;

/** How stored credentials authenticate; `unsupported` carries modes this build cannot use. */
export type StoredAuthMode = 'apikey' | 'chatgpt' | 'unsupported';

/** Parses credentials JSON; `source` names the file or keyring entry in error messages. */
export function parseAuthDotJson(text: string, source: string): AuthDotJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AuthFileInvalidError(`${source} is not valid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const parsed = AuthDotJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at \`${issue.path.join('.')}\`` : '';
    throw new AuthFileInvalidError(
      `${source} does not hold valid credentials${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const lastRefresh = parsed.data.last_refresh;
  if (typeof lastRefresh === 'string' && Number.isNaN(Date.parse(lastRefresh))) {
    throw new AuthFileInvalidError(`${source}: last_refresh is not an RFC 3339 timestamp`);
  }
  return parsed.data;
}

const KNOWN_KEYS = new Set(['auth_mode', 'OPENAI_API_KEY', 'tokens', 'last_refresh']);
const KNOWN_TOKEN_KEYS = new Set(['id_token', 'access_token', 'refresh_token', 'account_id']);

function withExtras(
  known: Record<string, unknown>,
  source: Record<string, unknown>,
  knownKeys: Set<string>,
): Record<string, unknown> {
  const out = { ...known };
  for (const [key, value] of Object.entries(source)) {
    if (!knownKeys.has(key)) out[key] = value;
  }
  return out;
}

/**
 * The JSON object in the field order the Rust Codex writes (`auth_mode`, `OPENAI_API_KEY`,
 * `tokens`, `last_refresh`), absent optional fields omitted, unknown fields after them.
 */
export function toOrderedJson(auth: AuthDotJson): Record<string, unknown> {
  const known: Record<string, unknown> = {};
  if (auth.auth_mode != null) known['auth_mode'] = auth.auth_mode;
  known['OPENAI_API_KEY'] = auth.OPENAI_API_KEY ?? null;
  if (auth.tokens != null) {
    const t = auth.tokens;
    const tokens: Record<string, unknown> = {
      id_token: t.id_token,
      access_token: t.access_token,
      refresh_token: t.refresh_token,
      account_id: t.account_id ?? null,
    };
    known['tokens'] = withExtras(tokens, t, KNOWN_TOKEN_KEYS);
  }
  if (auth.last_refresh != null) known['last_refresh'] = auth.last_refresh;
  return withExtras(known, auth, KNOWN_KEYS);
}

/** auth.json text: pretty-printed with two-space indentation. */
export function serializeAuthDotJson(auth: AuthDotJson): string {
  return JSON.stringify(toOrderedJson(auth), null, 2);
}

/** The mode the stored credentials imply (`auth_mode`, else API key when a key is present). */
export function storedAuthMode(auth: AuthDotJson): StoredAuthMode {
  const mode = auth.auth_mode;
  if (mode != null) {
    const normalized = mode.replace(/[_-]/g, '').toLowerCase();
    if (normalized === 'apikey') return 'apikey';
    if (normalized === 'chatgpt') return 'chatgpt';
    return 'unsupported';
  }
  return auth.OPENAI_API_KEY != null ? 'apikey' : 'chatgpt';
}
