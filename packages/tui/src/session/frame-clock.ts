/** A frame of the chat is drawn at most this often while output streams (60 per second). */
export const FRAME_MS = 16;

/** What a tick reports to a work probe (the benchmark's frame recorder). */
export interface WorkProbe {
  /** A tick's synchronous work begins. */
  begin(): void;
  /** It ended, having handled `notifications` server notifications. */
  end(notifications: number): void;
}

/**
 * Paces the chat's work into frames: `request()` asks for a tick, which runs on the next turn
 * of the event loop, or one frame after the previous tick when that was less than a frame ago.
 * Requests made before the tick runs share it. Between ticks the event loop is free for terminal
 * input, the model's stream and the app server.
 */
export class FrameClock {
  private pending:
    | { kind: 'immediate'; handle: NodeJS.Immediate }
    | { kind: 'timeout'; handle: NodeJS.Timeout }
    | null = null;
  private lastTick = Number.NEGATIVE_INFINITY;
  private disposed = false;

  constructor(
    private readonly tick: () => void,
    private readonly frameMs = FRAME_MS,
  ) {}

  request(): void {
    if (this.pending !== null || this.disposed) return;
    const wait = this.lastTick + this.frameMs - performance.now();
    this.pending =
      wait <= 0
        ? { kind: 'immediate', handle: setImmediate(this.run) }
        : { kind: 'timeout', handle: setTimeout(this.run, wait) };
  }

  /** Drops a pending tick; later requests are ignored. */
  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending?.kind === 'immediate') clearImmediate(pending.handle);
    else if (pending?.kind === 'timeout') clearTimeout(pending.handle);
  }

  private readonly run = (): void => {
    this.pending = null;
    if (this.disposed) return;
    this.lastTick = performance.now();
    this.tick();
  };
}
