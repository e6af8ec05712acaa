import { stat } from 'node:fs/promises';
import { emptyTokenUsage, type ThreadItem, type Turn } from '@codex-ts/protocol';
import { reconstructHistory } from '../rollout/reconstruct-history.js';
import { tokenUsageFromRollout } from '../rollout/rollout-conversions.js';
import type { RolloutItem } from '../rollout/rollout-line.js';
import { readRollout } from '../rollout/rollout-reader.js';
import type { HistoryItem } from '../turn/turn-runtime.js';
import type { RestoredThreadState } from './codex-thread.js';
import { dropRolledBackTurns } from './rolled-back-turns.js';

export interface RestoredRollout {
  id: string;
  state: RestoredThreadState;
  /** The rollout's lines after session_meta (up to `lastTurnId`), for a fork to copy. */
  lines: RolloutItem[];
}

/**
 * A stored thread's state from its rollout: the model input to continue from, the usage so far,
 * and its list metadata. With `lastTurnId`, only the lines up to the end of that turn count
 * (a fork "from this turn").
 */
export async function restoreFromRollout(
  path: string,
  lastTurnId: string | null = null,
): Promise<RestoredRollout> {
  const contents = await readRollout(path);
  const items = lastTurnId === null ? contents.items : upToTurn(contents.items, lastTurnId);
  const rebuilt = reconstructHistory(items);
  const total = rebuilt.tokenUsage?.total_token_usage;
  const created = Date.parse(contents.meta.timestamp);
  const mtime = (await stat(path)).mtimeMs;
  return {
    id: contents.meta.id,
    state: {
      history: rebuilt.history as unknown as HistoryItem[],
      total: total ? tokenUsageFromRollout(total) : emptyTokenUsage(),
      preview: rebuilt.firstUserMessage ?? '',
      createdAt: Math.floor((Number.isNaN(created) ? mtime : created) / 1000),
      updatedAt: Math.floor(mtime / 1000),
      name: rebuilt.threadName,
    },
    lines: items
      .filter((line) => line.type !== 'session_meta')
      .map((line) => ({ type: line.type, payload: line.payload }) as RolloutItem),
  };
}

/** The lines up to and including the end (`task_complete` / `turn_aborted`) of `turnId`. */
function upToTurn(items: readonly RolloutItem[], turnId: string): RolloutItem[] {
  let inTurn = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === 'turn_context' && item.payload.turn_id === turnId) inTurn = true;
    if (!inTurn || item.type !== 'event_msg') continue;
    const event = item.payload as { type: string; turn_id?: string | null };
    if (
      (event.type === 'task_complete' || event.type === 'turn_aborted') &&
      (event.turn_id == null || event.turn_id === turnId)
    ) {
      return items.slice(0, i + 1);
    }
  }
  return [...items];
}

/**
 * The turns of a stored thread as `thread/read` and `thread/resume` show them: one per
 * `task_started` … `task_complete`/`turn_aborted`, holding the user's message and the agent's
 * messages (the items a front end redraws a conversation from). A `thread_rolled_back` line
 * (`thread/revert`) removes the turns it dropped.
 */
export async function turnsFromRollout(path: string): Promise<Turn[]> {
  const { items } = await readRollout(path);
  const turns: Turn[] = [];
  let current: Turn | null = null;
  let counter = 0;
  const open = (id: string | null | undefined, startedAt: number | null): Turn => {
    const turn: Turn = {
      id: id ?? `turn-${String(turns.length + 1)}`,
      items: [],
      status: 'inProgress',
      error: null,
      startedAt,
      completedAt: null,
      durationMs: null,
    };
    turns.push(turn);
    return turn;
  };
  for (const item of items) {
    if (item.type !== 'event_msg') continue;
    const event = item.payload as Record<string, unknown> & { type: string };
    const itemId = (): string => `item-${String(++counter)}`;
    switch (event.type) {
      case 'task_started':
      case 'turn_started':
        current = open(event['turn_id'] as string | undefined, numberOr(event['started_at']));
        break;
      case 'user_message': {
        current ??= open(null, null);
        const text = String(event['message'] ?? '');
        const entry: ThreadItem = {
          type: 'userMessage',
          id: itemId(),
          content: [{ type: 'text', text, text_elements: [] }],
        };
        current.items.push(entry);
        break;
      }
      case 'agent_message':
        current ??= open(null, null);
        current.items.push({ type: 'agentMessage', id: itemId(), text: String(event['message']) });
        break;
      case 'task_complete':
      case 'turn_complete':
      case 'turn_aborted':
        if (current !== null) {
          current.status = event.type === 'turn_aborted' ? 'interrupted' : 'completed';
          current.completedAt = numberOr(event['completed_at']);
          current.durationMs = numberOr(event['duration_ms']);
          current = null;
        }
        break;
      case 'thread_rolled_back':
        current = null;
        dropRolledBackTurns(turns, numberOr(event['num_turns']) ?? 0);
        break;
      default:
        break;
    }
  }
  return turns;
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
