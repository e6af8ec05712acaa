import type { ToolSpec } from '@codex-ts/protocol';
import { isLikelySandboxDenial } from '../../exec-gate/sandbox-denial.js';
import type { ExecSession } from '../../unified-exec/exec-session.js';
import { UNIFIED_EXEC_ENV, startExecSession } from '../../unified-exec/start-session.js';
import {
  ToolCallError,
  type ToolCallContext,
  type ToolHandler,
  type ToolPayload,
  type ToolResult,
} from '../tool-types.js';
import { clampYieldTime, parseExecCommandArgs, type ExecCommandArgs } from './exec-command-args.js';
import { EXEC_COMMAND_TOOL_NAME, execCommandToolSpec } from './exec-command-spec.js';
import { CommandExecutionReporter } from './command-execution-reporter.js';
import { abortReason, preflightCommand, type CommandInvocation } from './command-invocation.js';
import { lastLine, launchFor, runGated, type Attempt } from './gated-execution.js';
import { sessionResponse, type SessionRun } from './session-response.js';
import { rethrowSpawnFailure } from './spawn-failure.js';

/**
 * `exec_command`: runs `cmd` through a shell (`<shell> -lc <cmd>`) as a unified exec session.
 * The exec gate decides first and the command runs in the turn's sandbox (see runGated). The
 * call waits up to `yield_time_ms` (clamped to 250..30000 ms) or until the command finishes;
 * a command still running then keeps running, and the answer carries its session id for
 * `write_stdin`. With `tty: true` the command gets a pseudo-terminal, so it can be typed into.
 */
export class ExecCommandTool implements ToolHandler {
  readonly name = EXEC_COMMAND_TOOL_NAME;
  readonly spec: ToolSpec = execCommandToolSpec();

  async handle(payload: ToolPayload, ctx: ToolCallContext): Promise<ToolResult> {
    if (payload.kind !== 'function') {
      throw new ToolCallError('exec_command handler received unsupported payload');
    }
    const args = parseExecCommandArgs(payload.arguments);
    const argv = [args.shell || ctx.turn.shell.path, args.login === false ? '-c' : '-lc', args.cmd];
    const pre = await preflightCommand(
      {
        toolName: EXEC_COMMAND_TOOL_NAME,
        argv,
        workdir: args.workdir,
        sandboxPermissions: args.sandboxPermissions,
        justification: args.justification,
        prefixRule: args.prefixRule,
      },
      ctx,
    );
    if (pre.kind === 'patch') return pre.result;
    const { invocation } = pre;
    const sessions = ctx.services.execSessions;
    const id = sessions.allocateId();
    try {
      const reporter = new CommandExecutionReporter(ctx, {
        command: invocation.display,
        cwd: invocation.cwd,
        processId: String(id),
        source: 'unifiedExecStartup',
      });
      reporter.started();
      const outcome = await runGated<SessionRun>(
        invocation,
        reporter,
        ctx,
        (sandboxed) => this.attempt({ id, args, invocation, reporter, ctx }, sandboxed),
        (run) => run.session.discard(),
      );
      if (outcome.kind === 'notRun') return outcome.result;
      outcome.value.session.release();
      return sessionResponse(outcome.value, args.maxOutputTokens);
    } finally {
      sessions.releaseId(id);
    }
  }

  /** Starts the command as session `id` and reads its output until the yield time is up. */
  private async attempt(call: AttemptCall, sandboxed: boolean): Promise<Attempt<SessionRun>> {
    const { id, args, invocation, reporter, ctx } = call;
    const sessions = ctx.services.execSessions;
    const env = { ...ctx.turn.env, ...UNIFIED_EXEC_ENV };
    const prepared = await launchFor(invocation, env, sandboxed, reporter, ctx);
    if ('notRun' in prepared) return { kind: 'notRun', result: prepared.notRun };
    let session: ExecSession;
    try {
      session = await startExecSession(
        sessions,
        { id, tty: args.tty, command: invocation.display, reporter },
        prepared.launch,
        invocation.cwd,
      );
    } catch (err) {
      rethrowSpawnFailure(err, EXEC_COMMAND_TOOL_NAME, invocation, reporter);
    }
    const started = performance.now();
    const text = await session.collect(started + clampYieldTime(args.yieldTimeMs), ctx.signal);
    const wallTimeMs = performance.now() - started;
    if (ctx.signal.aborted) {
      // As in the Rust Codex an interrupted turn leaves the command running as a session
      // (killed at shutdown); its item completes when it exits.
      session.release();
      throw abortReason(ctx.signal);
    }
    const exitCode = session.exitCode;
    if (exitCode === null) {
      return { kind: 'ran', value: { session, text, wallTimeMs, exitCode }, sandboxDenial: null };
    }
    sessions.remove(id);
    const transcript = session.transcriptText();
    const denied = sandboxed && isLikelySandboxDenial(exitCode, false, transcript);
    return {
      kind: 'ran',
      value: { session, text, wallTimeMs, exitCode },
      sandboxDenial: denied ? lastLine(transcript) : null,
    };
  }
}

interface AttemptCall {
  id: number;
  args: ExecCommandArgs;
  invocation: CommandInvocation;
  reporter: CommandExecutionReporter;
  ctx: ToolCallContext;
}

/** The `exec_command` tool for the router. */
export function createExecCommandTool(): ExecCommandTool {
  return new ExecCommandTool();
}
