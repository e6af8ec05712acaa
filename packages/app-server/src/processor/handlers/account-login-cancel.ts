import { CancelLoginAccountParamsSchema, type CancelLoginAccountParams } from '@codex-ts/protocol';
import { InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { accountSessionFor } from './account-session.js';
import { uuidProblem } from './thread-id.js';

/**
 * `account/login/cancel {loginId}`: stops the ChatGPT sign-in in progress when it is that one
 * (`{status: "canceled"}`; its `account/login/completed` then reports the failure), else
 * `{status: "notFound"}`. A login id that is not a UUID is an invalid request.
 */
export const accountLoginCancelHandler = defineHandler({
  method: 'account/login/cancel',
  requiresInitialize: true,
  parse: (params) => parseParams('account/login/cancel', CancelLoginAccountParamsSchema, params),
  handle(ctx, params: CancelLoginAccountParams) {
    if (uuidProblem(params.loginId) !== null) {
      throw new InvalidRequestError(`invalid login id: ${params.loginId}`);
    }
    const canceled = accountSessionFor(ctx.services).cancel(params.loginId.toLowerCase());
    ctx.respond({ status: canceled ? 'canceled' : 'notFound' });
  },
});
