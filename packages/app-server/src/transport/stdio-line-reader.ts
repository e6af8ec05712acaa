const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export interface LineReaderEvents {
  /** A complete line, without its `\n` (or `\r\n`). */
  line(text: string): void;
  /** A line longer than the limit; it was discarded, `bytes` is how much of it was seen. */
  oversized(bytes: number): void;
}

/**
 * Splits a byte stream into newline-terminated lines and never holds more than `maxLineBytes` of
 * one line: a longer line is dropped as it arrives (its remaining bytes are skipped up to the next
 * newline) and reported once through `oversized`.
 */
export class LineReader {
  private chunks: Buffer[] = [];
  private length = 0;
  /** Bytes of the line being skipped, or -1 when not skipping. */
  private skipped = -1;

  constructor(
    private readonly maxLineBytes: number,
    private readonly events: LineReaderEvents,
  ) {}

  /** Bytes of the current unfinished line held in memory. */
  get bufferedBytes(): number {
    return this.length;
  }

  feed(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      this.take(chunk.subarray(start, end));
      if (newline === -1) {
        return;
      }
      this.finishLine();
      start = newline + 1;
    }
  }

  /** End of input: a last line without a newline still counts. */
  end(): void {
    if (this.length > 0 || this.skipped >= 0) {
      this.finishLine();
    }
  }

  private take(part: Buffer): void {
    if (part.length === 0) {
      return;
    }
    if (this.skipped >= 0) {
      this.skipped += part.length;
      return;
    }
    if (this.length + part.length > this.maxLineBytes) {
      this.skipped = this.length + part.length;
      this.chunks = [];
      this.length = 0;
      return;
    }
    // Copy: the stream may reuse the chunk's memory, and a sub-view would pin the whole chunk.
    this.chunks.push(Buffer.from(part));
    this.length += part.length;
  }

  private finishLine(): void {
    if (this.skipped >= 0) {
      const bytes = this.skipped;
      this.skipped = -1;
      this.events.oversized(bytes);
      return;
    }
    let line = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.chunks = [];
    this.length = 0;
    if (line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN) {
      line = line.subarray(0, line.length - 1);
    }
    this.events.line(line.toString('utf8'));
  }
}
