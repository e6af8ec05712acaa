import type { WireMessage } from './rpc-peer.js';

/**
 * Per-thread ordering of the notifications one client received: each turn starts once before
 * anything of it and completes once after everything of it; each item starts once, completes
 * once, in that order, inside its turn, with its deltas in between. Returns the violations.
 */
export function lifecycleProblems(messages: readonly WireMessage[]): string[] {
  const problems: string[] = [];
  const turns = new Map<string, { started: number; completed: number }>();
  const items = new Map<string, { turn: string; started: number; completed: number }>();
  const threadStarts = new Map<string, number>();

  messages.forEach((message, index) => {
    if (typeof message['method'] !== 'string' || 'id' in message) return;
    const method = message['method'];
    const params = (message['params'] ?? {}) as Record<string, unknown>;
    const at = `#${index} ${method}`;
    const thread = typeof params['threadId'] === 'string' ? params['threadId'] : undefined;

    if (method === 'thread/started') {
      const id = String((params['thread'] as { id?: unknown } | undefined)?.id);
      threadStarts.set(id, (threadStarts.get(id) ?? 0) + 1);
      if (threadStarts.get(id) === 2) problems.push(`${at}: thread ${id} started twice`);
      return;
    }
    if (thread === undefined) return;

    const turnId =
      method === 'turn/started' || method === 'turn/completed'
        ? (params['turn'] as { id?: unknown } | undefined)?.id
        : params['turnId'];
    if (typeof turnId !== 'string') return;
    const turnKey = `${thread}/${turnId}`;
    const turn = turns.get(turnKey) ?? { started: -1, completed: -1 };
    turns.set(turnKey, turn);

    if (method === 'turn/started') {
      if (turn.started >= 0) problems.push(`${at}: turn ${turnId} started twice`);
      turn.started = index;
      return;
    }
    if (turn.started < 0) problems.push(`${at}: before turn/started of ${turnId}`);
    if (turn.completed >= 0) {
      problems.push(`${at}: after turn/completed of ${turnId}`);
    }
    if (method === 'turn/completed') {
      turn.completed = index;
      for (const [itemId, item] of items) {
        if (item.turn === turnKey && item.completed < 0) {
          problems.push(`${at}: item ${itemId} of ${turnId} never completed`);
        }
      }
      return;
    }

    const itemId =
      method === 'item/started' || method === 'item/completed'
        ? (params['item'] as { id?: unknown } | undefined)?.id
        : params['itemId'];
    if (typeof itemId !== 'string') return;
    const itemKey = `${thread}/${itemId}`;
    const item = items.get(itemKey) ?? { turn: turnKey, started: -1, completed: -1 };
    items.set(itemKey, item);
    if (item.turn !== turnKey) problems.push(`${at}: item ${itemId} changed turns`);
    if (method === 'item/started') {
      if (item.started >= 0) problems.push(`${at}: item ${itemId} started twice`);
      if (item.completed >= 0) problems.push(`${at}: item ${itemId} started after completing`);
      item.started = index;
    } else if (method === 'item/completed') {
      if (item.completed >= 0) problems.push(`${at}: item ${itemId} completed twice`);
      if (item.started < 0) problems.push(`${at}: item ${itemId} completed without item/started`);
      item.completed = index;
    } else if (method.startsWith('item/')) {
      // Deltas and progress of an item: between its item/started and item/completed.
      if (item.started < 0 || item.completed >= 0) {
        problems.push(`${at}: outside item/started..item/completed of ${itemId}`);
      }
    }
  });
  return problems;
}

/** Response ids that arrived more than once (every request is answered exactly once). */
export function duplicateResponses(messages: readonly WireMessage[]): unknown[] {
  const seen = new Set<string>();
  const duplicates: unknown[] = [];
  for (const message of messages) {
    if ('method' in message || !('id' in message) || message['id'] === null) continue;
    const key = JSON.stringify(message['id']);
    if (seen.has(key)) duplicates.push(message['id']);
    seen.add(key);
  }
  return duplicates;
}
