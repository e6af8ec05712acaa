import type { ServerNotification, Turn } from '@codex-ts/protocol';
import { describe, expect, it } from 'vitest';
import { benchMessage } from '../markdown/index.js';
import { agentLines, renderMarkdown } from '../markdown/index.js';
import { ChatStore } from './chat-store.js';
import { NotificationHandler } from './notification-handler.js';

const THREAD = 'thread-1';
const WIDTH = 80;

function turn(status: Turn['status']): Turn {
  return { id: 'turn-1', items: [], status, error: null } as unknown as Turn;
}

function agentItem(text: string, threadId: string): ServerNotification {
  return {
    method: 'item/completed',
    params: {
      threadId,
      turnId: 'turn-1',
      item: { type: 'agentMessage', id: 'msg-1', text } as never,
      completedAtMs: 0,
    },
  };
}

/** A turn that streams `message` in `deltas` pieces, as the app server sends it. */
function streamedTurn(message: string, deltas: number, threadId = THREAD): ServerNotification[] {
  const size = Math.ceil(message.length / deltas);
  const out: ServerNotification[] = [
    { method: 'turn/started', params: { threadId, turn: turn('inProgress') } },
    {
      method: 'item/started',
      params: {
        threadId,
        turnId: 'turn-1',
        item: { type: 'agentMessage', id: 'msg-1', text: '' } as never,
        startedAtMs: 0,
      },
    },
  ];
  for (let i = 0; i < message.length; i += size) {
    out.push({
      method: 'item/agentMessage/delta',
      params: { threadId, turnId: 'turn-1', itemId: 'msg-1', delta: message.slice(i, i + size) },
    });
  }
  out.push(agentItem(message, threadId));
  out.push({ method: 'turn/completed', params: { threadId, turn: turn('completed') } });
  return out;
}

interface Harness {
  store: ChatStore;
  handler: NotificationHandler;
  /** Notifications handled by each tick, in order. */
  ticks: number[];
  /** Lines the sink got per call, and the store's listener calls. */
  writes: string[][];
  emits: number;
  ended: string[];
}

function harness(): Harness {
  const store = new ChatStore({ width: WIDTH, color: false });
  const h: Harness = {
    store,
    handler: null as unknown as NotificationHandler,
    ticks: [],
    writes: [],
    emits: 0,
    ended: [],
  };
  store.setCommitSink((lines) => h.writes.push(lines));
  store.subscribe(() => (h.emits += 1));
  h.handler = new NotificationHandler(
    store,
    () => THREAD,
    { onTurnStarted: () => undefined, onTurnEnded: (id) => h.ended.push(id) },
    { begin: () => undefined, end: (n) => h.ticks.push(n) },
  );
  return h;
}

function until(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (ready()) resolve();
      else if (Date.now() > deadline) reject(new Error('timed out'));
      else setTimeout(check, 2);
    };
    check();
  });
}

describe('NotificationHandler pacing', () => {
  it('works a backlog off over several frame ticks, with the same lines as a one-shot render', async () => {
    const h = harness();
    const message = benchMessage(2_000);
    const notifications = streamedTurn(message, 4_000);
    for (const n of notifications) h.handler.enqueue(n);
    // Nothing is handled while the notifications arrive; the first tick comes after.
    expect(h.ticks).toEqual([]);
    await until(() => h.ended.length === 1);

    // Every notification was handled exactly once, in ticks of bounded work (not in one go).
    expect(h.ticks.reduce((a, b) => a + b, 0)).toBe(notifications.length);
    expect(h.ticks.length).toBeGreaterThan(1);
    expect(Math.max(...h.ticks)).toBeLessThan(notifications.length);
    // One write above the live area and (at most) one redraw per tick.
    expect(h.writes.length).toBeLessThanOrEqual(h.ticks.length);
    expect(h.emits).toBeLessThanOrEqual(h.ticks.length);

    const expected = [
      ...agentLines(renderMarkdown(message, { width: WIDTH - 2, color: false }), false, true),
      '',
    ];
    expect(h.writes.flat()).toEqual(expected);
    expect(h.store.getSnapshot().turn).toBeNull();
    expect(h.store.getSnapshot().streamTail).toEqual([]);
  });

  it('shows the streaming tail once per tick', async () => {
    const h = harness();
    const notifications = streamedTurn('First line\n\nsecond paragraph, still streaming', 6);
    // Everything but the item/completed and turn/completed: the message is mid-stream.
    for (const n of notifications.slice(0, -2)) h.handler.enqueue(n);
    await until(() => h.ticks.length > 0);
    const tail = h.store.getSnapshot().streamTail.join('\n');
    expect(tail).toContain('second paragraph, still streaming');
    expect(h.writes.flat().join('\n')).toContain('First line');
  });

  it('drops what another thread sent, and everything once disposed', async () => {
    const h = harness();
    for (const n of streamedTurn('other thread', 2, 'thread-2')) h.handler.enqueue(n);
    await until(() => h.ticks.length > 0);
    expect(h.writes).toEqual([]);
    expect(h.ended).toEqual([]);

    for (const n of streamedTurn('never shown', 2)) h.handler.enqueue(n);
    h.handler.dispose();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.writes).toEqual([]);
    expect(h.ended).toEqual([]);
  });
});

describe('ChatStore.batch', () => {
  it('hands a batch its lines in one write, then tells listeners once', () => {
    const store = new ChatStore({ width: WIDTH, color: false });
    const events: string[] = [];
    store.setCommitSink((lines) => events.push(`write ${lines.join('|')}`));
    store.subscribe(() => events.push('emit'));
    store.batch(() => {
      store.commitLines(['a']);
      store.update({ statusHeader: 'one' });
      store.commitLines(['b', 'c']);
      store.update({ statusHeader: 'two' });
    });
    expect(events).toEqual(['write a|b|c', 'emit']);
    expect(store.getSnapshot().statusHeader).toBe('two');
    expect(store.transcript).toEqual(['a', 'b', 'c']);
  });

  it('outside a batch, commits of one turn of the event loop reach the sink together', async () => {
    const store = new ChatStore({ width: WIDTH, color: false });
    const writes: string[][] = [];
    store.commitLines(['held']);
    store.setCommitSink((lines) => writes.push(lines));
    store.commitLines(['x']);
    store.commitLines(['y']);
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([['held', 'x', 'y']]);
  });
});
