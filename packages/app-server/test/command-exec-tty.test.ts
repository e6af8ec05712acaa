import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonRpcSuccess } from '@codex-ts/protocol';
import { describe, expect, it } from 'vitest';
import {
  checked,
  deltasOf,
  isGone,
  stdoutOf,
  waitForStdout,
} from './helpers/command-exec-session.js';
import { useProcessorServer } from './helpers/processor-server.js';

const server = useProcessorServer();
const unsandboxed = { type: 'dangerFullAccess' } as const;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
/** Whether bubblewrap can build a sandbox on this host (user namespaces allowed). */
const bwrapWorks =
  process.platform === 'linux' &&
  spawnSync('bwrap', ['--ro-bind', '/', '/', '--dev', '/dev', 'true']).status === 0;

describe.skipIf(process.platform === 'win32')('command/exec: tty', () => {
  it('runs on a terminal of the given size, echoes input and follows resizes', async () => {
    const client = await server.start();
    const running = client.request(
      'command/exec',
      checked('command/exec', {
        command: ['sh', '-c', 'stty size; read line; stty size; echo "got $line"'],
        processId: 'tty-1',
        tty: true,
        size: { rows: 30, cols: 100 },
        cwd: await server.scratch(),
        sandboxPolicy: unsandboxed,
      }),
    );
    await waitForStdout(client, 'tty-1', /30 100\r\n/);
    const resize = checked('command/exec/resize', {
      processId: 'tty-1',
      size: { rows: 40, cols: 120 },
    });
    expect(await client.call('command/exec/resize', resize)).toEqual({});
    await client.call('command/exec/write', { processId: 'tty-1', deltaBase64: b64('hello\r') });
    expect(((await running) as JsonRpcSuccess).result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    // The terminal echoed the input, translated CR to LF for `read`, and saw the new size.
    expect(stdoutOf(client, 'tty-1')).toBe('30 100\r\nhello\r\n40 120\r\ngot hello\r\n');
    expect(deltasOf(client, 'tty-1').every((d) => d.stream === 'stdout')).toBe(true);
  });

  it('gives stdin, stdout and stderr the terminal, 80x24 by default', async () => {
    const client = await server.start();
    const result = await client.call('command/exec', {
      command: ['sh', '-c', 'test -t 0 && test -t 1 && test -t 2 && stty size'],
      processId: 'tty-default',
      tty: true,
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(stdoutOf(client, 'tty-default')).toBe('24 80\r\n');
  });

  it('terminate kills the process group of the terminal', async () => {
    const client = await server.start();
    const running = client.request('command/exec', {
      command: ['sh', '-c', 'sleep 60 & echo "pids $$ $!"; wait'],
      processId: 'tty-kill',
      tty: true,
      disableTimeout: true,
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    const [, leader, background] = await waitForStdout(client, 'tty-kill', /pids (\d+) (\d+)/);
    const terminate = checked('command/exec/terminate', { processId: 'tty-kill' });
    expect(await client.call('command/exec/terminate', terminate)).toEqual({});
    expect(((await running) as JsonRpcSuccess).result).toEqual({
      exitCode: -1,
      stdout: '',
      stderr: '',
    });
    expect(await isGone(Number(leader))).toBe(true);
    expect(await isGone(Number(background))).toBe(true);
  });

  it('applies the time limit to terminal commands too', async () => {
    const client = await server.start();
    const result = await client.call('command/exec', {
      command: ['sleep', '30'],
      processId: 'tty-timeout',
      tty: true,
      timeoutMs: 200,
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    expect(result).toEqual({ exitCode: 124, stdout: '', stderr: '' });
  });
});

describe.skipIf(!bwrapWorks)('command/exec: tty and stdin under the bubblewrap sandbox', () => {
  it('runs a terminal command read-only', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const target = join(cwd, 'blocked.txt');
    const result = await client.call('command/exec', {
      command: ['sh', '-c', `stty size; (echo x > '${target}') 2>/dev/null || echo denied`],
      processId: 'tty-sandboxed',
      tty: true,
      size: { rows: 12, cols: 34 },
      cwd,
      sandboxPolicy: { type: 'readOnly' },
    });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(stdoutOf(client, 'tty-sandboxed')).toBe('12 34\r\ndenied\r\n');
    expect(existsSync(target)).toBe(false);
  });

  it('streams stdin and output of a sandboxed pipe command', async () => {
    const client = await server.start();
    const running = client.request('command/exec', {
      command: ['tr', 'a-z', 'A-Z'],
      processId: 'pipe-sandboxed',
      streamStdin: true,
      streamStdoutStderr: true,
      cwd: await server.scratch(),
      sandboxPolicy: { type: 'readOnly' },
    });
    await client.call('command/exec/write', {
      processId: 'pipe-sandboxed',
      deltaBase64: b64('quiet\n'),
      closeStdin: true,
    });
    expect(((await running) as JsonRpcSuccess).result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect(stdoutOf(client, 'pipe-sandboxed')).toBe('QUIET\n');
  });
});
