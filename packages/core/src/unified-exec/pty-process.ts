import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdMountPoints } from '@codex-ts/sandboxing';
import type * as NodePtyModule from '@lydell/node-pty';
import type { IPty } from '@lydell/node-pty';
import type { LaunchSpec } from '../exec-gate/exec-gate-deps.js';
import { CommandSpawnError } from '../tools/exec-command/run-command.js';
import type { ExecProcess, ExecProcessHandlers } from './exec-process.js';
import { killProcessGroup } from './process-group.js';
import { SessionWriteError } from './unified-exec-errors.js';
import { PTY_COLUMNS, PTY_ROWS } from './unified-exec-limits.js';

type NodePty = typeof NodePtyModule;
let nodePty: Promise<NodePty> | null = null;

/** node-pty (a native addon) is loaded on the first `tty: true` command only. */
function loadNodePty(): Promise<NodePty> {
  nodePty ??= import('@lydell/node-pty');
  return nodePty;
}

/** Size and output encoding of a pseudo-terminal opened by `openPty`. */
export interface PtyOptions {
  rows: number;
  cols: number;
  /**
   * Deliver output as raw bytes (`Buffer` chunks) instead of UTF-8 text, for callers that pass
   * the bytes on unchanged (`command/exec` streams them base64-encoded).
   */
  raw?: boolean;
}

/**
 * Spawns `launch` on a new pseudo-terminal. The command leads a new session whose controlling
 * terminal is that PTY, so it can be killed as a process group like a piped one. Descriptors
 * the sandbox wants to pass (bubblewrap reads its seccomp program from fd 3) cannot be handed
 * through node-pty; they are written to a private temporary file that a small `/bin/sh`
 * trampoline opens on the right descriptor (and deletes) before it execs the command. What the
 * spawn left on disk is removed once the command exits (before later `onExit` listeners run).
 * Throws CommandSpawnError when node-pty cannot load or spawn.
 */
export async function openPty(launch: LaunchSpec, cwd: string, options: PtyOptions): Promise<IPty> {
  let pty: NodePty;
  try {
    pty = await loadNodePty();
  } catch (err) {
    throw new CommandSpawnError(`cannot allocate a pseudo-terminal: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const trampoline = withFdTrampoline(launch);
  // Directories bubblewrap creates as mount points are removed again after the last user exits.
  const releaseMountPoints = holdMountPoints(launch.createdMountPoints ?? []);
  let child: IPty;
  try {
    child = pty.spawn(trampoline.file, trampoline.args, {
      cols: options.cols,
      rows: options.rows,
      cwd,
      env: launch.env,
      ...(options.raw === true ? { encoding: null } : {}),
    });
  } catch (err) {
    trampoline.cleanup();
    releaseMountPoints();
    throw new CommandSpawnError((err as Error).message, { cause: err });
  }
  child.onExit(() => {
    trampoline.cleanup();
    releaseMountPoints();
  });
  return child;
}

/** Spawns `launch` on a new 80x24 pseudo-terminal as a unified exec process (see `openPty`). */
export async function spawnPtyProcess(
  launch: LaunchSpec,
  cwd: string,
  handlers: ExecProcessHandlers,
): Promise<ExecProcess> {
  const child = await openPty(launch, cwd, { cols: PTY_COLUMNS, rows: PTY_ROWS });
  let writable = true;
  child.onData((text) => {
    if (text !== '') handlers.onOutput(text);
  });
  child.onExit(({ exitCode, signal }) => {
    writable = false;
    // node-pty reports the exit once the terminal is drained: all output has been delivered.
    handlers.onFinish(signal !== undefined && signal !== 0 ? -1 : exitCode);
  });
  return {
    pid: child.pid,
    tty: true,
    write(data) {
      if (!writable) return Promise.reject(new SessionWriteError());
      try {
        child.write(data);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(new SessionWriteError({ cause: err }));
      }
    },
    terminate: () => killProcessGroup(child.pid, () => child.kill('SIGKILL')),
  };
}

interface Trampoline {
  file: string;
  args: string[];
  cleanup(): void;
}

function withFdTrampoline(launch: LaunchSpec): Trampoline {
  const fds = launch.extraFds ?? [];
  if (fds.length === 0) return { file: launch.file, args: launch.args, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'codex-pty-fds-'));
  const files = fds.map(({ childFd, data }) => {
    const path = join(dir, `fd-${childFd}`);
    writeFileSync(path, data, { mode: 0o600 });
    return path;
  });
  // `sh -c SCRIPT sh FILE... PROGRAM ARGS...`: open each file on its descriptor, remove the
  // files, drop them from the arguments and exec the real command with the descriptors open.
  const opens = fds.map(({ childFd }, i) => `exec ${childFd}<"$${i + 1}" || exit 127`);
  const script = [
    ...opens,
    `rm -f -- ${files.map((_, i) => `"$${i + 1}"`).join(' ')}`,
    `shift ${files.length}`,
    'exec "$@"',
  ].join('\n');
  return {
    file: '/bin/sh',
    args: ['-c', script, 'sh', ...files, launch.file, ...launch.args],
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
