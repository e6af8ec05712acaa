import {
  buildCompactedHistory,
  collectUserMessages,
  isSummaryMessage,
  userMessageText,
} from './compacted-history.js';
import { isEventMsg } from './event-msg.js';
import type { RolloutItem } from './rollout-line.js';
import type { RolloutResponseItem, TokenUsageInfo, TurnContextItem } from './rollout-schemas.js';

/** The marker the Rust TUI once put before the user's words; thread previews drop it. */
const USER_MESSAGE_BEGIN = '## My request for Codex:';

export interface ReconstructOptions {
  /**
   * The initial context (developer + AGENTS.md + environment messages) to put first when a
   * summary-only `compacted` line forces a rebuild. Default: none.
   */
  initialContext?: readonly RolloutResponseItem[];
}

export interface ReconstructedThread {
  /** The model input to continue from, oldest first. */
  history: RolloutResponseItem[];
  /** `info` of the last token_count event that had one: cumulative and last-response usage. */
  tokenUsage: TokenUsageInfo | null;
  /** The last turn_context line: model, cwd, approval and sandbox policy, effort, summary. */
  lastTurnContext: TurnContextItem | null;
  /** User turns, after rollbacks. */
  userTurnCount: number;
  /** The first user message as thread lists show it (null when there is none). */
  firstUserMessage: string | null;
  /** The name given by the last thread_name_updated event. */
  threadName: string | null;
}

/**
 * Replays a rollout's items as the Rust Codex does on resume: response items are appended in
 * order (ghost snapshots and system messages are not model input), a `compacted` line replaces
 * the history with its `replacement_history` or, in older files, with the rebuilt history (see
 * `buildCompactedHistory`), and `thread_rolled_back` drops the last N user turns.
 */
export function reconstructHistory(
  items: readonly RolloutItem[],
  options: ReconstructOptions = {},
): ReconstructedThread {
  let history: RolloutResponseItem[] = [];
  let tokenUsage: TokenUsageInfo | null = null;
  let lastTurnContext: TurnContextItem | null = null;
  let userEvents = 0;
  let rolledBack = 0;
  let firstUserEvent: string | null = null;
  let threadName: string | null = null;
  const responseUserMessages: string[] = [];

  for (const item of items) {
    switch (item.type) {
      case 'response_item': {
        if (!isModelInput(item.payload)) break;
        history.push(item.payload);
        const text = userMessageText(item.payload);
        if (text !== null && !isSummaryMessage(text)) responseUserMessages.push(text);
        break;
      }
      case 'compacted': {
        const replacement = item.payload.replacement_history;
        history = replacement
          ? replacement.filter(isModelInput)
          : buildCompactedHistory(
              options.initialContext ?? [],
              collectUserMessages(history),
              item.payload.message,
            );
        break;
      }
      case 'turn_context':
        lastTurnContext = item.payload;
        break;
      case 'event_msg': {
        const event = item.payload;
        if (isEventMsg(event, 'token_count')) {
          if (event.info) tokenUsage = event.info;
        } else if (isEventMsg(event, 'user_message')) {
          userEvents++;
          const preview = stripUserMessagePrefix(event.message);
          if (firstUserEvent === null && preview !== '') firstUserEvent = preview;
        } else if (isEventMsg(event, 'thread_rolled_back')) {
          rolledBack += event.num_turns;
          history = dropLastUserTurns(history, event.num_turns);
        } else if (isEventMsg(event, 'thread_name_updated')) {
          threadName = event.thread_name ?? null;
        }
        break;
      }
      case 'session_meta':
        break;
    }
  }

  // Files without user_message events (written by tools that record only response items)
  // still count their turns from the user messages sent to the model.
  const turns = userEvents > 0 ? userEvents : responseUserMessages.length;
  const firstResponseMessage = responseUserMessages[0];
  return {
    history,
    tokenUsage,
    lastTurnContext,
    userTurnCount: Math.max(0, turns - rolledBack),
    firstUserMessage:
      firstUserEvent ??
      (firstResponseMessage !== undefined ? stripUserMessagePrefix(firstResponseMessage) : null),
    threadName,
  };
}

/** Rust keeps ghost snapshots in history for undo but never sends them; system messages neither. */
function isModelInput(item: RolloutResponseItem): boolean {
  if (item.type === 'ghost_snapshot') return false;
  return !(item.type === 'message' && (item as { role?: unknown }).role === 'system');
}

/** Drops the last `turns` user turns, keeping whatever preceded the first user message. */
export function dropLastUserTurns(
  history: readonly RolloutResponseItem[],
  turns: number,
): RolloutResponseItem[] {
  if (!(turns > 0)) return [...history];
  const positions: number[] = [];
  history.forEach((item, index) => {
    if (userMessageText(item) !== null) positions.push(index);
  });
  const first = positions[0];
  if (first === undefined) return [...history];
  const cut = turns >= positions.length ? first : positions[positions.length - turns]!;
  return history.slice(0, cut);
}

/** The thread-list preview of a user message: the text after the legacy marker, trimmed. */
export function stripUserMessagePrefix(text: string): string {
  const index = text.indexOf(USER_MESSAGE_BEGIN);
  return (index >= 0 ? text.slice(index + USER_MESSAGE_BEGIN.length) : text).trim();
}
