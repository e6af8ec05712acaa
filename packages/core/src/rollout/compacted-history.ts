import { approxTokenCount, truncateText } from '@codex-ts/utils';
import type { ContentItem, MessageItem } from '@codex-ts/protocol';
import type { RolloutResponseItem } from './rollout-schemas.js';

/**
 * Rebuilding the history after a `compacted` line that has no `replacement_history` (Rust
 * versions before late 2025 wrote only the summary). The Rust rule: the initial context, then
 * the most recent real user messages of the history so far within 20,000 tokens (the oldest one
 * that does not fit is cut), then the summary as a user message.
 */
export const COMPACT_USER_MESSAGE_MAX_TOKENS = 20_000;
const EMPTY_SUMMARY = '(no summary available)';

/**
 * How summaries written by compaction begin, so earlier summaries are not mistaken for user
 * messages (the Rust Codex's summary prefix starts with this sentence).
 */
const SUMMARY_MARKERS = ['You are resuming an in-progress task after context compaction.'];

/**
 * User-role messages that carry context rather than user intent, recognised by the tags they are
 * wrapped in (case-insensitive, surrounding whitespace ignored).
 */
const CONTEXT_FRAGMENTS: ReadonlyArray<readonly [string, string]> = [
  ['# AGENTS.md instructions for ', '</INSTRUCTIONS>'],
  ['<user_instructions>', '</user_instructions>'],
  ['<environment_context>', '</environment_context>'],
  ['<skill>', '</skill>'],
  ['<user_shell_command>', '</user_shell_command>'],
  ['<turn_aborted>', '</turn_aborted>'],
  ['<subagent_notification>', '</subagent_notification>'],
  ['<additional_context>', '</additional_context>'],
];

function isContextFragment(text: string): boolean {
  const trimmed = text.trim().toLowerCase();
  return CONTEXT_FRAGMENTS.some(
    ([open, close]) =>
      trimmed.startsWith(open.toLowerCase()) && trimmed.endsWith(close.toLowerCase()),
  );
}

function isMessage(item: RolloutResponseItem): item is MessageItem {
  return item.type === 'message' && Array.isArray((item as { content?: unknown }).content);
}

/** A user-role message made of context (AGENTS.md, environment context, ...). */
export function isContextualUserMessage(item: RolloutResponseItem): boolean {
  if (!isMessage(item) || item.role !== 'user') return false;
  return item.content.some((part) => part.type === 'input_text' && isContextFragment(part.text));
}

/** The text of a real user message (its text parts joined), or `null` for anything else. */
export function userMessageText(item: RolloutResponseItem): string | null {
  if (!isMessage(item) || item.role !== 'user' || isContextualUserMessage(item)) return null;
  return item.content
    .map((part: ContentItem) => (part.type === 'input_text' ? part.text : ''))
    .join('');
}

export function isSummaryMessage(text: string): boolean {
  return SUMMARY_MARKERS.some((marker) => text.startsWith(marker));
}

/** The real user messages of a history, compaction summaries excluded. */
export function collectUserMessages(history: readonly RolloutResponseItem[]): string[] {
  const messages: string[] = [];
  for (const item of history) {
    const text = userMessageText(item);
    if (text !== null && !isSummaryMessage(text)) messages.push(text);
  }
  return messages;
}

function userMessage(text: string): MessageItem {
  return { type: 'message', role: 'user', content: [{ type: 'input_text', text }] };
}

/** The history that replaces everything before a summary-only `compacted` line. */
export function buildCompactedHistory(
  initialContext: readonly RolloutResponseItem[],
  userMessages: readonly string[],
  summary: string,
  maxTokens = COMPACT_USER_MESSAGE_MAX_TOKENS,
): RolloutResponseItem[] {
  const kept: string[] = [];
  let remaining = maxTokens;
  for (let index = userMessages.length - 1; index >= 0 && remaining > 0; index--) {
    const message = userMessages[index]!;
    const tokens = approxTokenCount(message);
    if (tokens <= remaining) {
      kept.push(message);
      remaining -= tokens;
    } else {
      kept.push(truncateText(message, { kind: 'tokens', limit: remaining }));
      break;
    }
  }
  kept.reverse();
  return [
    ...initialContext,
    ...kept.map(userMessage),
    userMessage(summary === '' ? EMPTY_SUMMARY : summary),
  ];
}
