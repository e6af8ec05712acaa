import type { CommandExecutionStatus, ThreadItem } from '@codex-ts/protocol';
import type { ToolCallContext } from '../tool-types.js';

type CommandExecutionItem = Extract<ThreadItem, { type: 'commandExecution' }>;

/** Largest output delta sent in one notification, in UTF-16 units (about 8 KiB of text). */
const MAX_DELTA_LENGTH = 8 * 1024;
/** A call sends at most this many deltas; the full output still arrives with item/completed. */
const MAX_DELTAS_PER_CALL = 10_000;

export interface CommandExecutionStart {
  command: string;
  cwd: string;
  /** The unified exec session id (`exec_command`), or null for one-shot tools (`shell`). */
  processId: string | null;
  /** `unifiedExecStartup` for exec_command, `agent` for the shell tools. */
  source: CommandExecutionItem['source'];
}

export interface CommandExecutionEnd {
  status: CommandExecutionStatus;
  exitCode: number | null;
  aggregatedOutput: string;
  durationMs: number | null;
}

/**
 * Emits the `commandExecution` item of one tool call: `item/started`, output deltas and
 * `item/completed`, with the call id as the item id. A unified exec session keeps using the
 * reporter of the `exec_command` call that started it: its later output and its completion
 * belong to that item.
 */
export class CommandExecutionReporter {
  private deltas = 0;
  private done = false;

  constructor(
    private readonly ctx: ToolCallContext,
    private readonly start: CommandExecutionStart,
  ) {}

  started(): void {
    const { threadId, turnId } = this.ctx.turn;
    this.ctx.emit({
      method: 'item/started',
      params: { threadId, turnId, item: this.item(null), startedAtMs: Date.now() },
    });
  }

  output(text: string): void {
    if (this.done) return;
    const { threadId, turnId } = this.ctx.turn;
    for (const delta of splitForDeltas(text)) {
      if (this.deltas >= MAX_DELTAS_PER_CALL) return;
      this.deltas++;
      this.ctx.emit({
        method: 'item/commandExecution/outputDelta',
        params: { threadId, turnId, itemId: this.ctx.callId, delta },
      });
    }
  }

  /** Completes the item; only the first call emits (a session may finish after a cancel). */
  completed(end: CommandExecutionEnd): void {
    if (this.done) return;
    this.done = true;
    const { threadId, turnId } = this.ctx.turn;
    this.ctx.emit({
      method: 'item/completed',
      params: { threadId, turnId, item: this.item(end), completedAtMs: Date.now() },
    });
  }

  private item(end: CommandExecutionEnd | null): CommandExecutionItem {
    return {
      type: 'commandExecution',
      id: this.ctx.callId,
      command: this.start.command,
      cwd: this.start.cwd,
      processId: this.start.processId,
      source: this.start.source,
      status: end?.status ?? 'inProgress',
      // A real command parser (read / listFiles / search) comes later.
      commandActions: [{ type: 'unknown', command: this.start.command }],
      aggregatedOutput: end?.aggregatedOutput ?? null,
      exitCode: end?.exitCode ?? null,
      durationMs: end?.durationMs ?? null,
    };
  }
}

/** Splits long text into pieces of at most MAX_DELTA_LENGTH without splitting surrogate pairs. */
function splitForDeltas(text: string): string[] {
  if (text.length <= MAX_DELTA_LENGTH) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + MAX_DELTA_LENGTH, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
