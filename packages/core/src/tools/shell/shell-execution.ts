import type { TruncationPolicy } from '@codex-ts/utils';
import { isLikelySandboxDenial } from '../../exec-gate/sandbox-denial.js';
import { CommandExecutionReporter } from '../exec-command/command-execution-reporter.js';
import {
  abortReason,
  preflightCommand,
  type CommandInvocation,
} from '../exec-command/command-invocation.js';
import { EXEC_OUTPUT_MAX_BYTES } from '../exec-command/exec-command-args.js';
import { lastLine, launchFor, runGated, type Attempt } from '../exec-command/gated-execution.js';
import { HeadTailBuffer } from '../exec-command/head-tail-buffer.js';
import { runCommand } from '../exec-command/run-command.js';
import { rethrowSpawnFailure } from '../exec-command/spawn-failure.js';
import type { ToolCallContext, ToolResult } from '../tool-types.js';
import type { ShellCommonArgs } from './shell-args.js';
import type { ShellRunResult } from './shell-output-format.js';

/** One call of a shell tool, reduced to what both tools share. */
export interface ShellExecution {
  toolName: string;
  argv: string[];
  args: ShellCommonArgs;
  truncation: TruncationPolicy;
  /** Renders the finished run for the model (JSON for `shell`, text for `shell_command`). */
  format(run: ShellRunResult, truncation: TruncationPolicy): string;
}

/**
 * Runs one command of the `shell` / `shell_command` tools to completion: the same checks, exec
 * gate, sandbox and escalation path as exec_command (an apply_patch heredoc is applied as a
 * patch), but no session: the process group is killed at `timeout_ms` (exit code 124) or when
 * the turn is interrupted. The item is a `commandExecution` with source `agent`.
 */
export async function runShellExecution(
  exec: ShellExecution,
  ctx: ToolCallContext,
): Promise<ToolResult> {
  const pre = await preflightCommand(
    {
      toolName: exec.toolName,
      argv: exec.argv,
      workdir: exec.args.workdir,
      sandboxPermissions: exec.args.sandboxPermissions,
      justification: exec.args.justification,
      prefixRule: exec.args.prefixRule,
    },
    ctx,
  );
  if (pre.kind === 'patch') return pre.result;
  const { invocation } = pre;
  const reporter = new CommandExecutionReporter(ctx, {
    command: invocation.display,
    cwd: invocation.cwd,
    processId: null,
    source: 'agent',
  });
  reporter.started();
  const outcome = await runGated<ShellRunResult>(
    invocation,
    reporter,
    ctx,
    (sandboxed) => attempt(exec, invocation, reporter, ctx, sandboxed),
    () => {},
  );
  if (outcome.kind === 'notRun') return outcome.result;
  const run = outcome.value;
  const ok = run.exitCode === 0 && !run.timedOut;
  reporter.completed({
    status: ok ? 'completed' : 'failed',
    exitCode: run.exitCode,
    aggregatedOutput: run.output,
    durationMs: Math.round(run.durationMs),
  });
  return { output: exec.format(run, exec.truncation), success: ok };
}

async function attempt(
  exec: ShellExecution,
  invocation: CommandInvocation,
  reporter: CommandExecutionReporter,
  ctx: ToolCallContext,
  sandboxed: boolean,
): Promise<Attempt<ShellRunResult>> {
  const prepared = await launchFor(invocation, { ...ctx.turn.env }, sandboxed, reporter, ctx);
  if ('notRun' in prepared) return { kind: 'notRun', result: prepared.notRun };
  const { launch } = prepared;
  const transcript = new HeadTailBuffer(EXEC_OUTPUT_MAX_BYTES);
  try {
    const result = await runCommand({
      argv: [launch.file, ...launch.args],
      cwd: invocation.cwd,
      env: launch.env,
      timeoutMs: exec.args.timeoutMs,
      signal: ctx.signal,
      ...(launch.extraFds ? { extraFds: launch.extraFds } : {}),
      ...(launch.createdMountPoints ? { createdMountPoints: launch.createdMountPoints } : {}),
      onOutput: (text) => {
        transcript.push(Buffer.from(text, 'utf8'));
        reporter.output(text);
      },
    });
    const output = transcript.toStringWithOmissionMarker();
    if (result.aborted) {
      reporter.completed({
        status: 'failed',
        exitCode: null,
        aggregatedOutput: output,
        durationMs: Math.round(result.durationMs),
      });
      throw abortReason(ctx.signal);
    }
    const denied = sandboxed && isLikelySandboxDenial(result.exitCode, result.timedOut, output);
    return {
      kind: 'ran',
      value: {
        exitCode: result.exitCode,
        durationMs: result.durationMs,
        timedOut: result.timedOut,
        timeoutMs: exec.args.timeoutMs,
        output,
      },
      sandboxDenial: denied ? lastLine(output) : null,
    };
  } catch (err) {
    rethrowSpawnFailure(err, exec.toolName, invocation, reporter);
  }
}
