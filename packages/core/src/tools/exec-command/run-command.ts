import type { ChildProcess } from 'node:child_process';
import { spawnPreparedCommand } from '@codex-ts/sandboxing';
import { constants as osConstants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { killProcessGroup } from '../../unified-exec/process-group.js';

/** Exit code reported for a command stopped because its time limit ran out (as `timeout(1)`). */
export const TIMEOUT_EXIT_CODE = 124;
/**
 * After the command's main process exits, how long to keep reading output that processes it left
 * in the background may still write to the inherited pipes before we stop listening.
 */
const PIPE_DRAIN_GRACE_MS = 250;

export interface RunCommandOptions {
  argv: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /** The command's process group is killed when this elapses. */
  timeoutMs: number;
  /** Aborting kills the process group and settles the run promptly. */
  signal: AbortSignal;
  /** Decoded output (stdout and stderr) in the order it arrives; never splits a character. */
  onOutput(text: string): void;
  /** Extra descriptors to feed the child (e.g. the seccomp program bwrap reads from fd 3). */
  extraFds?: ReadonlyArray<{ childFd: number; data: Buffer }>;
  /** Mount points the sandbox may create on the host, removed again after the command. */
  createdMountPoints?: readonly string[];
}

export interface RunCommandResult {
  /** The exit code; `TIMEOUT_EXIT_CODE` on timeout, 128 + N when killed by signal N. */
  exitCode: number;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
}

/** The command could not be started (missing shell, permissions, ...). */
export class CommandSpawnError extends Error {
  readonly code = 'command_spawn_failed';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CommandSpawnError';
  }
}

/**
 * Runs `argv` to completion (the `shell` and `shell_command` tools) with stdin closed and
 * stdout/stderr piped. On POSIX the command leads a new process
 * group, so a timeout or an abort kills it and everything it started (SIGKILL to the group) and
 * leaves no orphans behind.
 */
export function runCommand(opts: RunCommandOptions): Promise<RunCommandResult> {
  const [file, ...args] = opts.argv;
  if (file === undefined) return Promise.reject(new CommandSpawnError('empty command line'));
  const started = performance.now();

  return new Promise<RunCommandResult>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawnPreparedCommand(
        {
          file,
          args,
          env: opts.env,
          kind: 'none',
          extraFds: [...(opts.extraFds ?? [])],
          createdMountPoints: [...(opts.createdMountPoints ?? [])],
        },
        {
          cwd: opts.cwd,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: process.platform !== 'win32',
        },
      );
    } catch (err) {
      reject(new CommandSpawnError((err as Error).message, { cause: err }));
      return;
    }

    let settled = false;
    let timedOut = false;
    let aborted = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let drainTimer: NodeJS.Timeout | undefined;

    const killGroup = (): void => killProcessGroup(child.pid, () => child.kill('SIGKILL'));
    const onAbort = (): void => {
      aborted = true;
      killGroup();
    };
    const timeoutTimer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);

    const cleanup = (): void => {
      clearTimeout(timeoutTimer);
      clearTimeout(drainTimer);
      opts.signal.removeEventListener('abort', onAbort);
    };

    const finish = (): void => {
      if (settled) return;
      settled = true;
      cleanup();
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve({
        exitCode: timedOut ? TIMEOUT_EXIT_CODE : exitCodeOf(exit),
        timedOut,
        aborted,
        durationMs: performance.now() - started,
      });
    };

    child.once('error', (err) => {
      if (settled) return;
      if (child.pid === undefined) {
        settled = true;
        cleanup();
        reject(new CommandSpawnError(err.message, { cause: err }));
      }
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      clearTimeout(timeoutTimer);
      // Background processes may hold the pipes open; stop waiting for them after a grace period.
      drainTimer = setTimeout(finish, PIPE_DRAIN_GRACE_MS);
    });
    child.once('close', finish);

    pipeDecoded(child.stdout, opts.onOutput);
    pipeDecoded(child.stderr, opts.onOutput);

    if (opts.signal.aborted) onAbort();
    else opts.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Feeds a pipe's output, decoded as UTF-8 without splitting characters, to `onOutput`. */
export function pipeDecoded(stream: Readable | null, onOutput: (text: string) => void): void {
  if (stream === null) return;
  const decoder = new StringDecoder('utf8');
  stream.on('data', (chunk: Buffer) => {
    const text = decoder.write(chunk);
    if (text !== '') onOutput(text);
  });
  stream.on('end', () => {
    const text = decoder.end();
    if (text !== '') onOutput(text);
  });
  // A destroyed pipe (we stop reading after exit) is not an error worth reporting.
  stream.on('error', () => {});
}

function exitCodeOf(exit: { code: number | null; signal: NodeJS.Signals | null } | null): number {
  if (exit === null) return -1;
  if (exit.code !== null) return exit.code;
  const signo = exit.signal === null ? undefined : osConstants.signals[exit.signal];
  return signo === undefined ? -1 : 128 + signo;
}
