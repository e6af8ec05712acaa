import type { ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { spawnPreparedCommand, type PreparedCommand } from '@codex-ts/sandboxing';
import { killProcessGroup } from '../unified-exec/process-group.js';
import { collect, type CappedOutput } from './capped-output.js';
import { CommandExecNoTerminalError, CommandExecStdinError } from './command-exec-errors.js';
import type { CommandExecTerminalSize } from './command-exec-types.js';

/**
 * After the process exits, how long to keep reading output that processes it left in the
 * background may still write to the inherited pipes (Rust's `IO_DRAIN_TIMEOUT_MS`).
 */
export const COMMAND_EXEC_IO_DRAIN_MS = 2_000;

/** Where a command's output goes, per stream. */
export interface OutputSinks {
  stdout: CappedOutput;
  stderr: CappedOutput;
}

/** A spawned command, piped or on a pseudo-terminal, before time limits are applied. */
export interface CommandExecChild {
  readonly pid: number;
  write(data: Buffer): Promise<void>;
  closeStdin(): void;
  resize(size: CommandExecTerminalSize): void;
  /** SIGKILL to the process group. */
  kill(): void;
  /** The exit code (-1 after a signal) once the process exited and its output was read. */
  readonly finished: Promise<number>;
}

/**
 * Spawns `prepared` with stdout and stderr piped into `sinks` and stdin piped (`streamStdin`)
 * or on /dev/null, as the leader of a new process group. Resolves once it runs; rejects with
 * the spawn error when it cannot start.
 */
export function spawnPipeChild(
  prepared: PreparedCommand,
  cwd: string,
  streamStdin: boolean,
  sinks: OutputSinks,
): Promise<CommandExecChild> {
  return new Promise<CommandExecChild>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawnPreparedCommand(prepared, {
        cwd,
        stdio: [streamStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
      });
    } catch (err) {
      reject(err as Error);
      return;
    }
    const streamsDone = Promise.all([
      collect(child.stdout, sinks.stdout),
      collect(child.stderr, sinks.stderr),
    ]);
    const finished = new Promise<number>((resolveFinished) => {
      child.once('exit', (code) => {
        // Background processes may hold the pipes open; stop waiting for them after a while.
        const drain = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
        }, COMMAND_EXEC_IO_DRAIN_MS);
        void streamsDone.then(() => {
          clearTimeout(drain);
          resolveFinished(code ?? -1);
        });
      });
    });
    const stdin = streamStdin ? new StdinPipe(child.stdin) : null;
    child.once('spawn', () => {
      resolve({
        pid: child.pid ?? -1,
        write: (data) =>
          stdin ? stdin.write(data) : Promise.reject(new CommandExecStdinError('not_streamed')),
        closeStdin() {
          if (!stdin) throw new CommandExecStdinError('not_streamed');
          stdin.close();
        },
        resize() {
          throw new CommandExecNoTerminalError();
        },
        kill: () => killProcessGroup(child.pid, () => child.kill('SIGKILL')),
        finished,
      });
    });
    child.once('error', (err) => {
      if (child.pid === undefined) reject(err);
    });
  });
}

/** The writing end of a child's stdin pipe. */
class StdinPipe {
  private closed = false;

  constructor(private readonly pipe: Writable | null) {
    // EPIPE once the command stopped reading: later writes fail with "already closed".
    pipe?.on('error', () => {
      this.closed = true;
    });
  }

  write(data: Buffer): Promise<void> {
    const pipe = this.pipe;
    if (this.closed || pipe === null || pipe.destroyed || pipe.writableEnded) {
      return Promise.reject(new CommandExecStdinError('closed'));
    }
    return new Promise((resolve, reject) => {
      pipe.write(data, (err) => {
        if (err) reject(new CommandExecStdinError('closed', { cause: err }));
        else resolve();
      });
    });
  }

  /** Idempotent, as in Rust. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pipe?.end();
  }
}
