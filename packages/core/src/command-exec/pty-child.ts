import type { LaunchSpec } from '../exec-gate/exec-gate-deps.js';
import { killProcessGroup } from '../unified-exec/process-group.js';
import { openPty } from '../unified-exec/pty-process.js';
import { CommandExecStdinError } from './command-exec-errors.js';
import type { CommandExecTerminalSize } from './command-exec-types.js';
import type { CappedOutput } from './capped-output.js';
import type { CommandExecChild } from './pipe-child.js';

/** Terminal size when the client gives none (Rust's `TerminalSize::default()`). */
export const COMMAND_EXEC_DEFAULT_PTY_SIZE: CommandExecTerminalSize = { rows: 24, cols: 80 };

/**
 * Spawns `launch` on a pseudo-terminal of `size` (unified exec's `openPty`, raw bytes). The
 * terminal's output goes to `stdout`; input is written to the terminal until `closeStdin`.
 */
export async function spawnPtyChild(
  launch: LaunchSpec,
  cwd: string,
  size: CommandExecTerminalSize,
  stdout: CappedOutput,
): Promise<CommandExecChild> {
  const pty = await openPty(launch, cwd, { rows: size.rows, cols: size.cols, raw: true });
  let stdinOpen = true;
  let exited = false;
  // With `raw`, node-pty hands out Buffers (its typings say string).
  pty.onData((data: string | Buffer) => {
    stdout.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  });
  const finished = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      exited = true;
      stdinOpen = false;
      // node-pty reports the exit once the terminal is drained: all output has been delivered.
      resolve(signal !== undefined && signal !== 0 ? -1 : exitCode);
    });
  });
  return {
    pid: pty.pid,
    write(data) {
      if (!stdinOpen) return Promise.reject(new CommandExecStdinError('closed'));
      try {
        // node-pty writes Buffers to the terminal unchanged (its typings say string).
        pty.write(data as unknown as string);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(new CommandExecStdinError('closed', { cause: err }));
      }
    },
    closeStdin() {
      stdinOpen = false;
    },
    resize(next) {
      if (exited) return;
      pty.resize(next.cols, next.rows);
    },
    kill: () => killProcessGroup(pty.pid, () => pty.kill('SIGKILL')),
    finished,
  };
}
