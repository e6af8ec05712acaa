import type { ThreadTokenUsage } from '@codex-ts/protocol';
import type { HistoryCell, RenderContext } from '../cells/history-cell.js';
import { renderCell } from '../cells/index.js';

/** What the status line and the session header show about the running thread. */
export interface SessionInfo {
  threadId: string;
  model: string;
  effort: string | null;
  cwd: string;
  approvalPolicy: string;
  sandbox: string;
  modelProvider: string;
}

/** A cell still in progress (a running command, a tool call): shown in the live area. */
export interface LiveCell {
  id: string;
  cell: HistoryCell;
}

export interface RunningTurn {
  id: string;
  startedAtMs: number;
}

/** The live part of the chat: everything the bottom of the screen renders. */
export interface ChatSnapshot {
  session: SessionInfo | null;
  turn: RunningTurn | null;
  /** The status header ("Working", or the reasoning summary's current heading). */
  statusHeader: string;
  live: readonly LiveCell[];
  /** Rendered lines of the streaming agent message not yet committed to scrollback. */
  streamTail: readonly string[];
  tokenUsage: ThreadTokenUsage | null;
}

type Listener = () => void;
type CommitSink = (lines: string[]) => void;

/**
 * The chat's state outside React: the notification handler and the session controller write to
 * it, the Ink app reads snapshots (`useSyncExternalStore`). Finished output is "committed": its
 * rendered lines go to the commit sink (printed once above the live area, into scrollback) and
 * into the transcript kept for the Ctrl+T overlay.
 */
export class ChatStore {
  private snapshot: ChatSnapshot = {
    session: null,
    turn: null,
    statusHeader: 'Working',
    live: [],
    streamTail: [],
    tokenUsage: null,
  };
  private readonly listeners = new Set<Listener>();
  private sink: CommitSink | null = null;
  /** Committed lines not yet handed to the sink. */
  private pending: string[] = [];
  private flushScheduled = false;
  private readonly transcriptLines: string[] = [];
  private batchDepth = 0;
  private changedInBatch = false;

  constructor(private ctx: RenderContext) {}

  get renderContext(): RenderContext {
    return this.ctx;
  }

  setRenderContext(ctx: RenderContext): void {
    this.ctx = ctx;
  }

  getSnapshot = (): ChatSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  update(patch: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    if (this.batchDepth > 0) this.changedInBatch = true;
    else this.emit();
  }

  /**
   * Runs `fn` as one frame's worth of changes: lines it commits reach the sink together, and
   * listeners hear of its updates once, after those lines (one redraw of the live area).
   */
  batch(fn: () => void): void {
    this.batchDepth += 1;
    try {
      fn();
    } finally {
      this.batchDepth -= 1;
      if (this.batchDepth === 0) {
        this.flushCommits();
        if (this.changedInBatch) {
          this.changedInBatch = false;
          this.emit();
        }
      }
    }
  }

  /** Every committed line so far (the transcript overlay's content). */
  get transcript(): readonly string[] {
    return this.transcriptLines;
  }

  /**
   * Where committed lines go (written above the live area); lines committed before a sink
   * exists are held for it.
   */
  setCommitSink(sink: CommitSink | null): void {
    this.sink = sink;
    if (this.pending.length > 0) this.scheduleFlush();
  }

  /** Renders a finished cell and commits it, followed by a blank separator line. */
  commitCell(cell: HistoryCell): void {
    this.commitLines([...renderCell(cell, this.ctx), '']);
  }

  /**
   * Commits lines: they join the transcript now and reach the sink at the end of the running
   * batch, or on the next turn of the event loop (commits made meanwhile go together).
   */
  commitLines(lines: readonly string[]): void {
    if (lines.length === 0) return;
    for (const line of lines) {
      this.transcriptLines.push(line);
      this.pending.push(line);
    }
    if (this.batchDepth === 0) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushCommits();
    });
  }

  private flushCommits(): void {
    if (!this.sink || this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    this.sink(lines);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  setLive(id: string, cell: HistoryCell): void {
    const live = this.snapshot.live.filter((c) => c.id !== id);
    const index = this.snapshot.live.findIndex((c) => c.id === id);
    if (index >= 0) live.splice(index, 0, { id, cell });
    else live.push({ id, cell });
    this.update({ live });
  }

  liveCell(id: string): HistoryCell | null {
    return this.snapshot.live.find((c) => c.id === id)?.cell ?? null;
  }

  removeLive(id: string): void {
    if (!this.snapshot.live.some((c) => c.id === id)) return;
    this.update({ live: this.snapshot.live.filter((c) => c.id !== id) });
  }
}
