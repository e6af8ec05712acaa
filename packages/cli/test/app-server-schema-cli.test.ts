import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
import { registerAppServerSchemaCommands } from '../src/app-server-schema-command.js';

/**
 * `codex app-server generate-json-schema|generate-ts`, parsed by commander in process (the
 * commands hang off whatever `app-server` command they are registered on).
 */

let dir: TempDir;

beforeEach(async () => {
  dir = await makeTempCodexHome();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await dir.cleanup();
});

async function run(args: string[]): Promise<{ exitCode: number; stderr: string }> {
  let exitCode = 0;
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command('codex').exitOverride();
  program.configureOutput({ writeErr: (text) => (stderr += text), writeOut: () => undefined });
  const appServer = program.command('app-server');
  registerAppServerSchemaCommands(appServer, (code) => (exitCode = code));
  try {
    await program.parseAsync(['app-server', ...args], { from: 'user' });
  } catch {
    exitCode = exitCode || 2;
  }
  vi.restoreAllMocks();
  return { exitCode, stderr };
}

describe('codex app-server generate-json-schema', () => {
  it('writes the schema into --out, creating it', async () => {
    const out = join(dir.path, 'schema');
    expect(await run(['generate-json-schema', '--out', out])).toEqual({ exitCode: 0, stderr: '' });
    expect(existsSync(join(out, 'codex_app_server_protocol.v2.schemas.json'))).toBe(true);
    expect(existsSync(join(out, 'v2', 'CommandExecParams.json'))).toBe(true);
  });

  it('accepts -o and --experimental', async () => {
    const out = join(dir.path, 'short');
    expect((await run(['generate-json-schema', '-o', out, '--experimental'])).exitCode).toBe(0);
    expect(existsSync(join(out, 'ClientRequest.json'))).toBe(true);
  });

  it('exits 1 with a message when the directory cannot be written', async () => {
    const blocker = join(dir.path, 'file');
    await writeFile(blocker, 'x');
    const result = await run(['generate-json-schema', '--out', join(blocker, 'out')]);
    expect(result).toEqual({
      exitCode: 1,
      stderr: `Error: cannot create output directory ${join(blocker, 'out')}: a file is in the way\n`,
    });
  });

  it('requires --out (a usage error)', async () => {
    const result = await run(['generate-json-schema']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("required option '-o, --out <DIR>' not specified");
  });
});

describe('codex app-server generate-ts', () => {
  it('writes the TypeScript declarations into --out', async () => {
    const out = join(dir.path, 'ts');
    expect(await run(['generate-ts', '--out', out])).toEqual({ exitCode: 0, stderr: '' });
    const index = await readFile(join(out, 'index.ts'), 'utf8');
    expect(index).toContain('export type { ClientRequest } from "./ClientRequest";');
  });

  it('runs --prettier PRETTIER_BIN and reports its failure', async () => {
    const failing = join(dir.path, 'prettier.sh');
    await writeFile(failing, '#!/bin/sh\nexit 2\n', { mode: 0o755 });
    const result = await run(['generate-ts', '-o', join(dir.path, 'ts'), '-p', failing]);
    expect(result).toEqual({ exitCode: 1, stderr: 'Error: Prettier failed with exit code 2\n' });
  });
});
