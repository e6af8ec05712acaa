import { mkdir, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempCodexHome, makeTempGitRepo, runGit, type TempDir } from '@codex-ts/test-support';
import { FileIndexCache } from './file-index-cache.js';

// The per-root index: listed once, reused, checked for changes on a fake clock (the checks
// themselves look at the real file system).

const dirs: TempDir[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await dir.cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await makeTempCodexHome();
  dirs.push(dir);
  return dir.path;
}

async function put(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

const HOUR_AGO = new Date(Date.now() - 3_600_000);

/**
 * Dates every directory and ignore file under `root` an hour back, as in a tree nobody is
 * writing to (a walked tree with recent times is walked again at every check, see
 * `walkStampsUnchanged`).
 */
async function age(root: string): Promise<void> {
  await utimes(root, HOUR_AGO, HOUR_AGO);
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isSymbolicLink() || entry.name === '.git') continue;
    const path = join(root, entry.name);
    if (entry.isDirectory()) await age(path);
    else if (entry.name === '.gitignore' || entry.name === '.ignore') {
      await utimes(path, HOUR_AGO, HOUR_AGO);
    }
  }
}

/** A cache on a clock the test moves: checks after 1 s, waits for them after 10 s. */
function clockedCache(options: { maxRoots?: number; evictAfterMs?: number } = {}) {
  const clock = { now: 0 };
  const cache = new FileIndexCache({
    now: () => clock.now,
    refreshAfterMs: 1_000,
    maxStaleMs: 10_000,
    ...options,
  });
  return { clock, cache };
}

describe('FileIndexCache', () => {
  it('walks a plain directory with its ignore files, hidden files kept, .git skipped', async () => {
    const root = await tempDir();
    await put(root, {
      '.gitignore': 'build/\n*.tmp\n!keep.tmp\n/top-only.txt\n',
      '.ignore': 'cache/\n',
      'src/.gitignore': 'generated*\n',
      'src/main.ts': '',
      'src/generated-api.ts': '',
      'src/deep/top-only.txt': '',
      'top-only.txt': '',
      'build/out.js': '',
      'cache/blob': '',
      'scratch.tmp': '',
      'keep.tmp': '',
      '.hidden/notes.md': '',
      '.git/HEAD': '',
    });
    await symlink(join(root, 'src'), join(root, 'linked'));
    await symlink(root, join(root, 'src', 'loop'));
    const { cache } = clockedCache();
    const index = await cache.get(root);
    expect(index.source.kind).toBe('walk');
    const listed = index.paths.map((path, i) => (index.dirFlags[i] === 1 ? `${path}/` : path));
    expect(listed).toEqual([
      '.gitignore',
      '.hidden/',
      '.hidden/notes.md',
      '.ignore',
      'keep.tmp',
      'linked/',
      'linked/.gitignore',
      'linked/deep/',
      'linked/deep/top-only.txt',
      'linked/loop/',
      'linked/main.ts',
      'src/',
      'src/.gitignore',
      'src/deep/',
      'src/deep/top-only.txt',
      'src/loop/',
      'src/main.ts',
    ]);
  });

  it('lists a root once and answers later searches from the same index', async () => {
    const root = await tempDir();
    await put(root, { 'a.ts': '', 'lib/b.ts': '' });
    const { cache } = clockedCache();
    const [first, concurrent] = await Promise.all([cache.get(root), cache.get(root)]);
    expect(concurrent).toBe(first);
    expect(await cache.get(join(root, 'lib', '..'))).toBe(first);
    expect(cache.roots()).toEqual([root]);
  });

  it('checks a walked tree in the background when stale, and waits when very stale', async () => {
    const root = await tempDir();
    await put(root, { 'src/old.ts': '' });
    await age(root);
    const { clock, cache } = clockedCache();
    const first = await cache.get(root);
    await put(root, { 'src/new.ts': '' });

    clock.now = 500;
    expect(await cache.get(root)).toBe(first);
    clock.now = 1_500;
    // Stale: answered from the old index at once, a check starts.
    expect(await cache.get(root)).toBe(first);
    clock.now = 20_000;
    // Very stale: waits, here for the check already running.
    const second = await cache.get(root);
    expect(second).not.toBe(first);
    expect(second.paths).toContain('src/new.ts');
    expect(first.paths).not.toContain('src/new.ts');
  });

  it('keeps the index of a tree that did not change', async () => {
    const root = await tempDir();
    await put(root, { '.gitignore': 'out/\n', 'src/a.ts': '', 'out/b.js': '' });
    await age(root);
    const { clock, cache } = clockedCache();
    const first = await cache.get(root);
    clock.now = 20_000;
    expect(await cache.get(root)).toBe(first);
  });

  it('walks again when an ignore file is edited in place', async () => {
    const root = await tempDir();
    await put(root, { '.gitignore': 'build/\n', 'app.log': '', 'app.ts': '' });
    await age(root);
    const { clock, cache } = clockedCache();
    expect((await cache.get(root)).paths).toContain('app.log');
    await writeFile(join(root, '.gitignore'), 'build/\n*.log\n');
    await utimes(root, HOUR_AGO, HOUR_AGO); // only the ignore file's own time tells
    clock.now = 20_000;
    const second = await cache.get(root);
    expect(second.paths).not.toContain('app.log');
    expect(second.paths).toContain('app.ts');
  });

  it('walks a tree again while its times are too recent to trust', async () => {
    const root = await tempDir();
    await put(root, { 'a.ts': '' });
    const { clock, cache } = clockedCache();
    const first = await cache.get(root);
    clock.now = 20_000;
    expect(await cache.get(root)).not.toBe(first);
  });

  it('checks a git work tree with git ls-files', async () => {
    const repo = await makeTempGitRepo({ files: { '.gitignore': 'dist/\n', 'src/main.ts': '' } });
    dirs.push(repo);
    const { clock, cache } = clockedCache();
    const first = await cache.get(repo.path);
    expect(first.source.kind).toBe('git');
    expect(first.paths).toEqual(['.gitignore', 'src', 'src/main.ts']);
    clock.now = 20_000;
    expect(await cache.get(repo.path)).toBe(first);

    await put(repo.path, { 'src/extra.ts': '', 'dist/bundle.js': '' });
    await runGit(repo.path, ['rm', '-q', 'src/main.ts']);
    clock.now = 40_000;
    const second = await cache.get(repo.path);
    expect(second.paths).toEqual(['.gitignore', 'src', 'src/extra.ts']);
  });

  it('finds a root created after it was first looked for', async () => {
    const parent = await tempDir();
    const root = join(parent, 'later');
    const { clock, cache } = clockedCache();
    expect((await cache.get(root)).size).toBe(0);
    await put(root, { 'file.txt': '' });
    clock.now = 20_000;
    expect((await cache.get(root)).paths).toEqual(['file.txt']);
    await rm(root, { recursive: true });
    clock.now = 40_000;
    expect((await cache.get(root)).size).toBe(0);
  });

  it('keeps at most maxRoots indexes and drops the ones idle for evictAfterMs', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    const { clock, cache } = clockedCache({ maxRoots: 2, evictAfterMs: 60_000 });
    await cache.get(a);
    await cache.get(b);
    await cache.get(a);
    await cache.get(c);
    expect(cache.roots()).toEqual([a, c]);
    clock.now = 30_000;
    await cache.get(c);
    clock.now = 70_000;
    await cache.get(b);
    expect(cache.roots()).toEqual([c, b]);
  });
});
