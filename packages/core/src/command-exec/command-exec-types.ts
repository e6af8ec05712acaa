import type { ShellEnvironmentPolicy } from '@codex-ts/config';
import type { SandboxPolicyInput } from '../exec-gate/exec-gate-deps.js';

/** What the environment of a one-off command is built from. */
export interface CommandExecEnv {
  /** `shell_environment_policy` of the config. */
  policy: ShellEnvironmentPolicy;
  /** The server's own environment, filtered by `policy`. */
  base: Record<string, string | undefined>;
  /** The client's overrides, applied last: a string sets a variable, `null` unsets it. */
  overrides: Record<string, string | null>;
}

/** A one-off command for a client (`command/exec`), outside any thread. */
export interface CommandExecRequest {
  /** Non-empty argv; `argv[0]` is looked up in the command's `PATH`. */
  argv: string[];
  /** Absolute working directory; it must exist. */
  cwd: string;
  env: CommandExecEnv;
  /**
   * The sandbox to confine the command in; `null` (or `danger-full-access`) runs it as it is.
   * `cwd` of the policy is the directory `workspace-write` makes writable.
   */
  sandbox: SandboxPolicyInput | null;
  /** The process group is killed after this many milliseconds; `null`: no time limit. */
  timeoutMs: number | null;
  /** Bytes kept per stream (stdout, stderr); later output is dropped. `null`: no cap. */
  outputBytesCap: number | null;
  /** Aborting kills the process group (a client that went away). */
  signal?: AbortSignal;
}

export interface CommandExecResult {
  /** The exit code; 124 after a timeout, -1 when a signal ended the process. */
  exitCode: number;
  /** Captured stdout as UTF-8 (invalid sequences replaced), at most the cap in bytes. */
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** How the command was confined: `none`, `bwrap`, `landlock` or `seatbelt`. */
  sandbox: string;
}

/** How this host sandboxes commands (the same settings the thread manager uses). */
export interface CommandExecRunnerOptions {
  /** argv prefix running `codex __landlock-exec`, the Landlock fallback; null: bubblewrap only. */
  helperCommand?: string[] | null;
  linuxMethod?: 'auto' | 'bwrap' | 'landlock';
}
