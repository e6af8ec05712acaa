import type { LaunchSpec } from '../../exec-gate/exec-gate-deps.js';
import type { GateVerdict } from '../../exec-gate/exec-gate.js';
import type { ToolCallContext, ToolResult } from '../tool-types.js';
import { abortReason, type CommandInvocation } from './command-invocation.js';
import type { CommandExecutionReporter } from './command-execution-reporter.js';
import { notRunMessage } from './run-outcome.js';

/** One run of the command: its result, or why it did not run (already reported). */
export type Attempt<T> =
  | {
      kind: 'ran';
      value: T;
      /** Set when a sandboxed run failed the way the sandbox makes commands fail: the last line. */
      sandboxDenial: string | null;
    }
  | { kind: 'notRun'; result: ToolResult };

export type GatedOutcome<T> = { kind: 'ran'; value: T } | { kind: 'notRun'; result: ToolResult };

/**
 * The approval and sandbox flow every command tool shares: the exec gate decides (rules,
 * approval policy, the user's answer); the command runs inside the turn's sandbox unless it was
 * approved to run outside it; a sandboxed run that failed like a sandbox denial may be retried
 * unsandboxed with the user's approval (the denied run is then `discard`ed). `attempt` runs
 * the command once; the item of `reporter` was started by the caller.
 */
export async function runGated<T>(
  invocation: CommandInvocation,
  reporter: CommandExecutionReporter,
  ctx: ToolCallContext,
  attempt: (sandboxed: boolean) => Promise<Attempt<T>>,
  discard: (value: T) => void,
): Promise<GatedOutcome<T>> {
  const gate = ctx.services.execGate;
  let verdict = await decide(() => gate.check(invocation.gate, ctx), reporter, ctx);
  if (verdict.type !== 'run') return notRun(verdict, reporter, ctx);
  const first = await attempt(verdict.sandboxed);
  if (first.kind === 'notRun') return first;
  if (!verdict.sandboxed || first.sandboxDenial === null) return first;
  const failure = first.sandboxDenial;
  verdict = await decide(() => gate.retryUnsandboxed(invocation.gate, ctx, failure), reporter, ctx);
  if (verdict.type === 'cancelled') return notRun(verdict, reporter, ctx);
  if (verdict.type !== 'run') return first;
  discard(first.value);
  const retried = await attempt(false);
  return retried.kind === 'notRun' ? retried : { kind: 'ran', value: retried.value };
}

/**
 * What to spawn: the command wrapped in the turn's sandbox, or as it is. A sandbox that cannot
 * run here becomes output for the model (and completes the item as failed).
 */
export async function launchFor(
  invocation: CommandInvocation,
  env: Record<string, string>,
  sandboxed: boolean,
  reporter: CommandExecutionReporter,
  ctx: ToolCallContext,
): Promise<{ launch: LaunchSpec } | { notRun: ToolResult }> {
  const { argv, cwd } = invocation;
  if (!sandboxed) {
    return { launch: { file: argv[0] ?? '', args: argv.slice(1), env, sandbox: 'none' } };
  }
  try {
    return {
      launch: await ctx.services.sandbox.prepare({ argv, cwd, env }, ctx.turn.sandboxPolicy),
    };
  } catch (err) {
    const message = notRunMessage({ type: 'unavailable', reason: (err as Error).message });
    reporter.completed({
      status: 'failed',
      exitCode: null,
      aggregatedOutput: message,
      durationMs: null,
    });
    return { notRun: { output: message, success: false } };
  }
}

/** The last line of a failed run's output: what the retry question quotes. */
export function lastLine(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

/** Runs a gate decision; if the turn ends while it waits (an approval), closes the item. */
async function decide(
  question: () => Promise<GateVerdict>,
  reporter: CommandExecutionReporter,
  ctx: ToolCallContext,
): Promise<GateVerdict> {
  try {
    return await question();
  } catch (err) {
    if (ctx.signal.aborted) {
      reporter.completed({
        status: 'declined',
        exitCode: null,
        aggregatedOutput: '',
        durationMs: null,
      });
    }
    throw err;
  }
}

function notRun(
  verdict: { type: 'rejected'; reason: string } | { type: 'declined' } | { type: 'cancelled' },
  reporter: CommandExecutionReporter,
  ctx: ToolCallContext,
): { kind: 'notRun'; result: ToolResult } {
  if (verdict.type === 'cancelled') {
    reporter.completed({
      status: 'declined',
      exitCode: null,
      aggregatedOutput: '',
      durationMs: null,
    });
    ctx.cancelTurn();
    throw abortReason(ctx.signal);
  }
  const message = notRunMessage(verdict);
  reporter.completed({
    status: 'declined',
    exitCode: null,
    aggregatedOutput: message,
    durationMs: null,
  });
  return { kind: 'notRun', result: { output: message, success: false } };
}
