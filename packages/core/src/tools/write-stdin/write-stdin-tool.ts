import { setTimeout as delay } from 'node:timers/promises';
import type { ToolSpec } from '@codex-ts/protocol';
import type { ExecSession } from '../../unified-exec/exec-session.js';
import {
  SessionWriteError,
  StdinClosedError,
  UnknownSessionError,
} from '../../unified-exec/unified-exec-errors.js';
import {
  WRITE_STDIN_SETTLE_MS,
  clampWriteStdinYieldTime,
} from '../../unified-exec/unified-exec-limits.js';
import { abortReason } from '../exec-command/command-invocation.js';
import { sessionResponse } from '../exec-command/session-response.js';
import {
  ToolCallError,
  type ToolCallContext,
  type ToolHandler,
  type ToolPayload,
  type ToolResult,
} from '../tool-types.js';
import { parseWriteStdinArgs, type WriteStdinArgs } from './write-stdin-args.js';
import { WRITE_STDIN_TOOL_NAME, writeStdinToolSpec } from './write-stdin-spec.js';

/**
 * `write_stdin`: writes `chars` to the terminal of a session that `exec_command` left running
 * (only sessions started with `tty: true` have one), or just waits when `chars` is empty; then
 * returns the output produced since the last read, in the exec_command layout. A command that
 * has ended reports its exit code and the session is forgotten. No approval is asked: the
 * command passed the exec gate when it started.
 */
export class WriteStdinTool implements ToolHandler {
  readonly name = WRITE_STDIN_TOOL_NAME;
  readonly spec: ToolSpec = writeStdinToolSpec();

  async handle(payload: ToolPayload, ctx: ToolCallContext): Promise<ToolResult> {
    if (payload.kind !== 'function') {
      throw new ToolCallError('write_stdin handler received unsupported payload');
    }
    const args = parseWriteStdinArgs(payload.arguments);
    if (ctx.signal.aborted) throw abortReason(ctx.signal);
    const sessions = ctx.services.execSessions;
    let session: ExecSession;
    try {
      session = sessions.get(args.sessionId);
    } catch (err) {
      if (err instanceof UnknownSessionError) throw failed(err);
      throw err;
    }
    if (args.chars !== '') await this.write(session, args, ctx);
    const started = performance.now();
    const deadline = started + clampWriteStdinYieldTime(args.yieldTimeMs, args.chars);
    const text = await session.collect(deadline, ctx.signal);
    const wallTimeMs = performance.now() - started;
    if (ctx.signal.aborted) throw abortReason(ctx.signal);
    const exitCode = session.exitCode;
    if (exitCode !== null) sessions.remove(session.id);
    return sessionResponse({ session, text, wallTimeMs, exitCode }, args.maxOutputTokens);
  }

  private async write(
    session: ExecSession,
    args: WriteStdinArgs,
    ctx: ToolCallContext,
  ): Promise<void> {
    if (!session.tty) throw failed(new StdinClosedError());
    try {
      await session.write(args.chars);
    } catch (err) {
      // A program that has just ended cannot read any more: report its end instead.
      if (err instanceof SessionWriteError && session.finished) return;
      if (err instanceof SessionWriteError || err instanceof StdinClosedError) throw failed(err);
      throw err;
    }
    // Give the program a moment to react, so its answer is likely in this call's output.
    await delay(WRITE_STDIN_SETTLE_MS, undefined, { signal: ctx.signal }).catch(() => {});
  }
}

function failed(err: Error): ToolCallError {
  return new ToolCallError(`write_stdin failed: ${err.message}`);
}

/** The `write_stdin` tool for the router. */
export function createWriteStdinTool(): WriteStdinTool {
  return new WriteStdinTool();
}
