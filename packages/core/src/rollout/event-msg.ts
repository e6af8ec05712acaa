import { lazy } from '@codex-ts/utils';
import * as z from 'zod';
import { rolloutSchemas } from './rollout-schemas.js';

/**
 * `event_msg` payloads: Rust `EventMsg`, tagged by `type` (snake_case). We model the events the
 * Rust Codex persists (rollout/policy.rs); any other event type read from a file is kept as an
 * `OtherEventMsg`. Turn start and end are written `task_started` / `task_complete` (the v1 names
 * Rust still writes) and read under their `turn_started` / `turn_complete` aliases too.
 */

/** The `type` of every event we model (the keys of `eventMsgSchemas().known`). */
export const KNOWN_EVENT_TYPES: readonly KnownEventType[] = [
  'task_started',
  'task_complete',
  'turn_aborted',
  'user_message',
  'agent_message',
  'agent_reasoning',
  'agent_reasoning_raw_content',
  'token_count',
  'context_compacted',
  'thread_rolled_back',
  'thread_name_updated',
  'error',
];

/**
 * The schemas of the modelled events, by type, and `other` (any event: a string `type`). Built on
 * first use, not at module load: only reading a rollout parses events.
 */
function buildEventMsgSchemas() {
  const nullishString = z.string().nullish();
  const nullishNumber = z.number().nullish();

  const TaskStartedEvent = z
    .object({
      type: z.literal('task_started'),
      turn_id: z.string().optional(),
      started_at: nullishNumber,
      model_context_window: nullishNumber,
      collaboration_mode_kind: z.string().optional(),
    })
    .loose();

  const TaskCompleteEvent = z
    .object({
      type: z.literal('task_complete'),
      turn_id: z.string().optional(),
      last_agent_message: nullishString,
      completed_at: nullishNumber,
      duration_ms: nullishNumber,
    })
    .loose();

  /** `reason`: `interrupted`, `replaced` or `review_ended`. */
  const TurnAbortedEvent = z
    .object({
      type: z.literal('turn_aborted'),
      turn_id: nullishString,
      reason: z.string(),
      completed_at: nullishNumber,
      duration_ms: nullishNumber,
    })
    .loose();

  const UserMessageEvent = z
    .object({
      type: z.literal('user_message'),
      message: z.string(),
      images: z.array(z.string()).nullish(),
      local_images: z.array(z.string()).optional(),
      text_elements: z.array(z.unknown()).optional(),
    })
    .loose();

  const AgentMessageEvent = z
    .object({
      type: z.literal('agent_message'),
      message: z.string(),
      phase: z.unknown().optional(),
      memory_citation: z.unknown().optional(),
    })
    .loose();

  const AgentReasoningEvent = z
    .object({ type: z.literal('agent_reasoning'), text: z.string() })
    .loose();

  const AgentReasoningRawContentEvent = z
    .object({ type: z.literal('agent_reasoning_raw_content'), text: z.string() })
    .loose();

  const TokenCountEvent = z
    .object({
      type: z.literal('token_count'),
      info: rolloutSchemas().TokenUsageInfo.nullish(),
      rate_limits: z.unknown().optional(),
    })
    .loose();

  const ContextCompactedEvent = z.object({ type: z.literal('context_compacted') }).loose();

  const ThreadRolledBackEvent = z
    .object({ type: z.literal('thread_rolled_back'), num_turns: z.number() })
    .loose();

  const ThreadNameUpdatedEvent = z
    .object({
      type: z.literal('thread_name_updated'),
      thread_id: z.string(),
      thread_name: nullishString,
    })
    .loose();

  /** `codex_error_info`: a snake_case string or a tagged object (`{"http_connection_failed": ...}`). */
  const ErrorEvent = z
    .object({
      type: z.literal('error'),
      message: z.string(),
      codex_error_info: z.unknown().optional(),
    })
    .loose();

  return {
    known: {
      task_started: TaskStartedEvent,
      task_complete: TaskCompleteEvent,
      turn_aborted: TurnAbortedEvent,
      user_message: UserMessageEvent,
      agent_message: AgentMessageEvent,
      agent_reasoning: AgentReasoningEvent,
      agent_reasoning_raw_content: AgentReasoningRawContentEvent,
      token_count: TokenCountEvent,
      context_compacted: ContextCompactedEvent,
      thread_rolled_back: ThreadRolledBackEvent,
      thread_name_updated: ThreadNameUpdatedEvent,
      error: ErrorEvent,
    },
    other: z.object({ type: z.string() }).loose(),
  };
}

type EventMsgSchemas = ReturnType<typeof buildEventMsgSchemas>;

export const eventMsgSchemas: () => EventMsgSchemas = lazy(buildEventMsgSchemas);

type KnownEventSchemas = EventMsgSchemas['known'];

export type KnownEventType = keyof KnownEventSchemas;
export type KnownEventMsg = {
  [K in KnownEventType]: z.infer<KnownEventSchemas[K]>;
}[KnownEventType];
export type EventMsgOf<K extends KnownEventType> = z.infer<KnownEventSchemas[K]>;

/** An event type we do not model (exec_command_end, entered_review_mode, ...), kept as read. */
export interface OtherEventMsg {
  type: string;
  [key: string]: unknown;
}

export type EventMsg = KnownEventMsg | OtherEventMsg;

const EVENT_ALIASES: Record<string, KnownEventType> = {
  turn_started: 'task_started',
  turn_complete: 'task_complete',
};

function isKnownEventType(type: string): type is KnownEventType {
  return (KNOWN_EVENT_TYPES as readonly string[]).includes(type);
}

/** Narrows an event to one of the modelled kinds. */
export function isEventMsg<K extends KnownEventType>(
  event: EventMsg,
  type: K,
): event is EventMsgOf<K> {
  return event.type === type;
}

/**
 * Validates an `event_msg` payload. Known types are checked against their schema (aliases are
 * renamed to the name Rust writes); unknown types only need a string `type`.
 */
export function parseEventMsg(
  value: unknown,
): { ok: true; event: EventMsg } | { ok: false; error: string } {
  const schemas = eventMsgSchemas();
  const base = schemas.other.safeParse(value);
  if (!base.success) return { ok: false, error: 'event_msg payload has no string `type`' };
  const type = EVENT_ALIASES[base.data.type] ?? base.data.type;
  if (!isKnownEventType(type)) return { ok: true, event: base.data };
  const parsed = schemas.known[type].safeParse({ ...base.data, type });
  if (!parsed.success) {
    return { ok: false, error: `invalid ${type} event: ${z.prettifyError(parsed.error)}` };
  }
  return { ok: true, event: parsed.data };
}
