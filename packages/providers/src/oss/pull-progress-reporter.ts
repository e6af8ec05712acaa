import type { OllamaPullEvent } from './ollama-pull-events.js';

/** Where setup progress goes (stderr in the CLI). */
export interface ProgressSink {
  write(text: string): void;
  /** On a terminal the progress line is redrawn in place; otherwise plain lines are written. */
  isTTY?: boolean;
}

export interface PullProgressReporterOptions {
  /** Milliseconds from a monotonic clock, for the download speed (`performance.now` unless told). */
  now?: () => number;
}

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;
const CLEAR_LINE = '\x1b[2K';

interface LayerBytes {
  total: number;
  completed: number;
}

/**
 * Renders Ollama pull events the way the Rust Codex CLI does. On a TTY one line is redrawn with
 * `\r`: statuses (`pulling manifest` is skipped), then a `Downloading model: total N GB` header
 * once the size is known and `done/total GB (pct%) speed MB/s`; `success` ends the line.
 * Elsewhere (logs, pipes) each status is written once on its own line and the byte progress
 * every 10%, so a captured log stays short.
 */
export class PullProgressReporter {
  private readonly sink: ProgressSink;
  private readonly now: () => number;
  private readonly layers = new Map<string, LayerBytes>();
  private printedHeader = false;
  private lastLineLength = 0;
  private lastCompleted = 0;
  private lastInstant: number;
  private lastPlainStatus: string | null = null;
  private lastPlainDecile = -1;
  private lineOpen = false;

  constructor(sink: ProgressSink, options: PullProgressReporterOptions = {}) {
    this.sink = sink;
    this.now = options.now ?? (() => performance.now());
    this.lastInstant = this.now();
  }

  onEvent(event: OllamaPullEvent): void {
    switch (event.type) {
      case 'status':
        this.onStatus(event.status);
        return;
      case 'progress':
        this.onProgress(event);
        return;
      case 'success':
        if (this.sink.isTTY) this.endLine();
        return;
      case 'error':
        // The caller reports the error itself; only leave the cursor on a fresh line.
        this.endLine();
        return;
    }
  }

  /** Ends a half-drawn progress line (call before printing an error). */
  endLine(): void {
    if (this.lineOpen) this.sink.write('\n');
    this.lineOpen = false;
    this.lastLineLength = 0;
  }

  private onStatus(status: string): void {
    if (status.toLowerCase() === 'pulling manifest') return;
    if (this.sink.isTTY) {
      this.redraw(status);
      return;
    }
    if (status === this.lastPlainStatus) return;
    this.lastPlainStatus = status;
    this.sink.write(`${status}\n`);
  }

  private onProgress(event: Extract<OllamaPullEvent, { type: 'progress' }>): void {
    const layer = this.layers.get(event.digest) ?? { total: 0, completed: 0 };
    if (event.total !== null) layer.total = event.total;
    if (event.completed !== null) layer.completed = event.completed;
    this.layers.set(event.digest, layer);

    let total = 0;
    let completed = 0;
    for (const bytes of this.layers.values()) {
      total += bytes.total;
      completed += bytes.completed;
    }
    if (total <= 0) return;

    if (!this.printedHeader) {
      this.printedHeader = true;
      const header = `Downloading model: total ${(total / GIB).toFixed(2)} GB\n`;
      if (this.sink.isTTY) {
        this.sink.write(`\r${CLEAR_LINE}${header}`);
        this.lineOpen = false;
        this.lastLineLength = 0;
      } else {
        this.sink.write(header);
      }
    }

    const instant = this.now();
    const seconds = Math.max((instant - this.lastInstant) / 1000, 0.001);
    const speed = Math.max(completed - this.lastCompleted, 0) / MIB / seconds;
    this.lastCompleted = completed;
    this.lastInstant = instant;
    const percent = (completed * 100) / total;
    const text =
      `${(completed / GIB).toFixed(2)}/${(total / GIB).toFixed(2)} GB ` +
      `(${percent.toFixed(1)}%) ${speed.toFixed(1)} MB/s`;

    if (this.sink.isTTY) {
      this.redraw(text);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile <= this.lastPlainDecile) return;
    this.lastPlainDecile = decile;
    this.sink.write(`${text}\n`);
  }

  /** `\r` + text, padded with spaces over whatever the previous line left behind. */
  private redraw(text: string): void {
    const pad = ' '.repeat(Math.max(this.lastLineLength - text.length, 0));
    this.sink.write(`\r${text}${pad}`);
    this.lastLineLength = text.length;
    this.lineOpen = true;
  }
}
