import type { ServerNotification, ThreadItem } from '@codex-ts/protocol';
import { createStreamCommitter, type StreamCommitter } from '../markdown/index.js';
import type { ChatStore } from './chat-store.js';
import { FrameClock, type WorkProbe } from './frame-clock.js';
import { cellForItem } from './item-cells.js';
import { reasoningHeading } from './reasoning-heading.js';

/**
 * How long one tick handles queued notifications before it draws the frame and lets the event
 * loop go on (input, the model's stream); a backlog is worked off over several frames.
 */
const SLICE_MS = 4;

/** What the handler tells its owner about turns (the controller sends queued messages). */
export interface TurnEvents {
  onTurnStarted(turnId: string): void;
  onTurnEnded(turnId: string): void;
}

/**
 * Applies the server's notifications for one thread to the chat store: items stream into the
 * live area and are committed when they finish; agent messages are committed line by line as
 * their text streams in; plans, errors and warnings become cells.
 *
 * Notifications are queued as they arrive and handled in frame ticks (`FrameClock`): each tick
 * handles them for at most `SLICE_MS`, then commits the finished lines and redraws the live area
 * once. A burst of output (a fast model, a resumed stream) thus never holds the event loop for
 * more than about a frame, and keys typed meanwhile still echo at once.
 */
export class NotificationHandler {
  private stream: { itemId: string; committer: StreamCommitter; streamed: boolean } | null = null;
  private reasoningText = '';
  /** An error cell was shown for the running turn (turn/completed then shows no second one). */
  private errorShown = false;
  private readonly committedItems = new Set<string>();
  private queue: ServerNotification[] = [];
  private queueHead = 0;
  /** The streaming message's tail changed since the live area last showed it. */
  private tailDirty = false;
  private ticking = false;
  private readonly clock = new FrameClock(() => this.tick());

  constructor(
    private readonly store: ChatStore,
    private readonly threadId: () => string | null,
    private readonly events: TurnEvents,
    private readonly probe: WorkProbe | null = null,
  ) {}

  /** Queues a notification for the next frame tick. */
  enqueue(notification: ServerNotification): void {
    this.queue.push(notification);
    this.clock.request();
  }

  /** Stops handling: queued notifications are dropped. */
  dispose(): void {
    this.clock.dispose();
    this.queue = [];
    this.queueHead = 0;
  }

  private tick(): void {
    this.probe?.begin();
    let handled = 0;
    this.ticking = true;
    try {
      this.store.batch(() => {
        handled = this.handleQueued();
        if (this.tailDirty && this.stream) {
          this.store.update({ streamTail: this.stream.committer.tail() });
        }
        this.tailDirty = false;
      });
    } finally {
      this.ticking = false;
    }
    if (this.queueHead < this.queue.length) this.clock.request();
    this.probe?.end(handled);
  }

  /** Handles queued notifications for up to `SLICE_MS`; returns how many. */
  private handleQueued(): number {
    const start = performance.now();
    let handled = 0;
    while (this.queueHead < this.queue.length) {
      const next = this.queue[this.queueHead++] as ServerNotification;
      handled += 1;
      this.handle(next);
      if (performance.now() - start >= SLICE_MS) break;
    }
    if (this.queueHead >= this.queue.length) {
      this.queue = [];
      this.queueHead = 0;
    } else if (this.queueHead > 1024) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
    return handled;
  }

  /** Handles one notification now (`enqueue` paces them into frames). */
  handle(notification: ServerNotification): void {
    const params = notification.params as { threadId?: string | null };
    const current = this.threadId();
    if (params.threadId != null && current !== null && params.threadId !== current) return;
    switch (notification.method) {
      case 'turn/started':
        this.reasoningText = '';
        this.errorShown = false;
        this.store.update({
          turn: { id: notification.params.turn.id, startedAtMs: Date.now() },
          statusHeader: 'Working',
        });
        this.events.onTurnStarted(notification.params.turn.id);
        return;
      case 'turn/completed':
        return this.turnCompleted(notification.params.turn);
      case 'item/started':
        return this.itemStarted(notification.params.item);
      case 'item/completed':
        return this.itemCompleted(notification.params.item);
      case 'item/agentMessage/delta':
        return this.agentDelta(notification.params.itemId, notification.params.delta);
      case 'item/reasoning/summaryTextDelta':
        this.reasoningText += notification.params.delta;
        this.store.update({ statusHeader: reasoningHeading(this.reasoningText) ?? 'Working' });
        return;
      case 'item/commandExecution/outputDelta':
        return this.outputDelta(notification.params.itemId, notification.params.delta);
      case 'turn/plan/updated':
        this.store.commitCell({
          kind: 'plan',
          explanation: notification.params.explanation,
          steps: notification.params.plan,
        });
        return;
      case 'thread/tokenUsage/updated':
        this.store.update({ tokenUsage: notification.params.tokenUsage });
        return;
      case 'error': {
        const { error, willRetry } = notification.params;
        if (willRetry) this.store.update({ statusHeader: error.message });
        else {
          this.errorShown = true;
          this.store.commitCell({ kind: 'error', message: error.message });
        }
        return;
      }
      case 'warning':
        this.store.commitCell({ kind: 'warning', message: notification.params.message });
        return;
      default:
        return;
    }
  }

