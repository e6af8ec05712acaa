import type { Readable } from 'node:stream';

/**
 * The captured bytes of one output stream, keeping at most `cap` bytes (null: everything). Output
 * beyond the cap is read and dropped, so the command never blocks on a full pipe.
 */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;

  constructor(private readonly cap: number | null) {}

  push(chunk: Buffer): void {
    const room = this.cap === null ? chunk.length : Math.max(0, this.cap - this.kept);
    if (room === 0) return;
    const part = room >= chunk.length ? chunk : chunk.subarray(0, room);
    this.chunks.push(part);
    this.kept += part.length;
  }

  /** The kept bytes as UTF-8; a character the cap cut in two becomes U+FFFD. */
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
