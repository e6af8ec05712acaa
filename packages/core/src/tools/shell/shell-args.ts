import { JsonArgs, type SandboxPermissions } from '../exec-command/json-args.js';

/** `timeout_ms` when absent, as in the Rust Codex. */
export const DEFAULT_SHELL_TIMEOUT_MS = 10_000;

/** What both shell tools ask for, besides the command itself. */
export interface ShellCommonArgs {
  workdir: string | null;
  timeoutMs: number;
  sandboxPermissions: SandboxPermissions;
  justification: string | null;
  prefixRule: string[] | null;
}

/** `shell` arguments: the argv to run. */
export interface ShellArgs extends ShellCommonArgs {
  command: string[];
}

/** `shell_command` arguments: a script for the user's shell. */
export interface ShellCommandArgs extends ShellCommonArgs {
  command: string;
  login: boolean | null;
}

function commonArgs(args: JsonArgs): ShellCommonArgs {
  return {
    workdir: args.string('workdir'),
    timeoutMs: args.count('timeout_ms') ?? DEFAULT_SHELL_TIMEOUT_MS,
    sandboxPermissions: args.sandboxPermissions(),
    justification: args.string('justification'),
    prefixRule: args.stringArray('prefix_rule'),
  };
}

export function parseShellArgs(json: string): ShellArgs {
  const args = JsonArgs.parse(json);
  const command = args.requiredStringArray('command');
  return { command, ...commonArgs(args) };
}

export function parseShellCommandArgs(json: string): ShellCommandArgs {
  const args = JsonArgs.parse(json);
  const command = args.requiredString('command');
  return { command, login: args.boolean('login'), ...commonArgs(args) };
}
