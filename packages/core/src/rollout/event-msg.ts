import { z } from 'zod';
import { TokenUsageInfoSchema } from './rollout-schemas.js';

/**
 * `event_msg` payloads: Rust `EventMsg`, tagged by `type` (snake_case). We model the events the
 * Rust Codex persists (rollout/policy.rs); any other event type read from a file is kept as an
 * `OtherEventMsg`. Turn start and end are written `task_started` / `task_complete` (the v1 names
 * Rust still writes) and read under their `turn_started` / `turn_complete` aliases too.
 */

const nullishString = z.string().nullish();
const nullishNumber = z.number().nullish();

export const TaskStartedEventSchema = z
  .object({
    type: z.literal('task_started'),
    turn_id: z.string().optional(),
    started_at: nullishNumber,
    model_context_window: nullishNumber,
    collaboration_mode_kind: z.string().optional(),
  })
  .loose();

export const TaskCompleteEventSchema = z
  .object({
    type: z.literal('task_complete'),
    turn_id: z.string().optional(),
    last_agent_message: nullishString,
    completed_at: nullishNumber,
    duration_ms: nullishNumber,
  })
  .loose();

/** `reason`: `interrupted`, `replaced` or `review_ended`. */
export const TurnAbortedEventSchema = z
  .object({
    type: z.literal('turn_aborted'),
    turn_id: nullishString,
    reason: z.string(),
    completed_at: nullishNumber,
    duration_ms: nullishNumber,
  })
  .loose();

export const UserMessageEventSchema = z
  .object({
    type: z.literal('user_message'),
    message: z.string(),
    images: z.array(z.string()).nullish(),
    local_images: z.array(z.string()).optional(),
    text_elements: z.array(z.unknown()).optional(),
  })
  .loose();

export const AgentMessageEventSchema = z
  .object({
    type: z.literal('agent_message'),
    message: z.string(),
    phase: z.unknown().optional(),
    memory_citation: z.unknown().optional(),
  })
  .loose();

export const AgentReasoningEventSchema = z
  .object({ type: z.literal('agent_reasoning'), text: z.string() })
  .loose();

export const AgentReasoningRawContentEventSchema = z
  .object({ type: z.literal('agent_reasoning_raw_content'), text: z.string() })
  .loose();

export const TokenCountEventSchema = z
  .object({
    type: z.literal('token_count'),
    info: TokenUsageInfoSchema.nullish(),
    rate_limits: z.unknown().optional(),
  })
  .loose();

export const ContextCompactedEventSchema = z
  .object({ type: z.literal('context_compacted') })
  .loose();

export const ThreadRolledBackEventSchema = z
  .object({ type: z.literal('thread_rolled_back'), num_turns: z.number() })
  .loose();

export const ThreadNameUpdatedEventSchema = z
  .object({
    type: z.literal('thread_name_updated'),
    thread_id: z.string(),
    thread_name: nullishString,
  })
  .loose();

/** `codex_error_info`: a snake_case string or a tagged object (`{"http_connection_failed": ...}`). */
export const ErrorEventSchema = z
  .object({
    type: z.literal('error'),
    message: z.string(),
    codex_error_info: z.unknown().optional(),
  })
  .loose();

export const KNOWN_EVENT_SCHEMAS = {
  task_started: TaskStartedEventSchema,
  task_complete: TaskCompleteEventSchema,
  turn_aborted: TurnAbortedEventSchema,
  user_message: UserMessageEventSchema,
  agent_message: AgentMessageEventSchema,
  agent_reasoning: AgentReasoningEventSchema,
  agent_reasoning_raw_content: AgentReasoningRawContentEventSchema,
  token_count: TokenCountEventSchema,
  context_compacted: ContextCompactedEventSchema,
  thread_rolled_back: ThreadRolledBackEventSchema,
  thread_name_updated: ThreadNameUpdatedEventSchema,
  error: ErrorEventSchema,
} as const;

export type KnownEventType = keyof typeof KNOWN_EVENT_SCHEMAS;
export type KnownEventMsg = {
  [K in KnownEventType]: z.infer<(typeof KNOWN_EVENT_SCHEMAS)[K]>;
}[KnownEventType];
export type EventMsgOf<K extends KnownEventType> = z.infer<(typeof KNOWN_EVENT_SCHEMAS)[K]>;

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
  return Object.hasOwn(KNOWN_EVENT_SCHEMAS, type);
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
  const base = z.object({ type: z.string() }).loose().safeParse(value);
  if (!base.success) return { ok: false, error: 'event_msg payload has no string `type`' };
  const type = EVENT_ALIASES[base.data.type] ?? base.data.type;
  if (!isKnownEventType(type)) return { ok: true, event: base.data };
  const parsed = KNOWN_EVENT_SCHEMAS[type].safeParse({ ...base.data, type });
  if (!parsed.success) {
    return { ok: false, error: `invalid ${type} event: ${z.prettifyError(parsed.error)}` };
  }
  return { ok: true, event: parsed.data };
}
