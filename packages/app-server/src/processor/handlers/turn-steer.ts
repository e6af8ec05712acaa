import { TurnSteerParamsSchema, type TurnSteerParams } from '@codex-ts/protocol';
import { InvalidRequestError, ThreadNotFoundError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';

/**
 * `turn/steer`: adds user input to the running turn `expectedTurnId` of a live thread and
 * answers `{turnId}`. The input becomes a user message (with its `userMessage` item) before the
 * turn's next model request. Refusals are invalid-request errors worded as the Rust app server
 * words them: no running turn, another turn running, empty input.
 */
export const turnSteerHandler = defineHandler({
  method: 'turn/steer',
  requiresInitialize: true,
  parse: (params) => parseParams('turn/steer', TurnSteerParamsSchema, params),
  handle(ctx, params: TurnSteerParams) {
    const threadId = parseThreadId(params.threadId, 'thread id');
    const thread = ctx.services.threadManager.getThread(threadId);
    if (!thread) throw new ThreadNotFoundError(threadId);
    if (params.expectedTurnId === '') {
      throw new InvalidRequestError('expectedTurnId must not be empty');
    }
    let turnId: string;
    try {
      turnId = thread.steer(params.input, params.expectedTurnId);
    } catch (error) {
      throw steerRefusal(error) ?? error;
    }
    ctx.respond({ turnId });
  },
});

/** Core's steer errors (matched by their stable codes) as the Rust app server reports them. */
function steerRefusal(error: unknown): InvalidRequestError | null {
  const { code, expected, actual } = (error ?? {}) as {
    code?: unknown;
    expected?: unknown;
    actual?: unknown;
  };
  switch (code) {
    case 'steer_no_active_turn':
      return new InvalidRequestError('no active turn to steer');
    case 'steer_turn_mismatch':
      return new InvalidRequestError(
        `expected active turn id \`${String(expected)}\` but found \`${String(actual)}\``,
      );
    case 'steer_empty_input':
      return new InvalidRequestError('input must not be empty');
    default:
      return null;
  }
}
