/**
 * The incomplete last line of a stream, kept as pieces so that a long line arriving in many
 * small deltas costs linear time (no re-concatenation per delta).
 */
export class PartialLine {
  private pieces: string[] = [];
  private length = 0;

  /** Adds a delta; returns the lines it completed (without their `\n` or `\r\n`). */
  feed(delta: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = delta.indexOf('\n'); nl >= 0; nl = delta.indexOf('\n', start)) {
      this.pieces.push(delta.slice(start, nl));
      lines.push(stripCr(this.pieces.join('')));
      this.pieces = [];
      this.length = 0;
      start = nl + 1;
    }
    if (start < delta.length) {
      this.pieces.push(delta.slice(start));
      this.length += delta.length - start;
    }
    return lines;
  }

  /** The rest at the end of the stream, or null when the stream ended with a newline. */
  takeRest(): string | null {
    if (this.length === 0) return null;
    const rest = stripCr(this.pieces.join(''));
    this.pieces = [];
    this.length = 0;
    return rest;
  }

  /** The last `max` characters of the incomplete line (what the live area shows of it). */
  suffix(max: number): string {
    const parts: string[] = [];
    let length = 0;
    for (let i = this.pieces.length - 1; i >= 0 && length < max; i--) {
      const piece = this.pieces[i] ?? '';
      parts.push(piece);
      length += piece.length;
    }
    const out = parts.reverse().join('');
    return out.length > max ? out.slice(out.length - max) : out;
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
