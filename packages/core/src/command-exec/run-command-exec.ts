import type { ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { spawnPreparedCommand, type PreparedCommand } from '@codex-ts/sandboxing';
import { createSandboxLauncher } from '../exec-gate/sandbox-launcher.js';
import { buildChildEnv } from '../thread/child-env.js';
import { killProcessGroup } from '../unified-exec/process-group.js';
import { CappedOutput, collect } from './capped-output.js';
import { CommandExecSpawnError } from './command-exec-errors.js';
import type {
  CommandExecEnv,
  CommandExecRequest,
  CommandExecResult,
  CommandExecRunnerOptions,
} from './command-exec-types.js';

/** Exit code reported for a command its time limit stopped (as `timeout(1)`, and Rust). */
export const COMMAND_EXEC_TIMEOUT_EXIT_CODE = 124;
/**
 * After the process exits, how long to keep reading output that processes it left in the
 * background may still write to the inherited pipes (Rust's `IO_DRAIN_TIMEOUT_MS`).
 */
export const COMMAND_EXEC_IO_DRAIN_MS = 2_000;

/**
 * Runs a one-off command to completion: stdin closed, stdout and stderr captured separately up
 * to the cap, inside the requested sandbox. The command leads a process group of its own, so the
 * time limit (or an abort) kills it and everything it started. Throws `CommandExecSpawnError`
 * when it cannot start, and the sandbox's typed error when no sandbox can run here.
 */
export async function runCommandExec(
  request: CommandExecRequest,
  options: CommandExecRunnerOptions = {},
): Promise<CommandExecResult> {
  const program = request.argv[0];
  if (program === undefined || program === '') {
    throw new CommandExecSpawnError('the command is empty');
  }
  await assertDirectory(request.cwd);
  const env = commandExecEnv(request.env);
  const prepared = await prepare(request, env, options);
  return spawnAndCapture(request, prepared);
}

/** The server environment filtered by `shell_environment_policy`, then the client's overrides. */
export function commandExecEnv(spec: CommandExecEnv): Record<string, string> {
  const env = buildChildEnv(spec.policy, spec.base);
  for (const [name, value] of Object.entries(spec.overrides)) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  return env;
}

async function prepare(
  request: CommandExecRequest,
  env: Record<string, string>,
  options: CommandExecRunnerOptions,
): Promise<PreparedCommand & { sandbox: string }> {
  const [file = '', ...args] = request.argv;
  if (request.sandbox === null || request.sandbox.mode === 'danger-full-access') {
    return { file, args, env, kind: 'none', sandbox: 'none' };
  }
  const launcher = createSandboxLauncher({
    helperCommand: options.helperCommand ?? null,
    ...(options.linuxMethod ? { linuxMethod: options.linuxMethod } : {}),
  });
  const launch = await launcher.prepare(
    { argv: request.argv, cwd: request.cwd, env },
    request.sandbox,
  );
  return {
    file: launch.file,
    args: launch.args,
    env: launch.env,
    kind: 'none',
    sandbox: launch.sandbox,
    extraFds: [...(launch.extraFds ?? [])],
    createdMountPoints: [...(launch.createdMountPoints ?? [])],
  };
}

function spawnAndCapture(
  request: CommandExecRequest,
  prepared: PreparedCommand & { sandbox: string },
): Promise<CommandExecResult> {
  const program = request.argv[0] ?? '';
  return new Promise<CommandExecResult>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawnPreparedCommand(prepared, {
        cwd: request.cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
      });
    } catch (err) {
      reject(spawnError(program, err));
      return;
    }
    const stdout = new CappedOutput(request.outputBytesCap);
    const stderr = new CappedOutput(request.outputBytesCap);
    const streamsDone = Promise.all([collect(child.stdout, stdout), collect(child.stderr, stderr)]);
    let timedOut = false;
    const kill = (): void => killProcessGroup(child.pid, () => child.kill('SIGKILL'));
    const timer =
      request.timeoutMs === null
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            kill();
          }, request.timeoutMs);
    const signal = request.signal;
    const cleanup = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
    };
    if (signal?.aborted) kill();
    else signal?.addEventListener('abort', kill, { once: true });

    child.once('error', (err) => {
      if (child.pid !== undefined) return;
      cleanup();
      reject(spawnError(program, err));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const exitCode = timedOut ? COMMAND_EXEC_TIMEOUT_EXIT_CODE : (code ?? -1);
      // Background processes may hold the pipes open; stop waiting for them after a while.
      const drain = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, COMMAND_EXEC_IO_DRAIN_MS);
      void streamsDone.then(() => {
        clearTimeout(drain);
        cleanup();
        resolve({
          exitCode,
          stdout: stdout.text(),
          stderr: stderr.text(),
          timedOut,
          sandbox: prepared.sandbox,
        });
      });
    });
  });
}

async function assertDirectory(cwd: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(cwd)).isDirectory();
  } catch (err) {
    throw new CommandExecSpawnError(`working directory ${cwd} does not exist`, { cause: err });
  }
  if (!isDirectory) throw new CommandExecSpawnError(`working directory ${cwd} is not a directory`);
}

function spawnError(program: string, err: unknown): CommandExecSpawnError {
  const code = (err as { code?: unknown }).code;
  const why =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES'
        ? 'permission denied'
        : err instanceof Error
          ? err.message
          : String(err);
  return new CommandExecSpawnError(`failed to start ${JSON.stringify(program)}: ${why}`, {
    cause: err,
  });
}
