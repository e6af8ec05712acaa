import type { WorkProbe } from '../session/frame-clock.js';
import type { SyncUpdateHooks } from './fake-tty.js';

/** This thread's CPU time (user + system) in ms; the process's before Node 23.9. */
export function threadCpuMs(): number {
  const usage =
    typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Median, 99th percentile and maximum of a series of milliseconds. */
export interface MsStats {
  count: number;
  median: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank statistics; all zero for an empty series. */
export function msStats(values: readonly number[]): MsStats {
  if (values.length === 0) return { count: 0, median: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    median: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sum / sorted.length,
  };
}

/** One Ink frame: the TUI's synchronous work since the previous frame, and what it covered. */
export interface FrameSample {
  /** Notification handling + history writes + this frame's render, since the previous frame. */
  workMs: number;
  /**
   * The same work in this thread's CPU time (what it costs without other processes taking the
   * CPU away); a frame Ink draws outside a tick adds its renderTime, capped by
   * the CPU time the thread used before the frame's write.
   */
  cpuMs: number;
  /** Ink's own measure of building the frame (`onRender` renderTime). */
  renderMs: number;
  /** Notifications handled since the previous frame. */
  notifications: number;
}

/**
 * Adds up the TUI's synchronous work between two Ink frames. Three kinds of work run on the
 * event loop: the session's frame ticks (handling queued notifications: the chat store, the
 * markdown committer, writing committed lines and React's update; timed through `probe`), other
 * writes of committed history above the live area, and Ink frames (both bracketed by Ink's
 * synchronized-update sequences, seen by the fake TTY: `syncHooks`). A frame that Ink draws
 * inside a tick is already inside that span, so it is not counted twice.
 *
 * Each span is timed in wall time and in this thread's CPU time. For a frame drawn outside
 * a tick only Ink's renderTime (wall) is known; its CPU share is bounded by the
 * thread's CPU time since the previous span ended, so a descheduled moment does not count.
 */
export class FrameRecorder {
  readonly frames: FrameSample[] = [];
  /** Duration of each frame tick (handling the notifications queued since the last one). */
  readonly tickMs: number[] = [];
  recording = false;
  private work = 0;
  private cpu = 0;
  private notifications = 0;
  /** The running tick span (reset by a frame drawn inside it), wall and CPU. */
  private spanStart: number | null = null;
  private spanCpu = 0;
  private handlingStart = 0;
  private writeStart: number | null = null;
  private writeCpu = 0;
  /** Thread CPU time when the last span, write or frame ended. */
  private mark = threadCpuMs();
  /** CPU time between the previous mark and the start of the latest write, if it was last. */
  private beforeWrite: number | null = null;
  private readonly frameListeners = new Set<() => void>();

  readonly syncHooks: SyncUpdateHooks = {
    begin: () => {
      if (this.spanStart !== null) return;
      this.writeStart = performance.now();
      this.writeCpu = threadCpuMs();
    },
    end: () => {
      if (this.writeStart === null) return;
      const cpu = threadCpuMs();
      this.work += performance.now() - this.writeStart;
      this.cpu += cpu - this.writeCpu;
      this.beforeWrite = this.writeCpu - this.mark;
      this.mark = cpu;
      this.writeStart = null;
    },
  };

  /** What the session reports its frame ticks to. */
  readonly probe: WorkProbe = {
    begin: () => this.beginHandling(),
    end: (notifications) => this.endHandling(notifications),
  };

  private beginHandling(): void {
    this.spanStart = this.handlingStart = performance.now();
    this.spanCpu = threadCpuMs();
  }

  private endHandling(notifications: number): void {
    const now = performance.now();
    if (this.spanStart !== null) {
      const cpu = threadCpuMs();
      this.work += now - this.spanStart;
      this.cpu += cpu - this.spanCpu;
      this.mark = cpu;
      this.beforeWrite = null;
      if (this.recording) this.tickMs.push(now - this.handlingStart);
    }
    this.spanStart = null;
    this.notifications += notifications;
  }

  /** Ink's `onRender`: closes the current frame interval. */
  onRender = ({ renderTime }: { renderTime: number }): void => {
    const now = performance.now();
    const cpu = threadCpuMs();
    if (this.spanStart !== null) {
      // Drawn from inside a tick: the span so far includes this frame.
      this.work += now - this.spanStart;
      this.cpu += cpu - this.spanCpu;
      this.spanStart = now;
      this.spanCpu = cpu;
    } else {
      // The frame's own write (if any) is counted already; its render ran before that write.
      this.work += renderTime;
      this.cpu += Math.min(renderTime, this.beforeWrite ?? cpu - this.mark);
    }
    this.mark = cpu;
    this.beforeWrite = null;
    if (this.recording) {
      this.frames.push({
        workMs: this.work,
        cpuMs: this.cpu,
        renderMs: renderTime,
        notifications: this.notifications,
      });
    }
    this.work = 0;
    this.cpu = 0;
    this.notifications = 0;
    for (const listener of [...this.frameListeners]) listener();
  };

  /** Calls `listener` after every frame until the returned function is called. */
  onFrame(listener: () => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Forgets the work counted so far (the next frame starts a clean interval). */
  resetInterval(): void {
    this.work = 0;
    this.cpu = 0;
    this.notifications = 0;
  }
}
