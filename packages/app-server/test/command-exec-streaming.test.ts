import type { JsonRpcSuccess } from '@codex-ts/protocol';
import { describe, expect, it } from 'vitest';
import {
  bytesOf,
  checked,
  deltasOf,
  responseIndex,
  stdoutOf,
  waitForStdout,
} from './helpers/command-exec-session.js';
import { useProcessorServer, type ExecResult } from './helpers/processor-server.js';

const server = useProcessorServer();
const unsandboxed = { type: 'dangerFullAccess' } as const;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('command/exec: streamed output', () => {
  it('sends base64 deltas per stream, all before a response with empty stdout/stderr', async () => {
    const client = await server.start();
    const script =
      'printf "one\\n"; printf "err\\n" >&2; printf "\\377\\000\\001"; printf "two\\n"';
    const response = await client.request(
      'command/exec',
      checked('command/exec', {
        command: ['sh', '-c', script],
        processId: 'stream-1',
        streamStdoutStderr: true,
        cwd: await server.scratch(),
        sandboxPolicy: unsandboxed,
      }),
    );
    expect((response as JsonRpcSuccess).result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const deltas = deltasOf(client, 'stream-1');
    // Raw bytes, not text: the invalid UTF-8 survives the round trip.
    expect(bytesOf(deltas, 'stdout')).toEqual(
      Buffer.concat([Buffer.from('one\n'), Buffer.from([0xff, 0, 1]), Buffer.from('two\n')]),
    );
    expect(bytesOf(deltas, 'stderr').toString()).toBe('err\n');
    expect(deltas.every((d) => !d.capReached)).toBe(true);
    // Every delta went out before the response.
    const last = client.messages.findLastIndex(
      (m) => 'method' in m && m.method === 'command/exec/outputDelta',
    );
    expect(last).toBeLessThan(responseIndex(client.messages, response.id as number));
  });

  it('marks the last chunk of a capped stream with capReached and sends nothing after it', async () => {
    const client = await server.start();
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'yes o | head -c 200000; printf "small" >&2'],
      processId: 'capped',
      streamStdoutStderr: true,
      outputBytesCap: 1000,
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const deltas = deltasOf(client, 'capped');
    const stdout = deltas.filter((d) => d.stream === 'stdout');
    expect(bytesOf(stdout, 'stdout').toString()).toBe('o\n'.repeat(500));
    expect(stdout.map((d) => d.capReached)).toEqual([...stdout.slice(1).map(() => false), true]);
    const stderr = deltas.filter((d) => d.stream === 'stderr');
    expect(bytesOf(stderr, 'stderr').toString()).toBe('small');
    expect(stderr.every((d) => !d.capReached)).toBe(true);
  });

  it('streams only to the connection that started the command', async () => {
    const [owner, other] = await server.startPair();
    const cwd = await server.scratch();
    const running = owner.request('command/exec', {
      command: ['sh', '-c', 'echo started; cat'],
      processId: 'shared-id',
      streamStdin: true,
      streamStdoutStderr: true,
      cwd,
      sandboxPolicy: unsandboxed,
    });
    await waitForStdout(owner, 'shared-id', /started/);
    // The other connection neither sees nor reaches it, and may use the same id itself.
    const error = await other.callError('command/exec/terminate', { processId: 'shared-id' });
    expect(error.code).toBe(-32600);
    const own = await other.call<ExecResult>('command/exec', {
      command: ['echo', 'mine'],
      processId: 'shared-id',
      streamStdoutStderr: true,
      cwd,
      sandboxPolicy: unsandboxed,
    });
    expect(own.exitCode).toBe(0);
    expect(stdoutOf(other, 'shared-id')).toBe('mine\n');
    expect(stdoutOf(owner, 'shared-id')).toBe('started\n');
    await owner.call('command/exec/write', { processId: 'shared-id', closeStdin: true });
    expect(((await running) as JsonRpcSuccess).result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
  });
});

describe('command/exec: stdin', () => {
  it('writes stdin bytes, then closes stdin', async () => {
    const client = await server.start();
    const running = client.request('command/exec', {
      command: ['cat'],
      processId: 'cat-1',
      streamStdin: true,
      streamStdoutStderr: true,
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    const write = checked('command/exec/write', {
      processId: 'cat-1',
      deltaBase64: b64('hello\n'),
    });
    expect(await client.call('command/exec/write', write)).toEqual({});
    await waitForStdout(client, 'cat-1', /hello\n/);
    await client.call(
      'command/exec/write',
      checked('command/exec/write', {
        processId: 'cat-1',
        deltaBase64: b64('bye'),
        closeStdin: true,
      }),
    );
    expect(((await running) as JsonRpcSuccess).result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect(stdoutOf(client, 'cat-1')).toBe('hello\nbye');
  });

  it('takes writes sent right after the request, before the process runs', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const running = client.request('command/exec', {
      command: ['cat'],
      processId: 'early',
      streamStdin: true,
      cwd,
      sandboxPolicy: unsandboxed,
    });
    const writes = [
      client.call('command/exec/write', { processId: 'early', deltaBase64: b64('a') }),
      client.call('command/exec/write', { processId: 'early', deltaBase64: b64('b') }),
      client.call('command/exec/write', { processId: 'early', closeStdin: true }),
    ];
    expect(await Promise.all(writes)).toEqual([{}, {}, {}]);
    // Output not streamed: it comes back in the response.
    expect(((await running) as JsonRpcSuccess).result).toEqual({
      exitCode: 0,
      stdout: 'ab',
      stderr: '',
    });
  });

  it('refuses writes after closeStdin and to a command whose stdin is not streamed', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const closed = client.request('command/exec', {
      command: ['sh', '-c', 'cat; echo eof; sleep 30'],
      processId: 'closed-stdin',
      streamStdin: true,
      streamStdoutStderr: true,
      disableTimeout: true,
      cwd,
      sandboxPolicy: unsandboxed,
    });
    await client.call('command/exec/write', { processId: 'closed-stdin', closeStdin: true });
    await waitForStdout(client, 'closed-stdin', /eof/);
    // Closing again is harmless; writing is refused.
    await client.call('command/exec/write', { processId: 'closed-stdin', closeStdin: true });
    const afterClose = await client.callError('command/exec/write', {
      processId: 'closed-stdin',
      deltaBase64: b64('late'),
    });
    expect(afterClose.code).toBe(-32600);
    expect(afterClose.message).toBe(
      'command/exec/write: stdin is already closed (process id "closed-stdin")',
    );

    const buffered = client.request('command/exec', {
      command: ['sleep', '30'],
      processId: 'no-stdin',
      cwd,
      sandboxPolicy: unsandboxed,
    });
    const notStreamed = await client.callError('command/exec/write', {
      processId: 'no-stdin',
      deltaBase64: b64('x'),
    });
    expect(notStreamed.code).toBe(-32600);
    expect(notStreamed.message).toBe(
      'command/exec/write: stdin streaming is not enabled for this command/exec (process id "no-stdin")',
    );
    // Terminate works on buffered commands with a processId too.
    await client.call('command/exec/terminate', { processId: 'no-stdin' });
    await client.call('command/exec/terminate', { processId: 'closed-stdin' });
    expect(((await buffered) as JsonRpcSuccess).result).toEqual({
      exitCode: -1,
      stdout: '',
      stderr: '',
    });
    expect(((await closed) as JsonRpcSuccess).result).toMatchObject({ exitCode: -1 });
  });
});
