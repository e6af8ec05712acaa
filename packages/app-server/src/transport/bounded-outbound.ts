/** Where serialized messages go: a pipe or a socket that reports when a write was flushed. */
export interface OutboundSink {
  /** Writes one message; `done` runs once it left our buffers (with an error if it failed). */
  write(text: string, done: (error?: Error | null) => void): void;
}

export interface OutboundLimits {
  /** Messages waiting in the queue beyond which the client counts as not reading. */
  maxQueuedMessages: number;
  /** Bytes waiting in the queue beyond which the client counts as not reading. */
  maxQueuedBytes: number;
  /** Bytes handed to the sink and not yet flushed before further messages wait in the queue. */
  highWaterBytes: number;
}

/** A snapshot of what one connection holds in memory for its client. */
export interface OutboundStats {
  queuedMessages: number;
  queuedBytes: number;
  unflushedBytes: number;
  /** The most `queuedBytes + unflushedBytes` ever reached. */
  peakBufferedBytes: number;
}

/**
 * An ordered outbound queue with a bound. Messages go to the sink while less than `highWaterBytes`
 * are unflushed; the rest wait here. When the wait grows past `maxQueuedMessages` or
 * `maxQueuedBytes` the queue gives up on the client: it drops everything, refuses further
 * messages and calls `onOverflow` once (the transport then disconnects it), so a client that
 * never reads cannot make the server buffer without bound.
 */
export class BoundedOutbound {
  private queue: string[] = [];
  private head = 0;
  private queuedBytes = 0;
  private unflushedBytes = 0;
  private peakBufferedBytes = 0;
  private closedFlag = false;
  private overflowedFlag = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly sink: OutboundSink,
    private readonly limits: OutboundLimits,
    private readonly onOverflow: () => void,
  ) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  get overflowed(): boolean {
    return this.overflowedFlag;
  }

  stats(): OutboundStats {
    return {
      queuedMessages: this.queue.length - this.head,
      queuedBytes: this.queuedBytes,
      unflushedBytes: this.unflushedBytes,
      peakBufferedBytes: this.peakBufferedBytes,
    };
  }

  /** Queues one serialized message; false when it was dropped (closed or overflowed). */
  push(text: string): boolean {
    if (this.closedFlag) {
      return false;
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    const waiting = this.queue.length - this.head;
    if (
      waiting > 0 &&
      (waiting >= this.limits.maxQueuedMessages ||
        this.queuedBytes + bytes > this.limits.maxQueuedBytes)
    ) {
      this.overflowedFlag = true;
      this.close();
      this.onOverflow();
      return false;
    }
    this.queue.push(text);
    this.queuedBytes += bytes;
    this.notePeak();
    this.pump();
    return true;
  }

  /** Resolves once everything queued was flushed (or the queue was closed). */
  whenFlushed(): Promise<void> {
    if (this.isIdle()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops whatever waits and refuses further messages. Writes already handed over still finish. */
  close(): void {
    if (this.closedFlag) {
      return;
    }
    this.closedFlag = true;
    this.queue = [];
    this.head = 0;
    this.queuedBytes = 0;
    this.wakeIdle(true);
  }

  private pump(): void {
    while (
      !this.closedFlag &&
      this.head < this.queue.length &&
      this.unflushedBytes < this.limits.highWaterBytes
    ) {
      const text = this.queue[this.head] as string;
      this.head += 1;
      const bytes = Buffer.byteLength(text, 'utf8');
      this.queuedBytes -= bytes;
      this.unflushedBytes += bytes;
      this.compact();
      let settled = false;
      this.sink.write(text, (error) => {
        if (settled) {
          return;
        }
        settled = true;
        this.unflushedBytes -= bytes;
        if (error) {
          this.close();
          return;
        }
        this.pump();
        this.wakeIdle(false);
      });
    }
  }

  private isIdle(): boolean {
    return this.closedFlag || (this.head >= this.queue.length && this.unflushedBytes === 0);
  }

  private wakeIdle(force: boolean): void {
    if (!force && !this.isIdle()) {
      return;
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) {
      wake();
    }
  }

  private notePeak(): void {
    const buffered = this.queuedBytes + this.unflushedBytes;
    if (buffered > this.peakBufferedBytes) {
      this.peakBufferedBytes = buffered;
    }
  }

  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
