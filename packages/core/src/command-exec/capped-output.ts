import type { Readable } from 'node:stream';

/** Receives streamed output: a chunk, and whether the cap was reached with it (its last one). */
export type OutputDelivery = (data: Buffer, capReached: boolean) => void;

/**
 * One output stream of a command, keeping at most `cap` bytes (null: everything). Without
 * `deliver` the kept bytes are captured for `text()`; with it they are handed on as they come
 * and nothing is captured. Output beyond the cap is read and dropped, so the command never
 * blocks on a full pipe. As in the Rust app server, the chunk that fills the cap exactly is the
 * last one and carries `capReached`.
 */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private full = false;

  constructor(
    private readonly cap: number | null,
    private readonly deliver?: OutputDelivery,
  ) {}

  push(chunk: Buffer): void {
    if (this.full) return;
    const room = this.cap === null ? chunk.length : Math.max(0, this.cap - this.kept);
    const part = room >= chunk.length ? chunk : chunk.subarray(0, room);
    this.kept += part.length;
    const capReached = this.cap !== null && this.kept >= this.cap;
    if (this.deliver) this.deliver(part, capReached);
    else if (part.length > 0) this.chunks.push(part);
    if (capReached) this.full = true;
  }

  /** The captured bytes as UTF-8; a character the cap cut in two becomes U+FFFD. */
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Feeds `stream` into `output`; resolves when the stream ends, errors or is destroyed. */
export function collect(stream: Readable | null, output: CappedOutput): Promise<void> {
  if (stream === null) return Promise.resolve();
  return new Promise((resolve) => {
    stream.on('data', (chunk: Buffer) => output.push(chunk));
    stream.once('end', () => resolve());
    stream.once('close', () => resolve());
    // A pipe destroyed after the drain deadline is not an error worth reporting.
    stream.on('error', () => resolve());
  });
}
