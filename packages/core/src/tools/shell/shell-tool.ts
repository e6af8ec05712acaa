import type { ToolSpec } from '@codex-ts/protocol';
import type { TruncationPolicy } from '@codex-ts/utils';
import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../unified-exec/unified-exec-limits.js';
import {
  ToolCallError,
  type ToolCallContext,
  type ToolHandler,
  type ToolPayload,
  type ToolResult,
} from '../tool-types.js';
import { parseShellArgs, parseShellCommandArgs } from './shell-args.js';
import { runShellExecution } from './shell-execution.js';
import { formatShellFreeform, formatShellStructured } from './shell-output-format.js';
import {
  SHELL_COMMAND_TOOL_NAME,
  SHELL_TOOL_NAME,
  shellCommandToolSpec,
  shellToolSpec,
} from './shell-spec.js';

export interface ShellToolOptions {
  /** How the output is cut for the model (the model's truncation policy); default 10000 tokens. */
  truncation?: TruncationPolicy;
}

const DEFAULT_TRUNCATION: TruncationPolicy = { kind: 'tokens', limit: DEFAULT_MAX_OUTPUT_TOKENS };

/** `shell`: runs `command` (an argv) and answers with the Rust Codex's JSON layout. */
export class ShellTool implements ToolHandler {
  readonly name = SHELL_TOOL_NAME;
  readonly spec: ToolSpec = shellToolSpec();

  constructor(private readonly truncation: TruncationPolicy) {}

  async handle(payload: ToolPayload, ctx: ToolCallContext): Promise<ToolResult> {
    if (payload.kind !== 'function') {
      throw new ToolCallError(`unsupported payload for shell handler: ${this.name}`);
    }
    const args = parseShellArgs(payload.arguments);
    return runShellExecution(
      {
        toolName: this.name,
        argv: args.command,
        args,
        truncation: this.truncation,
        format: formatShellStructured,
      },
      ctx,
    );
  }
}

/**
 * `shell_command`: runs `command` as a script of the user's shell (`<shell> -lc <command>`, or
 * `-c` with `login: false`) and answers with the freeform `Exit code / Wall time / Output` text.
 */
export class ShellCommandTool implements ToolHandler {
  readonly name = SHELL_COMMAND_TOOL_NAME;
  readonly spec: ToolSpec = shellCommandToolSpec();

  constructor(private readonly truncation: TruncationPolicy) {}

  async handle(payload: ToolPayload, ctx: ToolCallContext): Promise<ToolResult> {
    if (payload.kind !== 'function') {
      throw new ToolCallError(`unsupported payload for shell_command handler: ${this.name}`);
    }
    const args = parseShellCommandArgs(payload.arguments);
    const argv = [ctx.turn.shell.path, args.login === false ? '-c' : '-lc', args.command];
    return runShellExecution(
      {
        toolName: this.name,
        argv,
        args,
        truncation: this.truncation,
        format: formatShellFreeform,
      },
      ctx,
    );
  }
}

/** The `shell` tool (argv commands) for the router. */
export function createShellTool(options: ShellToolOptions = {}): ShellTool {
  return new ShellTool(options.truncation ?? DEFAULT_TRUNCATION);
}

/** The `shell_command` tool (one script for the user's shell) for the router. */
export function createShellCommandTool(options: ShellToolOptions = {}): ShellCommandTool {
  return new ShellCommandTool(options.truncation ?? DEFAULT_TRUNCATION);
}
