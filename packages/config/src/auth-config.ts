import type { ConfigReader } from './config-reader.js';

/** `cli_auth_credentials_store`: where login credentials live. */
export type AuthCredentialsStoreMode = 'file' | 'keyring' | 'auto';
export const AUTH_CREDENTIALS_STORE_MODES: readonly AuthCredentialsStoreMode[] = [
  'file',
  'keyring',
  'auto',
];

/** `forced_login_method`: restricts `codex login` to one kind of credential. */
export type ForcedLoginMethod = 'chatgpt' | 'api';

export const DEFAULT_CHATGPT_BASE_URL = 'https://chatgpt.com/backend-api/';

/** The auth slice of the configuration: what login, logout and the auth manager need. */
export interface AuthConfig {
  codexHome: string;
  credentialsStore: AuthCredentialsStoreMode;
  forcedLoginMethod: ForcedLoginMethod | null;
  forcedChatgptWorkspaceId: string | null;
  chatgptBaseUrl: string;
}

export function readAuthConfig(reader: ConfigReader, codexHome: string): AuthConfig {
  const workspace = reader.string(['forced_chatgpt_workspace_id'])?.trim();
  return {
    codexHome,
    credentialsStore:
      reader.enumValue(['cli_auth_credentials_store'], AUTH_CREDENTIALS_STORE_MODES) ?? 'file',
    forcedLoginMethod:
      reader.enumValue<ForcedLoginMethod>(['forced_login_method'], ['chatgpt', 'api']) ?? null,
    forcedChatgptWorkspaceId: workspace ? workspace : null,
    chatgptBaseUrl: reader.string(['chatgpt_base_url']) ?? DEFAULT_CHATGPT_BASE_URL,
  };
}
