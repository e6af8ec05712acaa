import type { MessageItem, ReviewTarget } from '@codex-ts/protocol';
import type { EventMsg } from '../rollout/event-msg.js';
import {
  formatReviewFindingsBlock,
  REVIEW_FALLBACK_MESSAGE,
  renderReviewOutputText,
  type ReviewOutput,
} from './review-output.js';

// What a finished (or interrupted) review leaves in the thread: the history keeps a user
// message that reports the review to the model and an assistant message with the review, so a
// later turn can act on the findings ("fix the first one"); the rollout keeps the
// entered/exited review mode events the Rust Codex writes.

/** The assistant's words when a review was cut short (interrupted, failed, or no answer). */
export const REVIEW_INTERRUPTED_MESSAGE =
  'Review was interrupted. Please re-run /review and wait for it to complete.';

function userActionText(context: string, results: string): string {
  return [
    '<user_action>',
    `  <context>${context}</context>`,
    '  <action>review</action>',
    '  <results>',
    `  ${results}`,
    '  </results>',
    '</user_action>',
    '',
  ].join('\n');
}

function textMessage(role: 'user' | 'assistant', text: string): MessageItem {
  return role === 'user'
    ? { type: 'message', role, content: [{ type: 'input_text', text }] }
    : { type: 'message', role, content: [{ type: 'output_text', text }] };
}

/** The explanation and findings as the model reads them in the review report. */
function resultsText(output: ReviewOutput): string {
  let text = output.overall_explanation.trim();
  if (output.findings.length > 0) text += `\n${formatReviewFindingsBlock(output.findings)}`;
  return text;
}

export interface ReviewExit {
  /** The `exitedReviewMode` item's text. */
  review: string;
  /** The report the history keeps as a user message (before the assistant's message). */
  report: MessageItem;
  /** The assistant message the history keeps, also announced as an `agentMessage` item. */
  assistantText: string;
  assistant: MessageItem;
}

/** What the thread keeps after a review; `output` is null when the review produced none. */
export function reviewExit(output: ReviewOutput | null): ReviewExit {
  if (output === null) {
    const report = userActionText(
      'The user started a code review, but it was interrupted before it finished. If asked about it, suggest starting the review again and letting it complete.',
      'None.',
    );
    return {
      review: REVIEW_FALLBACK_MESSAGE,
      report: textMessage('user', report),
      assistantText: REVIEW_INTERRUPTED_MESSAGE,
      assistant: textMessage('assistant', REVIEW_INTERRUPTED_MESSAGE),
    };
  }
  const rendered = renderReviewOutputText(output);
  const report = userActionText(
    'The user started a code review. Below is the complete output of the reviewer. The user may ask you to address some or all of the comments.',
    resultsText(output),
  );
  return {
    review: rendered,
    report: textMessage('user', report),
    assistantText: rendered,
    assistant: textMessage('assistant', rendered),
  };
}

/** The rollout's `entered_review_mode` event (Rust `ReviewRequest`). */
export function enteredReviewModeEvent(target: ReviewTarget, hint: string): EventMsg {
  const wireTarget = target.type === 'commit' ? { ...target, title: target.title ?? null } : target;
  return { type: 'entered_review_mode', target: wireTarget, user_facing_hint: hint };
}

/** The rollout's `exited_review_mode` event (Rust `ExitedReviewModeEvent`). */
export function exitedReviewModeEvent(output: ReviewOutput | null): EventMsg {
  return { type: 'exited_review_mode', review_output: output };
}
