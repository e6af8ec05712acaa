/** OAuth client id of the Codex CLI at auth.openai.com. */
export const CLIENT_ID = 'app_EMoamEEZ73f0CkXaXp7hrann';
/** The OAuth issuer (authorize, token, revoke and device-code endpoints). */
export const DEFAULT_ISSUER = 'https://auth.openai.com';
/** Port of the local callback server; the redirect URI registered for the client uses it. */
export const DEFAULT_LOGIN_PORT = 1455;
/** Registered fallback port, used when 1455 stays busy. */
export const FALLBACK_LOGIN_PORT = 1457;
/** Scopes requested by the browser sign-in. */
export const LOGIN_SCOPES =
  'openid profile email offline_access api.connectors.read api.connectors.invoke';

export const REFRESH_TOKEN_URL = 'https://auth.openai.com/oauth/token';
export const REVOKE_TOKEN_URL = 'https://auth.openai.com/oauth/revoke';
export const REFRESH_TOKEN_URL_OVERRIDE_ENV_VAR = 'CODEX_REFRESH_TOKEN_URL_OVERRIDE';
export const REVOKE_TOKEN_URL_OVERRIDE_ENV_VAR = 'CODEX_REVOKE_TOKEN_URL_OVERRIDE';

/** Base URL of the Responses API for ChatGPT sign-ins (replaces the default OpenAI API URL). */
export const CHATGPT_CODEX_BASE_URL = 'https://chatgpt.com/backend-api/codex';

/** ChatGPT tokens are refreshed when the last refresh is older than this (8 days). */
export const TOKEN_REFRESH_INTERVAL_MS = 8 * 24 * 60 * 60 * 1000;

/** The file in CODEX_HOME that holds credentials in `file` mode. */
export const AUTH_JSON_FILE = 'auth.json';
/** Keyring service name under which the CLI credentials are stored. */
export const KEYRING_SERVICE = 'Codex Auth';

export type EnvMap = Record<string, string | undefined>;
