import type { EventMsg } from './event-msg.js';
import type { RolloutItem } from './rollout-line.js';
import type { RolloutResponseItem } from './rollout-schemas.js';

/**
 * Which items go to disk, as the Rust Codex decides (rollout/policy.rs). `limited` (the default)
 * keeps what resume and the thread list need; `extended` adds tool-call end events and errors.
 */
export type EventPersistenceMode = 'limited' | 'extended';

/** Response item kinds Rust persists; anything else (its `Other`) is dropped. */
const PERSISTED_RESPONSE_ITEM_TYPES: ReadonlySet<string> = new Set([
  'message',
  'reasoning',
  'local_shell_call',
  'function_call',
  'tool_search_call',
  'function_call_output',
  'tool_search_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'web_search_call',
  'image_generation_call',
  'ghost_snapshot',
  'compaction',
]);

const LIMITED_EVENT_TYPES: ReadonlySet<string> = new Set([
  'user_message',
  'injected_message',
  'agent_message',
  'agent_reasoning',
  'agent_reasoning_raw_content',
  'token_count',
  'thread_name_updated',
  'context_compacted',
  'entered_review_mode',
  'exited_review_mode',
  'thread_rolled_back',
  'undo_completed',
  'turn_aborted',
  'task_started',
  'task_complete',
  'image_generation_end',
]);

const EXTENDED_EVENT_TYPES: ReadonlySet<string> = new Set([
  'error',
  'guardian_assessment',
  'web_search_end',
  'exec_command_end',
  'patch_apply_end',
  'mcp_tool_call_end',
  'view_image_tool_call',
  'collab_agent_spawn_end',
  'collab_agent_interaction_end',
  'collab_waiting_end',
  'collab_close_end',
  'collab_resume_end',
  'dynamic_tool_call_request',
  'dynamic_tool_call_response',
]);

export function shouldPersistResponseItem(item: RolloutResponseItem): boolean {
  return PERSISTED_RESPONSE_ITEM_TYPES.has(item.type);
}

export function shouldPersistEventMsg(
  event: EventMsg,
  mode: EventPersistenceMode = 'limited',
): boolean {
  if (LIMITED_EVENT_TYPES.has(event.type)) return true;
  // A completed plan item is kept even in limited mode: plans are not part of the model history,
  // so resume could not show them otherwise.
  if (event.type === 'item_completed') return isPlanItemCompleted(event);
  return mode === 'extended' && EXTENDED_EVENT_TYPES.has(event.type);
}

/** Session meta, turn context and compaction markers are always kept. */
export function isPersistedRolloutItem(
  item: RolloutItem,
  mode: EventPersistenceMode = 'limited',
): boolean {
  switch (item.type) {
    case 'response_item':
      return shouldPersistResponseItem(item.payload);
    case 'event_msg':
      return shouldPersistEventMsg(item.payload, mode);
    case 'session_meta':
    case 'turn_context':
    case 'compacted':
      return true;
  }
}

function isPlanItemCompleted(event: EventMsg): boolean {
  const item = (event as { item?: unknown }).item;
  return typeof item === 'object' && item !== null && (item as { type?: unknown }).type === 'Plan';
}
