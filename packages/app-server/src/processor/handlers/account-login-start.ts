import { LoginAccountParamsSchema, type LoginAccountParams } from '@codex-ts/protocol';
import { InternalRpcError, InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { startBrowserLogin, startDeviceCodeLogin } from './account-login-chatgpt.js';
import { accountSessionFor, currentAuth } from './account-session.js';
import { accountUpdated } from './account-view.js';

/**
 * `account/login/start`. `apiKey` stores the key (`auth.json` or the keyring), answers
 * `{type: "apiKey"}`, then sends `account/login/completed {loginId: null, success: true}` and
 * `account/updated`; `chatgpt` and `chatgptDeviceCode` start a sign-in that completes later (see
 * account-login-chatgpt.ts). `forced_login_method` refuses the other kind. A new login cancels the
 * sign-in in progress. The externally managed kinds of the schema (`chatgptAuthTokens`, Amazon
 * Bedrock) are refused.
 */
export const accountLoginStartHandler = defineHandler({
  method: 'account/login/start',
  requiresInitialize: true,
  parse: (params) => parseParams('account/login/start', LoginAccountParamsSchema, params),
  async handle(ctx, params: LoginAccountParams) {
    const session = accountSessionFor(ctx.services);
    const config = await session.loadConfig();
    const chatgpt = { session, config, env: ctx.services.env, respond: ctx.respond };
    if (params.type === 'chatgpt') {
      await startBrowserLogin(chatgpt);
      return;
    }
    if (params.type === 'chatgptDeviceCode') {
      await startDeviceCodeLogin(chatgpt);
      return;
    }
    if (params.type !== 'apiKey') {
      throw new InvalidRequestError(`login type \`${params.type}\` is not supported`);
    }
    if (config.auth.forcedLoginMethod === 'chatgpt') {
      throw new InvalidRequestError('API key login is disabled. Use ChatGPT login instead.');
    }
    session.cancelActive();
    const manager = await session.authManager(config);
    try {
      const { loginWithApiKey } = await import('@codex-ts/providers');
      await loginWithApiKey(manager.storage, params.apiKey);
      await manager.reload();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new InternalRpcError(`failed to save api key: ${message}`);
    }
    ctx.respond({ type: 'apiKey' });
    session.broadcast({
      method: 'account/login/completed',
      params: { loginId: null, success: true, error: null },
    });
    session.broadcast({
      method: 'account/updated',
      params: accountUpdated(await currentAuth(manager)),
    });
  },
});
