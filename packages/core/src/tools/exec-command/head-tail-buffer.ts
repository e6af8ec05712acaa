/** Tail chunks are merged into one once there are this many, so trimming stays cheap. */
const MAX_TAIL_CHUNKS = 256;

/**
 * Keeps at most `maxBytes` of a byte stream: the first half of the budget fills with the start
 * of the stream and stays; the second half holds the most recent bytes. Whatever falls between
 * is dropped and counted, so a command printing without end uses bounded memory.
 */
export class HeadTailBuffer {
  private readonly headBudget: number;
  private readonly tailBudget: number;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private omitted = 0;

  constructor(maxBytes: number) {
    this.headBudget = Math.floor(Math.max(0, maxBytes) / 2);
    this.tailBudget = Math.max(0, maxBytes) - this.headBudget;
  }

  /** Bytes dropped from the middle so far. */
  get omittedBytes(): number {
    return this.omitted;
  }

  /** Bytes currently kept. */
  get retainedBytes(): number {
    return this.headBytes + this.tailBytes;
  }

  push(chunk: Buffer): void {
    let rest = chunk;
    const headRoom = this.headBudget - this.headBytes;
    if (headRoom > 0) {
      const part = rest.subarray(0, headRoom);
      this.head.push(part);
      this.headBytes += part.length;
      rest = rest.subarray(part.length);
    }
    if (rest.length > 0) this.pushTail(rest);
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.head, ...this.tail], this.retainedBytes);
  }

  /**
   * Returns the kept bytes (head then tail, no marker) and empties the buffer, whose head then
   * fills again with later output: what a session poll reads.
   */
  drain(): Buffer {
    const bytes = this.toBuffer();
    this.head.length = 0;
    this.headBytes = 0;
    this.tail = [];
    this.tailBytes = 0;
    this.omitted = 0;
    return bytes;
  }

  /** The kept bytes as UTF-8 text; invalid sequences (e.g. at the cut) become U+FFFD. */
  toString(): string {
    return this.toBuffer().toString('utf8');
  }

  /**
   * Like toString, but when bytes were dropped the gap is marked on a line of its own, as the
   * Rust Codex does: `<head>\n... N bytes omitted ...\n<tail>`.
   */
  toStringWithOmissionMarker(): string {
    if (this.omitted === 0) return this.toString();
    const head = Buffer.concat(this.head, this.headBytes).toString('utf8');
    const tail = Buffer.concat(this.tail, this.tailBytes).toString('utf8');
    return `${head}\n... ${this.omitted} bytes omitted ...\n${tail}`;
  }

  private pushTail(chunk: Buffer): void {
    if (this.tailBudget === 0) {
      this.omitted += chunk.length;
      return;
    }
    if (chunk.length >= this.tailBudget) {
      this.omitted += this.tailBytes + chunk.length - this.tailBudget;
      this.tail = [chunk.subarray(chunk.length - this.tailBudget)];
      this.tailBytes = this.tailBudget;
      return;
    }
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    this.trimTail();
    if (this.tail.length > MAX_TAIL_CHUNKS) this.tail = [Buffer.concat(this.tail, this.tailBytes)];
  }

  private trimTail(): void {
    let excess = this.tailBytes - this.tailBudget;
    while (excess > 0) {
      const front = this.tail[0];
      if (front === undefined) break;
      if (front.length <= excess) {
        this.tail.shift();
        excess -= front.length;
        this.tailBytes -= front.length;
        this.omitted += front.length;
      } else {
        this.tail[0] = front.subarray(excess);
        this.tailBytes -= excess;
        this.omitted += excess;
        excess = 0;
      }
    }
  }
}
