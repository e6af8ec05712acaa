import { Readable, Writable } from 'node:stream';

/** Ink's "begin/end synchronized update" sequences: it brackets every frame and every write. */
const BEGIN_SYNC = '\u001b[?2026h';
const END_SYNC = '\u001b[?2026l';

/** Called around each synchronized update Ink writes (a frame, or history written above it). */
export interface SyncUpdateHooks {
  begin(): void;
  end(): void;
}

/**
 * A terminal for Ink to draw on: a Writable that says it is a TTY of a fixed size and keeps
 * nothing but counts, plus (while capturing) the text written, for the key-echo check. Every
 * write is seen synchronously (`_write` calls back at once), so the synchronized-update brackets
 * Ink writes mark exactly the synchronous work of one frame or one history write.
 */
export class FakeTtyOutput extends Writable {
  readonly isTTY = true;
  bytes = 0;
  writes = 0;
  hooks: SyncUpdateHooks | null = null;
  private captured: string[] | null = null;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super({ decodeStrings: false });
  }

  hasColors(): boolean {
    return true;
  }

  getColorDepth(): number {
    return 8;
  }

  /** Starts collecting written text (replacing what was collected before). */
  capture(): void {
    this.captured = [];
  }

  /** Everything written since `capture()`. */
  capturedText(): string {
    return this.captured?.join('') ?? '';
  }

  override _write(
    chunk: string | Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.writes += 1;
    this.bytes += Buffer.byteLength(text);
    if (text === BEGIN_SYNC) this.hooks?.begin();
    else if (text === END_SYNC) this.hooks?.end();
    else if (this.captured !== null) this.captured.push(text);
    callback();
  }
}

/**
 * The keyboard: a Readable that says it is a TTY in raw mode; `type()` delivers bytes the way a
 * terminal does (Ink reads them on 'readable').
 */
export class FakeTtyInput extends Readable {
  readonly isTTY = true;
  isRaw = false;

  constructor() {
    super({ encoding: 'utf8' });
  }

  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  override _read(): void {
    // Data arrives through type().
  }

  type(bytes: string): void {
    this.push(bytes);
  }
}
