import type { CommandExecutionReporter } from '../tools/exec-command/command-execution-reporter.js';
import { HeadTailBuffer } from '../tools/exec-command/head-tail-buffer.js';
import type { ExecProcess, ExecProcessHandlers } from './exec-process.js';
import { UNIFIED_EXEC_OUTPUT_MAX_BYTES } from './unified-exec-limits.js';

export interface ExecSessionInit {
  id: number;
  tty: boolean;
  /** The command line as shown in the item. */
  command: string;
  /** The item of the `exec_command` call that started the session. */
  reporter: CommandExecutionReporter;
}

/**
 * One command started by `exec_command`, running or finished. Its output goes to two bounded
 * buffers: `pending`, what the next call (exec_command's own wait, then each write_stdin) reads
 * and drains, and `transcript`, everything kept for the item's `aggregatedOutput`. Output also
 * streams to the item as deltas for as long as the command runs.
 *
 * Who completes the item: while a call is still deciding about the command (it may retry it
 * outside the sandbox) the session holds back; once the call lets go (`release`) the session
 * completes the item when the command finishes, whether that happens now or turns later.
 */
export class ExecSession {
  readonly id: number;
  readonly tty: boolean;
  readonly command: string;
  /** Order of last use (higher is more recent), for pruning. */
  lastUsed = 0;
  private process: ExecProcess | null = null;
  private readonly reporter: CommandExecutionReporter;
  private readonly pending = new HeadTailBuffer(UNIFIED_EXEC_OUTPUT_MAX_BYTES);
  private readonly transcript = new HeadTailBuffer(UNIFIED_EXEC_OUTPUT_MAX_BYTES);
  private readonly waiters = new Set<() => void>();
  private readonly startedAt = performance.now();
  private finishedAt = 0;
  private exit: number | null = null;
  private completion: 'held' | 'armed' | 'done' = 'held';

  constructor(init: ExecSessionInit) {
    this.id = init.id;
    this.tty = init.tty;
    this.command = init.command;
    this.reporter = init.reporter;
  }

  /** The callbacks to hand to the spawner; then `attach` the process it returns. */
  handlers(): ExecProcessHandlers {
    return {
      onOutput: (text) => {
        const bytes = Buffer.from(text, 'utf8');
        this.pending.push(bytes);
        this.transcript.push(bytes);
        this.reporter.output(text);
        this.wake();
      },
      onFinish: (exitCode) => {
        this.exit = exitCode;
        this.finishedAt = performance.now();
        this.wake();
        if (this.completion === 'armed') this.complete();
      },
    };
  }

  attach(process: ExecProcess): void {
    this.process = process;
  }

  get pid(): number | null {
    return this.process?.pid ?? null;
  }

  /** True once the command exited and its output was read. */
  get finished(): boolean {
    return this.exit !== null;
  }

  /** The exit code once finished (-1 when killed by a signal). */
  get exitCode(): number | null {
    return this.exit;
  }

  /** Everything kept of the output so far, with a marker where the middle was dropped. */
  transcriptText(): string {
    return this.transcript.toStringWithOmissionMarker();
  }

  /**
   * Reads output until `deadline` (a `performance.now()` time) or until the command finishes,
   * whichever comes first, draining what it read. An abort of `signal` ends the wait early
   * with what was read so far.
   */
  async collect(deadline: number, signal: AbortSignal): Promise<string> {
    const parts: Buffer[] = [];
    for (;;) {
      if (this.pending.retainedBytes > 0) parts.push(this.pending.drain());
      if (this.finished || signal.aborted) break;
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      await this.waitForChange(remaining, signal);
    }
    return Buffer.concat(parts).toString('utf8');
  }

  /** Sends input; throws StdinClosedError without a terminal, SessionWriteError once gone. */
  write(data: string): Promise<void> {
    if (this.process === null) return Promise.reject(new Error('session not started'));
    return this.process.write(data);
  }

  /** Kills the command's process group. */
  terminate(): void {
    this.process?.terminate();
  }

  /** The calling tool is done with the command: complete the item when it finishes. */
  release(): void {
    if (this.completion !== 'held') return;
    this.completion = 'armed';
    if (this.finished) this.complete();
  }

  /** This run is discarded (it is being retried): never complete the item from it. */
  discard(): void {
    this.completion = 'done';
  }

  /** Resolves when the command finishes (at once if it has, or never started). */
  waitFinished(timeoutMs: number): Promise<void> {
    if (this.process === null) return Promise.resolve();
    const never = new AbortController().signal;
    const deadline = performance.now() + timeoutMs;
    const loop = async (): Promise<void> => {
      while (!this.finished && performance.now() < deadline) {
        await this.waitForChange(deadline - performance.now(), never);
      }
    };
    return loop();
  }

  private complete(): void {
    if (this.completion === 'done' || this.exit === null) return;
    this.completion = 'done';
    this.reporter.completed({
      status: this.exit === 0 ? 'completed' : 'failed',
      exitCode: this.exit,
      aggregatedOutput: this.transcriptText(),
      durationMs: Math.round(this.finishedAt - this.startedAt),
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private waitForChange(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
