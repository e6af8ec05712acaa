import type { CoreEvent, ThreadItem, Turn } from '@codex-ts/protocol';
import { uuidV7 } from '@codex-ts/utils';
import type { EventMsg } from '../rollout/event-msg.js';
import { runTurnLoop, type TurnOutcome } from '../turn/run-turn.js';
import { TurnEmitter } from '../turn/turn-emitter.js';
import type { HistoryItem, TurnRuntime } from '../turn/turn-runtime.js';
import { reviewPromptMessage } from './review-context.js';
import { enteredReviewModeEvent, exitedReviewModeEvent, reviewExit } from './review-exit.js';
import { parseReviewOutput } from './review-output.js';
import type { ReviewRequest } from './review-target.js';

/** What a review turn needs from its thread. */
export interface ReviewTurnHost {
  threadId: string;
  turnId: string;
  request: ReviewRequest;
  /** The review's user message (from `reviewPrompt`). */
  prompt: string;
  /** The thread's notification sink. */
  sink(event: CoreEvent): void;
  /** The thread's history: the review's report and answer are appended to it. */
  history: HistoryItem[];
  /** Writes an `event_msg` line to the thread's rollout. */
  recordEvent(event: EventMsg): void;
  /**
   * A runtime over the reviewer's own conversation: review instructions, the review context and
   * `conversation` as the model input, never the thread's history.
   */
  runtime(emitter: TurnEmitter, conversation: HistoryItem[]): TurnRuntime;
}

/**
 * A review turn as `review/start` answers it: in progress, with one `userMessage` item (id: the
 * turn's) that shows the review's hint, as the Rust app server builds it.
 */
export function reviewTurnStarted(turnId: string, hint: string): Turn {
  return {
    id: turnId,
    items: [
      {
        type: 'userMessage',
        id: turnId,
        content: [{ type: 'text', text: hint, text_elements: [] }],
      },
    ],
    status: 'inProgress',
    error: null,
    startedAt: Math.floor(Date.now() / 1000),
    completedAt: null,
    durationMs: null,
  };
}

/** The reviewer's messages are not shown: its final one is the review, reported at the exit. */
function isReviewerMessage(event: CoreEvent): boolean {
  if (event.method === 'item/agentMessage/delta') return true;
  if (event.method === 'item/started' || event.method === 'item/completed') {
    return event.params.item.type === 'agentMessage';
  }
  return false;
}

function announce(emitter: TurnEmitter, item: ThreadItem): void {
  emitter.itemStarted(item);
  emitter.itemCompleted(item);
}

/**
 * One review turn on a thread: `enteredReviewMode` (with the hint), the review request as a
 * `userMessage`, the reviewer's work (commands, reasoning; its messages hidden), then
 * `exitedReviewMode` with the review as text and an `agentMessage` with the same text. The
 * reviewer samples with its own instructions over its own conversation; the thread's history
 * only gains the review's report and answer. An interrupted or failed review still exits
 * review mode, with the fallback text.
 */
export async function runReviewTurn(host: ReviewTurnHost): Promise<TurnOutcome> {
  const { request, turnId } = host;
  const emitter = new TurnEmitter(host.threadId, turnId, (e) => host.sink(e));
  host.recordEvent(enteredReviewModeEvent(request.target, request.hint));
  announce(emitter, { type: 'enteredReviewMode', id: turnId, review: request.hint });
  announce(emitter, {
    type: 'userMessage',
    id: uuidV7(),
    content: [{ type: 'text', text: host.prompt, text_elements: [] }],
  });

  const reviewer = new TurnEmitter(host.threadId, turnId, (e) => {
    if (!isReviewerMessage(e)) host.sink(e);
  });
  const conversation: HistoryItem[] = [reviewPromptMessage(host.prompt)];
  const outcome = await runTurnLoop(host.runtime(reviewer, conversation));

  const output =
    outcome.status === 'completed' && outcome.lastMessage !== null
      ? parseReviewOutput(outcome.lastMessage)
      : null;
  const exit = reviewExit(output);
  host.history.push(exit.report);
  host.recordEvent(exitedReviewModeEvent(output));
  announce(emitter, { type: 'exitedReviewMode', id: turnId, review: exit.review });
  host.history.push(exit.assistant);
  announce(emitter, { type: 'agentMessage', id: uuidV7(), text: exit.assistantText });
  return { ...outcome, lastMessage: exit.assistantText };
}
