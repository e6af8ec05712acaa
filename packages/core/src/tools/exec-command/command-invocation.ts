import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { shellQuoteJoin } from '@codex-ts/utils';
import type { GateRequest } from '../../exec-gate/exec-gate.js';
import { runPatch } from '../apply-patch/apply-patch-tool.js';
import { parsePatchInvocation } from '../apply-patch/patch-invocation.js';
import { ToolCallError, type ToolCallContext, type ToolResult } from '../tool-types.js';
import { escalationRejectedMessage } from './escalation-message.js';
import type { SandboxPermissions } from './json-args.js';

/** What a command tool (exec_command, shell, shell_command) asks to run. */
export interface CommandRequest {
  /** Names the tool in error messages (`exec_command failed: ...`). */
  toolName: string;
  argv: string[];
  /** As the model gave it: absolute, or relative to the turn cwd. */
  workdir: string | null;
  sandboxPermissions: SandboxPermissions;
  justification: string | null;
  prefixRule: string[] | null;
}

/** A command that passed the checks that need no approval and no process. */
export interface CommandInvocation {
  toolName: string;
  argv: string[];
  cwd: string;
  /** The quoted command line shown to the user and in the item. */
  display: string;
  gate: GateRequest;
}

export type Preflight =
  { kind: 'patch'; result: ToolResult } | { kind: 'command'; invocation: CommandInvocation };

/**
 * The checks every command tool makes before it asks the exec gate: an escalation the approval
 * policy cannot grant, a NUL byte, a turn that is already over, a missing working directory.
 * A patch sent through the shell (`apply_patch <<'EOF' ... EOF`) is applied as a patch, with
 * its checks and events, never run as a shell script.
 */
export async function preflightCommand(
  req: CommandRequest,
  ctx: ToolCallContext,
): Promise<Preflight> {
  const { turn } = ctx;
  const escalationRequested = req.sandboxPermissions !== 'use_default';
  if (escalationRequested && turn.approvalPolicy === 'never') {
    throw new ToolCallError(escalationRejectedMessage(turn.approvalPolicy));
  }
  if (req.argv.length === 0 || req.argv[0] === '') {
    throw new ToolCallError(`${req.toolName} failed: the command is empty`);
  }
  const cwd = req.workdir ? resolvePath(turn.cwd, req.workdir) : turn.cwd;
  if (req.argv.some((arg) => arg.includes('\0'))) {
    throw new ToolCallError(`${req.toolName} failed: the command line contains a NUL character`);
  }
  const display = shellQuoteJoin(req.argv);
  if (ctx.signal.aborted) throw abortReason(ctx.signal);
  const patch = parsePatchInvocation(req.argv);
  if (patch !== null) {
    const result = await runPatch(patch.patch, resolvePath(cwd, patch.cd ?? '.'), ctx);
    return { kind: 'patch', result };
  }
  if (!(await isDirectory(cwd))) {
    throw new ToolCallError(
      `${req.toolName} failed: workdir \`${cwd}\` is not an existing directory`,
    );
  }
  return {
    kind: 'command',
    invocation: {
      toolName: req.toolName,
      argv: req.argv,
      cwd,
      display,
      gate: {
        argv: req.argv,
        cwd,
        display,
        escalationRequested,
        justification: req.justification,
        prefixRule: req.prefixRule,
      },
    },
  };
}

/** The reason an aborted turn gives, as an Error to rethrow. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The operation was aborted', 'AbortError');
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
