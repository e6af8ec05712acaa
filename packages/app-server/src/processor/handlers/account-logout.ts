import * as z from 'zod';
import { InternalRpcError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { accountSessionFor, currentAuth } from './account-session.js';
import { authModeOf } from './account-view.js';

/** `account/logout` takes no params (null or an empty object). */
const LogoutParamsSchema = z.union([z.null(), z.object({}).loose()]);

/**
 * `account/logout`: cancels a sign-in in progress, revokes ChatGPT tokens at the issuer (best
 * effort), removes the stored credentials, answers `{}` and sends `account/updated` with the
 * auth mode left (none).
 */
export const accountLogoutHandler = defineHandler({
  method: 'account/logout',
  requiresInitialize: true,
  parse: (params) => parseParams('account/logout', LogoutParamsSchema, params),
  async handle(ctx) {
    const session = accountSessionFor(ctx.services);
    const config = await session.loadConfig();
    session.cancelActive();
    const manager = await session.authManager(config);
    try {
      await manager.logout();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new InternalRpcError(`logout failed: ${message}`);
    }
    const authMode = authModeOf(await currentAuth(manager));
    ctx.respond({});
    session.broadcast({ method: 'account/updated', params: { authMode, planType: null } });
  },
});
