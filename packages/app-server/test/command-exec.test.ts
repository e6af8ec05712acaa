import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGone } from './helpers/command-exec-session.js';
import {
  RecordingExecThreadManager,
  useProcessorServer,
  type ExecResult,
} from './helpers/processor-server.js';

const server = useProcessorServer();
const unsandboxed = { type: 'dangerFullAccess' } as const;

describe('command/exec: running a command', () => {
  it('answers the exit code with stdout and stderr captured apart', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'printf "to out"; printf "to err" >&2; exit 3'],
      cwd,
      sandboxPolicy: unsandboxed,
    });
    expect(result).toEqual({ exitCode: 3, stdout: 'to out', stderr: 'to err' });
  });

  it('runs in the given cwd, resolving a relative one against the server cwd', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const absolute = await client.call<ExecResult>('command/exec', {
      command: ['pwd'],
      cwd,
      sandboxPolicy: unsandboxed,
    });
    expect(absolute.stdout.trim()).toBe(cwd);
    const relative = await client.call<ExecResult>('command/exec', {
      command: ['pwd'],
      cwd: 'packages',
      sandboxPolicy: unsandboxed,
    });
    expect(relative.stdout.trim()).toBe(join(process.cwd(), 'packages'));
  });

  it('builds the environment from shell_environment_policy, then the client overrides', async () => {
    const client = await server.start({
      env: { PATH: process.env['PATH'], KEEP_ME: 'kept', API_TOKEN: 'secret', DROP_ME: 'x' },
    });
    const result = await client.call<ExecResult>('command/exec', {
      command: [
        'sh',
        '-c',
        'echo "${KEEP_ME-unset} ${API_TOKEN-unset} ${DROP_ME-unset} ${ADDED-unset}"',
      ],
      cwd: await server.scratch(),
      env: { ADDED: 'added', DROP_ME: null },
      sandboxPolicy: unsandboxed,
    });
    // `*TOKEN*` names are dropped by the default excludes of the policy.
    expect(result.stdout).toBe('kept unset unset added\n');
  });

  it('uses the thread manager runner with the defaults: 10 s, 1 MiB, configured sandbox', async () => {
    await writeFile(join(server.home.path, 'config.toml'), 'sandbox_mode = "danger-full-access"\n');
    const manager = new RecordingExecThreadManager();
    const client = await server.start({ threadManager: manager });
    const cwd = await server.scratch();
    const result = await client.call<ExecResult>('command/exec', { command: ['true'], cwd });
    expect(result.exitCode).toBe(0);
    expect(manager.execRequests).toHaveLength(1);
    expect(manager.execRequests[0]).toMatchObject({
      argv: ['true'],
      cwd,
      timeoutMs: 10_000,
      outputBytesCap: 1024 * 1024,
      sandbox: { mode: 'danger-full-access', cwd: process.cwd() },
      env: { overrides: {} },
    });
  });

  it('reports -1 for a process a signal ended', async () => {
    const client = await server.start();
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'kill -9 $$'],
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    expect(result.exitCode).toBe(-1);
  });
});

describe('command/exec: time limit', () => {
  it('kills the whole process group at the timeout and reports exit code 124', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const started = Date.now();
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'echo started; sleep 30 & echo $! > bg.pid; wait'],
      cwd,
      timeoutMs: 300,
      sandboxPolicy: unsandboxed,
    });
    expect(result.exitCode).toBe(124);
    expect(result.stdout).toBe('started\n');
    expect(Date.now() - started).toBeLessThan(5_000);
    const pid = Number((await readFile(join(cwd, 'bg.pid'), 'utf8')).trim());
    expect(await isGone(pid)).toBe(true);
  });

  it('lets a command run past the default with disableTimeout', async () => {
    const manager = new RecordingExecThreadManager();
    const client = await server.start({ threadManager: manager });
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'sleep 0.2; echo done'],
      cwd: await server.scratch(),
      disableTimeout: true,
      sandboxPolicy: unsandboxed,
    });
    expect(result).toEqual({ exitCode: 0, stdout: 'done\n', stderr: '' });
    expect(manager.execRequests[0]?.timeoutMs).toBeNull();
  });
});