  private cwd(): string {
    return this.store.getSnapshot().session?.cwd ?? process.cwd();
  }

  private itemStarted(item: ThreadItem): void {
    if (item.type === 'agentMessage') {
      this.startStream(item.id);
      return;
    }
    if (item.type === 'userMessage') {
      this.commitItem(item);
      return;
    }
    if (item.type === 'reasoning') return;
    const cell = cellForItem(item, this.cwd());
    if (cell) this.store.setLive(item.id, cell);
  }

  private itemCompleted(item: ThreadItem): void {
    if (item.type === 'agentMessage') {
      this.finishStream(item.id, item.text);
      return;
    }
    this.store.removeLive(item.id);
    this.commitItem(item);
  }

  private commitItem(item: ThreadItem): void {
    // Keyed by type too: review mode's entered/exited items share the turn's id.
    const key = `${item.type}:${item.id}`;
    if (this.committedItems.has(key)) return;
    this.committedItems.add(key);
    const cell = cellForItem(item, this.cwd());
    if (cell) this.store.commitCell(cell);
  }

  private startStream(itemId: string): void {
    this.flushStream();
    this.stream = {
      itemId,
      committer: createStreamCommitter(this.store.renderContext),
      streamed: false,
    };
  }

  private agentDelta(itemId: string, delta: string): void {
    if (this.stream?.itemId !== itemId) this.startStream(itemId);
    const stream = this.stream;
    if (!stream) return;
    stream.streamed = true;
    this.store.commitLines(stream.committer.push(delta));
    // The tail is rendered once per frame, at the end of the tick.
    this.tailDirty = true;
    if (!this.ticking) this.clock.request();
  }

  /** The message is done: commit what is left (or the whole text when nothing streamed). */
  private finishStream(itemId: string, text: string): void {
    const key = `agentMessage:${itemId}`;
    if (this.stream?.itemId === itemId && this.stream.streamed) {
      this.committedItems.add(key);
      this.flushStream();
      return;
    }
    // Nothing streamed for it (or it started before this handler saw it): show the final text.
    if (this.stream?.itemId === itemId) {
      this.stream = null;
      this.store.update({ streamTail: [] });
    } else {
      this.flushStream();
    }
    if (text !== '' && !this.committedItems.has(key)) {
      this.committedItems.add(key);
      this.store.commitCell({ kind: 'agent', markdown: text, first: true });
    }
  }

  private flushStream(): void {
    const stream = this.stream;
    if (!stream) return;
    this.tailDirty = false;
    this.stream = null;
    const rest = stream.committer.finish();
    this.store.commitLines(rest.length > 0 ? [...rest, ''] : ['']);
    this.store.update({ streamTail: [] });
  }

  private outputDelta(itemId: string, delta: string): void {
    const cell = this.store.liveCell(itemId);
    if (cell?.kind !== 'exec') return;
    this.store.setLive(itemId, { ...cell, output: cell.output + delta });
  }

  private turnCompleted(turn: { id: string; status: string; error: { message: string } | null }) {
    this.flushStream();
    for (const live of this.store.getSnapshot().live) this.store.commitCell(live.cell);
    this.store.update({ live: [], turn: null, statusHeader: 'Working' });
    if (turn.status === 'interrupted') {
      this.store.commitCell({
        kind: 'error',
        message: 'Conversation interrupted - tell the model what to do differently.',
      });
    } else if (turn.status === 'failed' && turn.error && !this.errorShown) {
      this.store.commitCell({ kind: 'error', message: turn.error.message });
    }
    this.events.onTurnEnded(turn.id);
  }
}
