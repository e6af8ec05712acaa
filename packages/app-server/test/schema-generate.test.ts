import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import {
  PrettierFailedError,
  SchemaOutputError,
  generateJsonSchema,
  generateTs,
} from '@codex-ts/app-server';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';

let dir: TempDir;

beforeEach(async () => {
  dir = await makeTempCodexHome();
});

afterEach(async () => {
  await dir.cleanup();
});

/** Every file under `root`, relative and sorted, with its content. */
async function tree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(root, path), await readFile(path, 'utf8'));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('generate-json-schema', () => {
  it('writes the bundles and one file per type in the Rust layout', async () => {
    const out = join(dir.path, 'schema', 'nested');
    await generateJsonSchema(out);
    const files = await tree(out);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'codex_app_server_protocol.schemas.json',
        'codex_app_server_protocol.v2.schemas.json',
        'ClientRequest.json',
        'ClientNotification.json',
        'ServerNotification.json',
        'ServerRequest.json',
        'RequestId.json',
        'JSONRPCMessage.json',
        'CommandExecutionRequestApprovalParams.json',
        'v1/InitializeParams.json',
        'v1/InitializeResponse.json',
        'v2/ThreadStartParams.json',
        'v2/ThreadStartResponse.json',
        'v2/CommandExecParams.json',
        'v2/CommandExecResponse.json',
        'v2/ItemCompletedNotification.json',
      ]),
    );
    const v2 = JSON.parse(files.get('codex_app_server_protocol.v2.schemas.json') ?? '{}');
    expect(v2.title).toBe('CodexAppServerProtocolV2');
    expect(v2.definitions.CommandExecParams.required).toEqual(['command']);
    const bundle = JSON.parse(files.get('codex_app_server_protocol.schemas.json') ?? '{}');
    expect(bundle.definitions.v2.Thread).toBeDefined();
    expect(bundle.definitions.ClientRequest.oneOf[1].properties.params.$ref).toBe(
      '#/definitions/v2/ThreadStartParams',
    );
  });

  it('writes self-contained schemas: every $ref resolves inside its file, all compile', async () => {
    await generateJsonSchema(dir.path);
    for (const [path, content] of await tree(dir.path)) {
      const document = JSON.parse(content) as Record<string, unknown>;
      expect({ path, dangling: danglingRefs(document) }).toEqual({ path, dangling: [] });
      const ajv = new Ajv({ strict: false, logger: false, validateFormats: false });
      expect(() => ajv.compile(document), path).not.toThrow();
    }
  });

  it('gives the same bytes every time and overwrites what it wrote before', async () => {
    const first = join(dir.path, 'first');
    const second = join(dir.path, 'second');
    await generateJsonSchema(first);
    await generateJsonSchema(second);
    await writeFile(join(second, 'v2', 'ThreadStartParams.json'), 'stale');
    await generateJsonSchema(second);
    expect(await tree(second)).toEqual(await tree(first));
  });

  it('fails with a clear message when DIR cannot be created', async () => {
    const blocker = join(dir.path, 'a-file');
    await writeFile(blocker, 'not a directory');
    const out = join(blocker, 'schema');
    const error = await generateJsonSchema(out).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SchemaOutputError);
    expect((error as SchemaOutputError).code).toBe('schema_output_unwritable');
    expect((error as Error).message).toBe(
      `cannot create output directory ${out}: a file is in the way`,
    );
  });
});

describe('generate-ts', () => {
  it('writes one declaration per type, index files, and TypeScript that compiles', async () => {
    await generateTs(dir.path);
    const files = await tree(dir.path);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'index.ts',
        'v2/index.ts',
        'ClientRequest.ts',
        'InitializeParams.ts',
        'v2/ThreadItem.ts',
        'v2/CommandExecParams.ts',
      ]),
    );
    for (const [path, content] of files) {
      expect(content.startsWith('// GENERATED CODE! DO NOT MODIFY BY HAND!\n\n'), path).toBe(true);
    }
    expect(files.get('index.ts')).toContain('export * as v2 from "./v2";');
    expect(files.get('v2/CommandExecResponse.ts')).toContain(
      'export type CommandExecResponse = {\n  exitCode: number;\n  stderr: string;\n  stdout: string;\n};',
    );
    expect(typeCheck(dir.path, [...files.keys()])).toBe('');
  });

  it('gives the same bytes every time', async () => {
    await generateTs(join(dir.path, 'a'));
    await generateTs(join(dir.path, 'b'));
    expect(await tree(join(dir.path, 'b'))).toEqual(await tree(join(dir.path, 'a')));
  });

  it('runs the given Prettier on every written file with --prettier', async () => {
    const log = join(dir.path, 'prettier-args.txt');
    const script = join(dir.path, 'fake-prettier.sh');
    await writeFile(script, `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n`, { mode: 0o755 });
    const out = join(dir.path, 'out');
    const written = await generateTs(out, { prettier: script });
    const args = (await readFile(log, 'utf8')).trimEnd().split('\n');
    expect(args.slice(0, 3)).toEqual(['--write', '--log-level', 'warn']);
    expect(args.slice(3).sort()).toEqual([...written].sort());
    expect(written).toContain(join(out, 'v2', 'index.ts'));
  });

  it('fails with a clear message when Prettier fails', async () => {
    const script = join(dir.path, 'failing-prettier.sh');
    await writeFile(script, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const error = await generateTs(join(dir.path, 'out'), { prettier: script }).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(PrettierFailedError);
    expect((error as Error).message).toBe('Prettier failed with exit code 3');
  });

  it('fails with a clear message when Prettier cannot run', async () => {
    const missing = join(dir.path, 'no-prettier');
    const error = await generateTs(join(dir.path, 'out'), { prettier: missing }).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(PrettierFailedError);
    expect((error as Error).message).toBe(
      `failed to run Prettier at ${missing}: no such file or directory`,
    );
  });
});

/** `$ref`s of `document` that point at nothing in it. */
function danglingRefs(document: Record<string, unknown>): string[] {
  const dangling: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const ref = (node as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string') {
      let target: unknown = document;
      for (const part of ref.replace(/^#\//, '').split('/')) {
        target = (target as Record<string, unknown> | undefined)?.[part];
      }
      if (target === undefined) dangling.push(ref);
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
  return dangling;
}

/** Type-checks the generated files with the repository's TypeScript; returns its output. */
function typeCheck(root: string, files: string[]): string {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
      ...files.map((f) => join(root, f)),
    ],
    { encoding: 'utf8' },
  );
  return `${result.stdout}${result.stderr}`;
}
