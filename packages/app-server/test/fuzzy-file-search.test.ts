import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCodexHome, makeTempGitRepo, type TempDir } from '@codex-ts/test-support';
import { startEnvServer, type EnvServer } from './helpers/env-server.js';
import type { RpcHarness } from './helpers/rpc-harness.js';

// fuzzyFileSearch over a git work tree (git ls-files) and a plain directory (bounded walk with
// .gitignore rules). Every message is checked against the schema by the harness.

interface Match {
  root: string;
  path: string;
  match_type: 'file' | 'directory';
  file_name: string;
  score: number;
  indices: number[] | null;
}

let home: TempDir;
let dirs: TempDir[];
let server: EnvServer | undefined;

beforeEach(async () => {
  home = await makeTempCodexHome();
  dirs = [];
});

afterEach(async () => {
  const problems = (await server?.close()) ?? [];
  server = undefined;
  for (const dir of [home, ...dirs]) await dir.cleanup();
  expect(problems).toEqual([]);
});

async function start(): Promise<RpcHarness> {
  server = await startEnvServer(home.path, {});
  return server.client;
}

async function put(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

async function search(client: RpcHarness, query: string, roots: string[]): Promise<Match[]> {
  return (await client.call<{ files: Match[] }>('fuzzyFileSearch', { query, roots })).files;
}

describe('fuzzyFileSearch', () => {
  it('searches a git work tree: tracked and untracked files, ignored ones left out', async () => {
    const repo = await makeTempGitRepo({
      files: {
        '.gitignore': 'dist/\n*.log\n',
        'src/main.ts': '',
        'src/domain/api.ts': '',
        'docs/maintenance.md': '',
        'gone.ts': '',
      },
    });
    dirs.push(repo);
    await put(repo.path, { 'scratch/main-notes.txt': '', 'dist/main.js': '', 'main.log': '' });
    await rm(join(repo.path, 'gone.ts'));
    const client = await start();

    const files = await search(client, 'main', [repo.path]);
    const paths = files.map((f) => f.path);
    expect(paths).toContain('src/main.ts');
    expect(paths).toContain('scratch/main-notes.txt');
    expect(paths).not.toContain('dist/main.js');
    expect(paths).not.toContain('main.log');
    const main = files.find((f) => f.path === 'src/main.ts');
    expect(main).toEqual({
      root: repo.path,
      path: 'src/main.ts',
      match_type: 'file',
      file_name: 'main.ts',
      score: expect.any(Number),
      indices: [4, 5, 6, 7],
    });
    const scores = files.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const dirsFound = await search(client, 'domain', [repo.path]);
    expect(dirsFound[0]).toMatchObject({ path: 'src/domain', match_type: 'directory' });
    expect(await search(client, 'gone', [repo.path])).toEqual([]);
  });

  it('walks a plain directory with its .gitignore and .ignore rules', async () => {
    const plain = await makeTempCodexHome();
    dirs.push(plain);
    await put(plain.path, {
      '.gitignore': 'build/\n*.tmp\n!keep.tmp\n',
      'lib/.ignore': 'secret*\n',
      'lib/widget.ts': '',
      'lib/secret-widget.ts': '',
      'build/widget.js': '',
      'widget.tmp': '',
      'keep.tmp': '',
      '.hidden/widget.md': '',
      '.git/widget': '',
    });
    await symlink(join(plain.path, 'lib'), join(plain.path, 'linked'));
    await symlink(plain.path, join(plain.path, 'lib', 'loop'));
    const client = await start();
    const paths = (await search(client, 'widget', [plain.path])).map((f) => f.path);
    expect(paths.sort()).toEqual(['.hidden/widget.md', 'lib/widget.ts', 'linked/widget.ts']);
    const kept = (await search(client, 'keep', [plain.path])).map((f) => f.path);
    expect(kept).toEqual(['keep.tmp']);
  });

  it('answers no files for an empty query, no roots or a missing root; caps the count', async () => {
    const plain = await makeTempCodexHome();
    dirs.push(plain);
    const many: Record<string, string> = {};
    for (let i = 0; i < 70; i += 1) many[`item-${String(i).padStart(2, '0')}.txt`] = '';
    await put(plain.path, many);
    const client = await start();
    expect(await search(client, '', [plain.path])).toEqual([]);
    expect(await search(client, 'item', [])).toEqual([]);
    expect(await search(client, 'item', [join(plain.path, 'missing')])).toEqual([]);
    const capped = await search(client, 'item', [plain.path]);
    expect(capped).toHaveLength(50);
    expect(capped[0]?.path).toBe('item-00.txt');
    const error = await client.callError('fuzzyFileSearch', { query: 'x' });
    expect(error.code).toBe(-32602);
    expect(error.message).toContain('roots');
  });

  it('cancels a search when another one with the same token starts', async () => {
    const plain = await makeTempCodexHome();
    dirs.push(plain);
    await put(plain.path, { 'a/alpha.txt': '', 'b/alphabet.txt': '' });
    const client = await start();
    const params = (query: string) => ({
      query,
      roots: [plain.path],
      cancellationToken: 'typing',
    });
    const [first, second] = await Promise.all([
      client.call<{ files: Match[] }>('fuzzyFileSearch', params('al')),
      client.call<{ files: Match[] }>('fuzzyFileSearch', params('alpha')),
    ]);
    expect(first.files).toEqual([]);
    expect(second.files.map((f) => f.path).sort()).toEqual(['a/alpha.txt', 'b/alphabet.txt']);
  });
});
