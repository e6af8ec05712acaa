import { GetAccountParamsSchema, type GetAccountParams } from '@codex-ts/protocol';
import type { AuthManager, CodexAuth } from '@codex-ts/providers';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { accountSessionFor, currentAuth, type AccountSession } from './account-session.js';
import { accountOf } from './account-view.js';

/**
 * `account/read`: the stored sign-in of CODEX_HOME (`auth.json` or the keyring, per
 * `cli_auth_credentials_store`) as `{account, requiresOpenaiAuth, userId}`. As in the Rust app
 * server, API keys from the environment do not count, a provider that does not need OpenAI auth
 * reports no account, and ChatGPT credentials whose refresh the issuer refused for good count as
 * signed out. `refreshToken: true` refreshes ChatGPT tokens first (a failure is not an error).
 */
export const accountReadHandler = defineHandler({
  method: 'account/read',
  requiresInitialize: true,
  parse: (params) => parseParams('account/read', GetAccountParamsSchema, params),
  async handle(ctx, params: GetAccountParams) {
    const session = accountSessionFor(ctx.services);
    const config = await session.loadConfig();
    const manager = await session.authManager(config);
    if (params.refreshToken) await refreshTokens(session, manager);
    if (!config.modelProvider.requiresOpenaiAuth) {
      ctx.respond({ account: null, requiresOpenaiAuth: false, userId: null });
      return;
    }
    let auth = await currentAuth(manager);
    if (auth !== null && refreshRefused(session, auth)) auth = null;
    ctx.respond({
      account: auth === null ? null : accountOf(auth),
      requiresOpenaiAuth: true,
      userId: auth?.mode === 'chatgpt' ? (auth.tokens?.idToken.chatgptUserId ?? null) : null,
    });
  },
});

async function refreshTokens(session: AccountSession, manager: AuthManager): Promise<void> {
  const before = await currentAuth(manager);
  try {
    await manager.refreshToken();
  } catch (error) {
    // A refused refresh token means signing in again; anything else may pass (network).
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'REFRESH_TOKEN_FAILED' && before?.mode === 'chatgpt') {
      session.refusedRefreshToken = before.tokens?.refreshToken ?? null;
    }
  }
}

function refreshRefused(session: AccountSession, auth: CodexAuth): boolean {
  return (
    auth.mode === 'chatgpt' &&
    auth.tokens !== null &&
    session.refusedRefreshToken === auth.tokens.refreshToken
  );
}