describe('command/exec: output caps', () => {
  it('keeps at most outputBytesCap bytes of each stream', async () => {
    const client = await server.start();
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'yes o | head -c 5000; yes e | head -c 3000 >&2; echo tail'],
      cwd: await server.scratch(),
      outputBytesCap: 100,
      sandboxPolicy: unsandboxed,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('o\n'.repeat(50));
    expect(result.stderr).toBe('e\n'.repeat(50));
  });

  it('caps at 1 MiB by default and not at all with disableOutputCap', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const big = ['sh', '-c', 'head -c 1500000 /dev/zero | tr "\\0" x'];
    const capped = await client.call<ExecResult>('command/exec', {
      command: big,
      cwd,
      sandboxPolicy: unsandboxed,
    });
    expect(capped.stdout.length).toBe(1024 * 1024);
    const full = await client.call<ExecResult>('command/exec', {
      command: big,
      cwd,
      disableOutputCap: true,
      sandboxPolicy: unsandboxed,
    });
    expect(full.stdout.length).toBe(1_500_000);
  });
});

describe('command/exec: errors', () => {
  it('names the field of invalid params', async () => {
    const client = await server.start();
    const cases: Array<[unknown, number, RegExp]> = [
      [{}, -32602, /command\/exec: command: Required/],
      [{ command: 'ls' }, -32602, /command: /],
      [{ command: [] }, -32600, /command must not be empty/],
      [{ command: ['ls'], timeoutMs: -1 }, -32602, /timeoutMs: must not be negative/],
      [{ command: ['ls'], timeoutMs: 5, disableTimeout: true }, -32602, /timeoutMs: cannot/],
      [
        { command: ['ls'], outputBytesCap: 5, disableOutputCap: true },
        -32602,
        /outputBytesCap: cannot/,
      ],
      [{ command: ['ls'], size: { rows: 10, cols: 80 } }, -32602, /size: only valid with tty/],
      [{ command: ['ls'], outputBytesCap: -3 }, -32602, /outputBytesCap: /],
      [{ command: ['ls'], sandboxPolicy: { type: 'bogus' } }, -32602, /sandboxPolicy/],
      [
        { command: ['ls'], sandboxPolicy: { type: 'workspaceWrite', writableRoots: ['rel'] } },
        -32602,
        /sandboxPolicy\.writableRoots\[0\]: must be an absolute path/,
      ],
      [{ command: ['cat'], streamStdin: true }, -32600, /require a client-supplied processId/],
    ];
    for (const [params, code, message] of cases) {
      const error = await client.callError('command/exec', params);
      expect({ params, code: error.code }).toEqual({ params, code });
      expect(error.message).toMatch(message);
    }
  });

  it('answers an internal error naming the program when it cannot start', async () => {
    const client = await server.start();
    const error = await client.callError('command/exec', {
      command: ['no-such-program-for-command-exec'],
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    expect(error.code).toBe(-32603);
    expect(error.message).toBe(
      'command/exec: failed to start "no-such-program-for-command-exec": no such file or directory',
    );
    expect(error.data).toEqual({ code: 'command_exec_spawn_failed' });
  });

  it('answers an internal error for a working directory that does not exist', async () => {
    const client = await server.start();
    const missing = join(await server.scratch(), 'missing');
    const error = await client.callError('command/exec', {
      command: ['true'],
      cwd: missing,
      sandboxPolicy: unsandboxed,
    });
    expect(error.code).toBe(-32603);
    expect(error.message).toBe(`command/exec: working directory ${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });

  it('answers an internal error saying why when no sandbox can run here', async () => {
    const manager = new RecordingExecThreadManager();
    manager.startCommandExec = () =>
      Promise.reject(
        Object.assign(new Error('bubblewrap is not installed'), { code: 'sandbox_unavailable' }),
      );
    const client = await server.start({ threadManager: manager });
    const error = await client.callError('command/exec', {
      command: ['true'],
      sandboxPolicy: { type: 'readOnly' },
    });
    expect(error).toEqual({
      code: -32603,
      message: 'command/exec: the command cannot be sandboxed here: bubblewrap is not installed',
      data: { code: 'sandbox_unavailable' },
    });
  });

  it('stays usable after errors', async () => {
    const client = await server.start();
    await client.callError('command/exec', { command: [] });
    const result = await client.call<ExecResult>('command/exec', {
      command: ['echo', 'ok'],
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    expect(result.stdout).toBe('ok\n');
  });
});
