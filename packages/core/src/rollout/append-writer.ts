import type { FileHandle } from 'node:fs/promises';
import { RolloutWriteError } from './rollout-errors.js';

/**
 * An ordered append queue over a file opened in append mode. `enqueue` never waits: chunks are
 * joined and written by one background loop, one `write` per batch, in the order they were
 * queued, so lines never interleave. Every chunk ends with a newline, so whatever moment the
 * process dies at, the file holds whole lines plus at most one partial last line.
 *
 * A failed write keeps the unwritten bytes at the head of the queue; the next `flush()` retries
 * them before anything newer, then reports the error if it persists.
 */
export class AppendWriter {
  private pending: Buffer[] = [];
  private draining: Promise<void> | null = null;
  private failure: RolloutWriteError | null = null;

  constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
  ) {}

  enqueue(chunk: string): void {
    if (chunk === '') return;
    this.pending.push(Buffer.from(chunk, 'utf8'));
    if (this.failure === null) this.start();
  }

  /** Resolves once everything queued so far is written; rejects with the write error. */
  async flush(): Promise<void> {
    if (this.failure !== null) {
      this.failure = null;
      this.start();
    }
    while (this.draining !== null) await this.draining;
    if (this.failure !== null) throw this.failure;
  }

  /**
   * Flushes and closes the file. No fsync: every line already reached the OS when it was
   * written, so a crash of this process loses at most the line being written; like the Rust
   * Codex (which flushes and never syncs its rollouts), we leave the disk to the OS instead of
   * making every exit wait for it.
   */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }

  private start(): void {
    if (this.draining !== null || this.pending.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.failure === null) this.start();
    });
  }

  private async drain(): Promise<void> {
    try {
      await this.writePending();
    } catch (error) {
      this.failure = new RolloutWriteError(this.path, { cause: error });
    }
  }

  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const count = this.pending.length;
      const batch = count === 1 ? this.pending[0]! : Buffer.concat(this.pending);
      let offset = 0;
      try {
        while (offset < batch.length) {
          const { bytesWritten } = await this.handle.write(batch, offset, batch.length - offset);
          offset += bytesWritten;
        }
      } catch (error) {
        // Keep what was not written, ahead of anything queued meanwhile.
        this.pending.splice(0, count, batch.subarray(offset));
        this.failure = new RolloutWriteError(this.path, { cause: error });
        return;
      }
      this.pending.splice(0, count);
    }
  }
}
