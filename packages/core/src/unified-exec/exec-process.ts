import type { ChildProcess } from 'node:child_process';
import { spawnPreparedCommand } from '@codex-ts/sandboxing';
import type { LaunchSpec } from '../exec-gate/exec-gate-deps.js';
import { CommandSpawnError, pipeDecoded } from '../tools/exec-command/run-command.js';
import { StdinClosedError } from './unified-exec-errors.js';
import { killProcessGroup } from './process-group.js';

/**
 * After the main process exits, how long to keep reading output that processes it left in the
 * background may still write to the inherited pipes before the run counts as finished.
 */
const PIPE_DRAIN_GRACE_MS = 250;

/** What a running command reports. Listeners are called asynchronously, never during spawn. */
export interface ExecProcessHandlers {
  /** Decoded output (stdout and stderr, or the terminal) in arrival order; never splits a character. */
  onOutput(text: string): void;
  /**
   * The command is over: it exited and its output has been read. The exit code is the
   * program's, or -1 when a signal killed it (as the Rust Codex reports it).
   */
  onFinish(exitCode: number): void;
}

/** A spawned command of a unified exec session: piped (stdin closed) or on a pseudo-terminal. */
export interface ExecProcess {
  readonly pid: number;
  readonly tty: boolean;
  /** Sends input to the terminal; a piped command has no stdin (StdinClosedError). */
  write(data: string): Promise<void>;
  /** SIGKILL to the command's whole process group. Finishing is still reported by onFinish. */
  terminate(): void;
}

/**
 * Spawns `launch` with stdin on /dev/null and stdout/stderr piped, as the leader of a new process
 * group. Resolves once the process runs; a command that cannot start rejects with
 * CommandSpawnError.
 */
export function spawnPipeProcess(
  launch: LaunchSpec,
  cwd: string,
  handlers: ExecProcessHandlers,
): Promise<ExecProcess> {
  return new Promise<ExecProcess>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawnPreparedCommand(
        {
          file: launch.file,
          args: launch.args,
          env: launch.env,
          kind: 'none',
          extraFds: [...(launch.extraFds ?? [])],
          createdMountPoints: [...(launch.createdMountPoints ?? [])],
        },
        { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
      );
    } catch (err) {
      reject(new CommandSpawnError((err as Error).message, { cause: err }));
      return;
    }
    let finished = false;
    let exitCode: number | null = null;
    let drainTimer: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (finished || exitCode === null) return;
      finished = true;
      clearTimeout(drainTimer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      handlers.onFinish(exitCode);
    };
    child.once('spawn', () => {
      const pid = child.pid ?? -1;
      resolve({
        pid,
        tty: false,
        write: () => Promise.reject(new StdinClosedError()),
        terminate: () => killProcessGroup(child.pid, () => child.kill('SIGKILL')),
      });
    });
    child.once('error', (err) => {
      if (child.pid === undefined) reject(new CommandSpawnError(err.message, { cause: err }));
    });
    child.once('exit', (code) => {
      exitCode = code ?? -1;
      // Background processes may hold the pipes open; stop waiting for them after a grace period.
      drainTimer = setTimeout(finish, PIPE_DRAIN_GRACE_MS);
    });
    child.once('close', finish);
    pipeDecoded(child.stdout, handlers.onOutput);
    pipeDecoded(child.stderr, handlers.onOutput);
  });
}
