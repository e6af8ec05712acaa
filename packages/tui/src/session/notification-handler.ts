import type { ServerNotification, ThreadItem } from '@codex-ts/protocol';
import { createStreamCommitter, type StreamCommitter } from '../markdown/index.js';
import type { ChatStore } from './chat-store.js';
import { cellForItem } from './item-cells.js';
import { reasoningHeading } from './reasoning-heading.js';

/** The live tail is redrawn at most this often while a message streams. */
const TAIL_FRAME_MS = 16;

/** What the handler tells its owner about turns (the controller sends queued messages). */
export interface TurnEvents {
  onTurnStarted(turnId: string): void;
  onTurnEnded(turnId: string): void;
}

/**
 * Applies the server's notifications for one thread to the chat store: items stream into the
 * live area and are committed when they finish; agent messages are committed line by line as
 * their text streams in; plans, errors and warnings become cells.
 */
export class NotificationHandler {
  private stream: { itemId: string; committer: StreamCommitter; streamed: boolean } | null = null;
  private reasoningText = '';
  /** An error cell was shown for the running turn (turn/completed then shows no second one). */
  private errorShown = false;
  private readonly committedItems = new Set<string>();
  private tailTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: ChatStore,
    private readonly threadId: () => string | null,
    private readonly events: TurnEvents,
  ) {}

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
    this.scheduleTail();
  }

  /** Re-renders the live tail at most once a frame (deltas can arrive far faster). */
  private scheduleTail(): void {
    if (this.tailTimer !== null) return;
    this.tailTimer = setTimeout(() => {
      this.tailTimer = null;
      if (this.stream) this.store.update({ streamTail: this.stream.committer.tail() });
    }, TAIL_FRAME_MS);
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
    if (this.tailTimer !== null) clearTimeout(this.tailTimer);
    this.tailTimer = null;
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
