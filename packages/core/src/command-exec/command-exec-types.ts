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
  /**
   * Run on a pseudo-terminal (`size`, else 80x24): its output is the `stdout` stream, and
   * stdin is open as with `streamStdin`.
   */
  tty?: boolean;
  size?: CommandExecTerminalSize;
  /** Keep stdin open (a pipe) for `CommandExecProcess.write`; else it is /dev/null. */
  streamStdin?: boolean;
  /**
   * Streams the output: each chunk (at most the cap per stream, in arrival order) is passed
   * here instead of being captured, and the result's `stdout` and `stderr` are empty.
   */
  onOutput?: (chunk: CommandExecOutputChunk) => void;
}

/** PTY size in character cells. */
export interface CommandExecTerminalSize {
  rows: number;
  cols: number;
}

export type CommandExecStream = 'stdout' | 'stderr';

/** A piece of streamed output. */
export interface CommandExecOutputChunk {
  stream: CommandExecStream;
  data: Buffer;
  /** The cap of this stream is reached: this is its last chunk, later output is dropped. */
  capReached: boolean;
}

/**
 * A started `command/exec` command. Its process leads a process group (a session on a PTY) of
 * its own, so terminating it (or its time limit) kills everything it started.
 */
export interface CommandExecProcess {
  readonly pid: number;
  readonly tty: boolean;
  /** How the command is confined: `none`, `bwrap`, `landlock` or `seatbelt`. */
  readonly sandbox: string;
  /**
   * Writes bytes to stdin (the terminal with `tty`). Rejects with CommandExecStdinError when
   * stdin is not streamed or already closed.
   */
  write(data: Buffer): Promise<void>;
  /** Closes stdin (EOF for a pipe; no more writes to a terminal). Same errors as `write`. */
  closeStdin(): void;
  /** Resizes the terminal; throws CommandExecNoTerminalError without `tty`. */
  resize(size: CommandExecTerminalSize): void;
  /** SIGKILL to the process group; `result` still settles once the output is drained. */
  terminate(): void;
  /** Settles once the process exited and its output was read; never rejects. */
  readonly result: Promise<CommandExecResult>;
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
