import { ReviewStartParamsSchema, type ReviewStartParams } from '@codex-ts/protocol';
import { ThreadNotFoundError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';

/**
 * `review/start`: starts a review turn on a live thread (inline delivery, the only one) and
 * answers `{turn, reviewThreadId}` with the turn in progress and the same thread's id. The
 * turn's notifications (turn/started, enteredReviewMode, ..., exitedReviewMode,
 * turn/completed) are held back on this connection until the answer has been sent. An empty
 * branch, sha or instructions is refused as an invalid request with the Rust app server's
 * wording (`branch must not be empty`, ...).
 */
export const reviewStartHandler = defineHandler({
  method: 'review/start',
  requiresInitialize: true,
  parse: (params) => parseParams('review/start', ReviewStartParamsSchema, params),
  handle(ctx, params: ReviewStartParams) {
    const threadId = parseThreadId(params.threadId, 'thread id');
    const thread = ctx.services.threadManager.getThread(threadId);
    if (!thread) throw new ThreadNotFoundError(threadId);
    const release = ctx.connection.hold(thread.id);
    try {
      const turn = thread.startReview(params.target);
      ctx.respond({ turn, reviewThreadId: thread.id });
    } finally {
      release();
    }
  },
});
