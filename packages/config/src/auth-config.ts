import type { z } from 'zod';

import { tomlEnum, tomlString } from './schema-helpers.js';

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

/** The top-level keys of the auth slice. */
export const AUTH_CONFIG_SHAPE = {
  cli_auth_credentials_store: tomlEnum(AUTH_CREDENTIALS_STORE_MODES).optional(),
  forced_login_method: tomlEnum<ForcedLoginMethod>(['chatgpt', 'api']).optional(),
  forced_chatgpt_workspace_id: tomlString.optional(),
  chatgpt_base_url: tomlString.optional(),
};

type AuthToml = { [K in keyof typeof AUTH_CONFIG_SHAPE]?: z.output<(typeof AUTH_CONFIG_SHAPE)[K]> };

/** The auth slice of the configuration: what login, logout and the auth manager need. */
export interface AuthConfig {
  codexHome: string;
  credentialsStore: AuthCredentialsStoreMode;
  forcedLoginMethod: ForcedLoginMethod | null;
  forcedChatgptWorkspaceId: string | null;
  chatgptBaseUrl: string;
}

export function readAuthConfig(toml: AuthToml, codexHome: string): AuthConfig {
  const workspace = toml.forced_chatgpt_workspace_id?.trim();
  return {
    codexHome,
    credentialsStore: toml.cli_auth_credentials_store ?? 'file',
    forcedLoginMethod: toml.forced_login_method ?? null,
    forcedChatgptWorkspaceId: workspace ? workspace : null,
    chatgptBaseUrl: toml.chatgpt_base_url ?? DEFAULT_CHATGPT_BASE_URL,
  };
}
