import type { CoreEvent, ThreadItem, Turn, UserInput } from '@codex-ts/protocol';
import { utf8ByteLength } from '@codex-ts/utils';
import type { EventMsg } from './event-msg.js';
import { rolloutCodexErrorInfo, rolloutTokenUsage } from './rollout-conversions.js';
import type { RolloutItem } from './rollout-line.js';
import type { RolloutResponseItem } from './rollout-schemas.js';

export interface EventMapperOptions {
  /** Write raw reasoning as `agent_reasoning_raw_content` (Rust: show_raw_agent_reasoning). */
  includeRawReasoning?: boolean;
  /** `model_context_window` of task_started (the v2 notification does not carry it). */
  modelContextWindow?: number | null;
  /** The turn's final answer, when `turn/completed` does not list its items. */
  lastAgentMessage?: string | null;
}

/**
 * The `event_msg` lines the Rust Codex writes for one of our core notifications (a pure function;
 * most notifications map to nothing). Which of them reach the file is then up to the recorder's
 * persistence policy (`error` only in extended mode). Response items are not events: record them
 * with `responseRolloutItems` as they enter the history.
 */
export function rolloutItemsForEvent(
  event: CoreEvent,
  options: EventMapperOptions = {},
): RolloutItem[] {
  return eventMsgsFor(event, options).map((payload) => ({ type: 'event_msg', payload }));
}

/** Response items as rollout items, in order. */
export function responseRolloutItems(items: readonly RolloutResponseItem[]): RolloutItem[] {
  return items.map((payload) => ({ type: 'response_item', payload }));
}

function eventMsgsFor(event: CoreEvent, options: EventMapperOptions): EventMsg[] {
  switch (event.method) {
    case 'turn/started':
      return [taskStarted(event.params.turn, options)];
    case 'turn/completed':
      return turnEnded(event.params.turn, options);
    case 'item/completed':
      return itemCompleted(event.params.item, options);
    case 'thread/tokenUsage/updated': {
      const usage = event.params.tokenUsage;
      return [
        {
          type: 'token_count',
          info: {
            total_token_usage: rolloutTokenUsage(usage.total),
            last_token_usage: rolloutTokenUsage(usage.last),
            model_context_window: usage.modelContextWindow,
          },
          rate_limits: null,
        },
      ];
    }
    case 'error': {
      // A retried stream error is a transient notice (Rust's stream_error, never persisted).
      if (event.params.willRetry) return [];
      const { message, codexErrorInfo } = event.params.error;
      return [
        {
          type: 'error',
          message,
          codex_error_info: codexErrorInfo === null ? null : rolloutCodexErrorInfo(codexErrorInfo),
        },
      ];
    }
    default:
      return [];
  }
}

function taskStarted(turn: Turn, options: EventMapperOptions): EventMsg {
  return {
    type: 'task_started',
    turn_id: turn.id,
    ...(turn.startedAt !== null ? { started_at: turn.startedAt } : {}),
    model_context_window: options.modelContextWindow ?? null,
    collaboration_mode_kind: 'default',
  };
}

function turnEnded(turn: Turn, options: EventMapperOptions): EventMsg[] {
  const timing = {
    ...(turn.completedAt !== null ? { completed_at: turn.completedAt } : {}),
    ...(turn.durationMs !== null ? { duration_ms: turn.durationMs } : {}),
  };
  switch (turn.status) {
    case 'interrupted':
      return [{ type: 'turn_aborted', turn_id: turn.id, reason: 'interrupted', ...timing }];
    case 'completed':
    case 'failed':
      return [
        {
          type: 'task_complete',
          turn_id: turn.id,
          last_agent_message: lastAgentMessage(turn) ?? options.lastAgentMessage ?? null,
          ...timing,
        },
      ];
    case 'inProgress':
      return [];
  }
}

function lastAgentMessage(turn: Turn): string | null {
  for (let index = turn.items.length - 1; index >= 0; index--) {
    const item = turn.items[index]!;
    if (item.type === 'agentMessage') return item.text;
  }
  return null;
}

function itemCompleted(item: ThreadItem, options: EventMapperOptions): EventMsg[] {
  switch (item.type) {
    case 'userMessage':
      return [userMessageEvent(item.content)];
    case 'agentMessage':
      return [{ type: 'agent_message', message: item.text, phase: null, memory_citation: null }];
    case 'reasoning': {
      const events: EventMsg[] = item.summary.map((text) => ({ type: 'agent_reasoning', text }));
      if (options.includeRawReasoning) {
        for (const text of item.content) events.push({ type: 'agent_reasoning_raw_content', text });
      }
      return events;
    }
    case 'contextCompaction':
      return [{ type: 'context_compacted' }];
    default:
      return [];
  }
}

/**
 * Rust's legacy user_message: the text inputs concatenated, remote image URLs, local image
 * paths, and the text elements re-based onto the concatenated text (byte offsets).
 */
function userMessageEvent(content: readonly UserInput[]): EventMsg {
  let message = '';
  const images: string[] = [];
  const localImages: string[] = [];
  const textElements: unknown[] = [];
  for (const input of content) {
    switch (input.type) {
      case 'text': {
        const offset = utf8ByteLength(message);
        for (const element of input.text_elements) textElements.push(rebase(element, offset));
        message += input.text;
        break;
      }
      case 'image':
        images.push(input.url);
        break;
      case 'localImage':
        localImages.push(input.path);
        break;
      default:
        break;
    }
  }
  return {
    type: 'user_message',
    message,
    images,
    local_images: localImages,
    text_elements: textElements,
  };
}

/** A text element (`{byte_range|byteRange: {start, end}, placeholder?}`) shifted by `offset`. */
function rebase(element: unknown, offset: number): unknown {
  if (typeof element !== 'object' || element === null) return element;
  const record = element as Record<string, unknown>;
  const range = (record.byte_range ?? record.byteRange) as { start?: unknown; end?: unknown };
  if (typeof range?.start !== 'number' || typeof range.end !== 'number') return element;
  const placeholder = record.placeholder;
  return {
    byte_range: { start: range.start + offset, end: range.end + offset },
    ...(typeof placeholder === 'string' ? { placeholder } : {}),
  };
}
