import { stat } from 'node:fs/promises';
import type { LaunchSpec } from '../exec-gate/exec-gate-deps.js';
import { createSandboxLauncher } from '../exec-gate/sandbox-launcher.js';
import { buildChildEnv } from '../thread/child-env.js';
import { CappedOutput, type OutputDelivery } from './capped-output.js';
import { CommandExecSpawnError } from './command-exec-errors.js';
import type {
  CommandExecEnv,
  CommandExecProcess,
  CommandExecRequest,
  CommandExecResult,
  CommandExecRunnerOptions,
  CommandExecStream,
} from './command-exec-types.js';
import { spawnPipeChild, type CommandExecChild } from './pipe-child.js';
import { COMMAND_EXEC_DEFAULT_PTY_SIZE, spawnPtyChild } from './pty-child.js';

export { COMMAND_EXEC_IO_DRAIN_MS } from './pipe-child.js';

/** Exit code reported for a command its time limit stopped (as `timeout(1)`, and Rust). */
export const COMMAND_EXEC_TIMEOUT_EXIT_CODE = 124;

/**
 * Runs a one-off command to completion (see `startCommandExec`) and resolves with its result.
 * Throws `CommandExecSpawnError` when it cannot start, and the sandbox's typed error when no
 * sandbox can run here.
 */
export async function runCommandExec(
  request: CommandExecRequest,
  options: CommandExecRunnerOptions = {},
): Promise<CommandExecResult> {
  return (await startCommandExec(request, options)).result;
}

/**
 * Starts a one-off command inside the requested sandbox: piped (stdin on /dev/null unless
 * `streamStdin`) or on a pseudo-terminal (`tty`), its output captured or streamed up to the cap
 * per stream. The command leads a process group of its own, so the time limit, an abort or
 * `terminate` kill it and everything it started. Resolves once it runs. Throws
 * `CommandExecSpawnError` when it cannot start, and the sandbox's typed error when no sandbox
 * can run here.
 */
export async function startCommandExec(
  request: CommandExecRequest,
  options: CommandExecRunnerOptions = {},
): Promise<CommandExecProcess> {
  const program = request.argv[0];
  if (program === undefined || program === '') {
    throw new CommandExecSpawnError('the command is empty');
  }
  await assertDirectory(request.cwd);
  const launch = await prepare(request, commandExecEnv(request.env), options);
  const sinks = {
    stdout: new CappedOutput(request.outputBytesCap, delivery(request, 'stdout')),
    stderr: new CappedOutput(request.outputBytesCap, delivery(request, 'stderr')),
  };
  const tty = request.tty === true;
  let child: CommandExecChild;
  try {
    child = tty
      ? await spawnPtyChild(
          launch,
          request.cwd,
          request.size ?? COMMAND_EXEC_DEFAULT_PTY_SIZE,
          sinks.stdout,
        )
      : await spawnPipeChild(
          {
            file: launch.file,
            args: launch.args,
            env: launch.env,
            kind: 'none',
            extraFds: [...(launch.extraFds ?? [])],
            createdMountPoints: [...(launch.createdMountPoints ?? [])],
          },
          request.cwd,
          request.streamStdin === true,
          sinks,
        );
  } catch (err) {
    throw spawnError(program, err);
  }
  return supervise(request, child, tty, launch.sandbox, sinks);
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

function delivery(
  request: CommandExecRequest,
  stream: CommandExecStream,
): OutputDelivery | undefined {
  const onOutput = request.onOutput;
  if (!onOutput) return undefined;
  return (data, capReached) => onOutput({ stream, data, capReached });
}

/** Applies the time limit and the abort signal; settles `result` once the child finished. */
function supervise(
  request: CommandExecRequest,
  child: CommandExecChild,
  tty: boolean,
  sandbox: string,
  sinks: { stdout: CappedOutput; stderr: CappedOutput },
): CommandExecProcess {
  let timedOut = false;
  const kill = (): void => child.kill();
  const timer =
    request.timeoutMs === null
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          kill();
        }, request.timeoutMs);
  const signal = request.signal;
  if (signal?.aborted) kill();
  else signal?.addEventListener('abort', kill, { once: true });
  const result = child.finished.then((code): CommandExecResult => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', kill);
    return {
      exitCode: timedOut ? COMMAND_EXEC_TIMEOUT_EXIT_CODE : code,
      stdout: sinks.stdout.text(),
      stderr: sinks.stderr.text(),
      timedOut,
      sandbox,
    };
  });
  return {
    pid: child.pid,
    tty,
    sandbox,
    write: (data) => child.write(data),
    closeStdin: () => child.closeStdin(),
    resize: (size) => child.resize(size),
    terminate: kill,
    result,
  };
}

async function prepare(
  request: CommandExecRequest,
  env: Record<string, string>,
  options: CommandExecRunnerOptions,
): Promise<LaunchSpec> {
  const [file = '', ...args] = request.argv;
  if (request.sandbox === null || request.sandbox.mode === 'danger-full-access') {
    return { file, args, env, sandbox: 'none' };
  }
  const launcher = createSandboxLauncher({
    helperCommand: options.helperCommand ?? null,
    ...(options.linuxMethod ? { linuxMethod: options.linuxMethod } : {}),
  });
  return launcher.prepare({ argv: request.argv, cwd: request.cwd, env }, request.sandbox);
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
