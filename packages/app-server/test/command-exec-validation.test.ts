import type { JsonRpcSuccess } from '@codex-ts/protocol';
import { describe, expect, it } from 'vitest';
import { waitForStdout } from './helpers/command-exec-session.js';
import { useProcessorServer } from './helpers/processor-server.js';

const server = useProcessorServer();
const unsandboxed = { type: 'dangerFullAccess' } as const;

describe('command/exec: refused params', () => {
  it('names the method and the field, with the codes of the Rust server', async () => {
    const client = await server.start();
    const cases: Array<[string, unknown, number, string]> = [
      [
        'command/exec',
        { command: ['cat'], tty: true },
        -32600,
        'command/exec: tty, streamStdin and streamStdoutStderr require a client-supplied processId',
      ],
      [
        'command/exec',
        { command: ['cat'], streamStdoutStderr: true },
        -32600,
        'command/exec: tty, streamStdin and streamStdoutStderr require a client-supplied processId',
      ],
      [
        'command/exec',
        { command: ['cat'], processId: 'p', size: { rows: 5, cols: 5 } },
        -32602,
        'Invalid params for command/exec: size: only valid with tty: true',
      ],
      [
        'command/exec',
        { command: ['cat'], processId: 'p', tty: true, size: { rows: 0, cols: 80 } },
        -32602,
        'Invalid params for command/exec: size: rows and cols must be greater than 0',
      ],
      [
        'command/exec/write',
        { processId: 'p' },
        -32602,
        'Invalid params for command/exec/write: deltaBase64: required unless closeStdin is true',
      ],
      [
        'command/exec/write',
        { processId: 'p', deltaBase64: 'not base64!' },
        -32602,
        'Invalid params for command/exec/write: deltaBase64: not valid base64',
      ],
      [
        'command/exec/write',
        { deltaBase64: 'aGk=' },
        -32602,
        'Invalid params for command/exec/write: processId: Required',
      ],
      [
        'command/exec/resize',
        { processId: 'p', size: { rows: 24, cols: 0 } },
        -32602,
        'Invalid params for command/exec/resize: size: rows and cols must be greater than 0',
      ],
      [
        'command/exec/resize',
        { processId: 'p' },
        -32602,
        'Invalid params for command/exec/resize: size: Required',
      ],
      [
        'command/exec/terminate',
        {},
        -32602,
        'Invalid params for command/exec/terminate: processId: Required',
      ],
    ];
    for (const [method, params, code, message] of cases) {
      const error = await client.callError(method, params);
      expect({ method, params, code: error.code, message: error.message }).toEqual({
        method,
        params,
        code,
        message,
      });
    }
  });

  it('refuses follow-up requests for a process id this connection does not run', async () => {
    const client = await server.start();
    const cases: Array<[string, unknown]> = [
      ['command/exec/write', { processId: 'ghost', deltaBase64: 'aGk=' }],
      ['command/exec/resize', { processId: 'ghost', size: { rows: 24, cols: 80 } }],
      ['command/exec/terminate', { processId: 'ghost' }],
    ];
    for (const [method, params] of cases) {
      const error = await client.callError(method, params);
      expect(error).toEqual({
        code: -32600,
        message: `${method}: no active command/exec for process id "ghost"`,
      });
    }
    // Nor once the command is over.
    await client.call('command/exec', {
      command: ['true'],
      processId: 'done',
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    const error = await client.callError('command/exec/terminate', { processId: 'done' });
    expect(error.message).toBe(
      'command/exec/terminate: no active command/exec for process id "done"',
    );
  });

  it('refuses a process id in use on the connection, and takes it again once free', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const first = client.request('command/exec', {
      command: ['sh', '-c', 'echo up; cat'],
      processId: 'dup',
      streamStdin: true,
      streamStdoutStderr: true,
      cwd,
      sandboxPolicy: unsandboxed,
    });
    await waitForStdout(client, 'dup', /up/);
    const error = await client.callError('command/exec', {
      command: ['true'],
      processId: 'dup',
      cwd,
      sandboxPolicy: unsandboxed,
    });
    expect(error).toEqual({
      code: -32600,
      message: 'command/exec: duplicate active command/exec process id: "dup"',
    });
    await client.call('command/exec/write', { processId: 'dup', closeStdin: true });
    expect(((await first) as JsonRpcSuccess).result).toMatchObject({ exitCode: 0 });
    const again = await client.call('command/exec', {
      command: ['true'],
      processId: 'dup',
      cwd,
      sandboxPolicy: unsandboxed,
    });
    expect(again).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('frees the process id of a command that could not start', async () => {
    const client = await server.start();
    const params = {
      command: ['no-such-program-for-command-exec'],
      processId: 'broken',
      streamStdoutStderr: true,
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    };
    for (let i = 0; i < 2; i++) {
      const error = await client.callError('command/exec', params);
      expect(error.code).toBe(-32603);
      expect(error.message).toMatch(/failed to start "no-such-program-for-command-exec"/);
    }
  });

  it('refuses to resize a command without a terminal', async () => {
    const client = await server.start();
    const running = client.request('command/exec', {
      command: ['cat'],
      processId: 'piped',
      streamStdin: true,
      cwd: await server.scratch(),
      sandboxPolicy: unsandboxed,
    });
    const error = await client.callError('command/exec/resize', {
      processId: 'piped',
      size: { rows: 10, cols: 10 },
    });
    expect(error.code).toBe(-32600);
    expect(error.message).toBe(
      'command/exec/resize: failed to resize PTY: process is not attached to a PTY (process id "piped")',
    );
    await client.call('command/exec/write', { processId: 'piped', closeStdin: true });
    await running;
  });
});
