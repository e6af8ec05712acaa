import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useProcessorServer, type ExecResult } from './helpers/processor-server.js';

const server = useProcessorServer();
/** Whether bubblewrap can build a sandbox on this host (user namespaces allowed). */
const bwrapWorks =
  process.platform === 'linux' &&
  spawnSync('bwrap', ['--ro-bind', '/', '/', '--dev', '/dev', 'true']).status === 0;

/** `sh -c` script that writes `hello` into each path and reports which writes failed. */
function writeEach(...paths: string[]): string[] {
  const script = paths
    .map((p) => `(echo hello > '${p}') 2>/dev/null || echo "denied ${p}"`)
    .join('; ');
  return ['sh', '-c', `${script}; true`];
}

describe.skipIf(!bwrapWorks)('command/exec under the bubblewrap sandbox', () => {
  it('readOnly: writing inside or outside the cwd fails, reading works', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const outside = await server.scratch();
    await writeFile(join(cwd, 'input.txt'), 'readable\n');
    const inside = join(cwd, 'inside.txt');
    const elsewhere = join(outside, 'outside.txt');
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', `cat input.txt; ${writeEach(inside, elsewhere)[2] ?? ''}`],
      cwd,
      sandboxPolicy: { type: 'readOnly' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`readable\ndenied ${inside}\ndenied ${elsewhere}\n`);
    expect(existsSync(inside)).toBe(false);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('workspaceWrite: only the writable roots (and the server cwd) take writes', async () => {
    const client = await server.start();
    const root = await server.scratch();
    const other = await server.scratch();
    const allowed = join(root, 'allowed.txt');
    const refused = join(other, 'refused.txt');
    const result = await client.call<ExecResult>('command/exec', {
      command: writeEach(allowed, refused),
      cwd: other,
      sandboxPolicy: {
        type: 'workspaceWrite',
        writableRoots: [root],
        // The scratch directories live under /tmp: keep /tmp itself read-only.
        excludeSlashTmp: true,
        excludeTmpdirEnvVar: true,
      },
    });
    expect(result).toEqual({ exitCode: 0, stdout: `denied ${refused}\n`, stderr: '' });
    expect(await readFile(allowed, 'utf8')).toBe('hello\n');
    expect(existsSync(refused)).toBe(false);
  });

  it('without sandboxPolicy uses the configured sandbox_mode', async () => {
    await writeFile(join(server.home.path, 'config.toml'), 'sandbox_mode = "read-only"\n');
    const client = await server.start();
    const cwd = await server.scratch();
    const target = join(cwd, 'out.txt');
    const result = await client.call<ExecResult>('command/exec', {
      command: writeEach(target),
      cwd,
    });
    expect(result.stdout).toBe(`denied ${target}\n`);
    expect(existsSync(target)).toBe(false);
  });

  it('marks sandboxed commands with CODEX_SANDBOX and cuts the network by default', async () => {
    const client = await server.start();
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'echo "${CODEX_SANDBOX_NETWORK_DISABLED-unset}"'],
      cwd: await server.scratch(),
      sandboxPolicy: { type: 'readOnly' },
    });
    expect(result.stdout).toBe('1\n');
  });

  it('kills a sandboxed command at its timeout (exit code 124)', async () => {
    const client = await server.start();
    const started = Date.now();
    const result = await client.call<ExecResult>('command/exec', {
      command: ['sh', '-c', 'echo begin; sleep 30 & sleep 30; echo never'],
      cwd: await server.scratch(),
      timeoutMs: 300,
      sandboxPolicy: { type: 'readOnly' },
    });
    expect(result).toEqual({ exitCode: 124, stdout: 'begin\n', stderr: '' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('dangerFullAccess runs the command as it is', async () => {
    const client = await server.start();
    const cwd = await server.scratch();
    const target = join(cwd, 'free.txt');
    const result = await client.call<ExecResult>('command/exec', {
      command: writeEach(target),
      cwd,
      sandboxPolicy: { type: 'dangerFullAccess' },
    });
    expect(result.stdout).toBe('');
    expect(await readFile(target, 'utf8')).toBe('hello\n');
  });
});
