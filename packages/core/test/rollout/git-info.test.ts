import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectGitInfo, mayBeInGitRepo } from '../../src/rollout/git-info.js';
import { readRollout } from '../../src/rollout/rollout-reader.js';
import { RolloutRecorder } from '../../src/rollout/rollout-recorder.js';
import { makeTempDir, removeDir, sampleMeta, THREAD_ID } from './rollout-helpers.js';

let base: string;

beforeEach(async () => {
  base = await makeTempDir('rollout-git-');
});
afterEach(async () => {
  await removeDir(base);
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: base,
    },
  }).trim();
}

async function makeRepo(): Promise<string> {
  const repo = join(base, 'repo');
  await mkdir(join(repo, 'src'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'feature/rollouts');
  await writeFile(join(repo, 'README.md'), 'hello\n');
  git(repo, 'add', 'README.md');
  git(repo, 'commit', '-q', '-m', 'initial');
  git(repo, 'remote', 'add', 'origin', 'https://example.invalid/acme/repo.git');
  return repo;
}

describe('git info', () => {
  it('collects commit, branch and origin URL, also from a subdirectory', async () => {
    const repo = await makeRepo();
    const head = git(repo, 'rev-parse', 'HEAD');
    const expected = {
      commit_hash: head,
      branch: 'feature/rollouts',
      repository_url: 'https://example.invalid/acme/repo.git',
    };
    expect(await collectGitInfo(repo)).toEqual(expected);
    expect(await collectGitInfo(join(repo, 'src'))).toEqual(expected);
  });

  it('omits the branch on a detached HEAD and the URL without origin', async () => {
    const repo = await makeRepo();
    git(repo, 'remote', 'remove', 'origin');
    git(repo, 'checkout', '-q', '--detach');
    const info = await collectGitInfo(repo);
    expect(info).toEqual({ commit_hash: git(repo, 'rev-parse', 'HEAD') });
  });

  it('knows where git may find a repository without starting it', async () => {
    const plain = join(base, 'plain');
    await mkdir(plain);
    expect(await mayBeInGitRepo(plain, {})).toBe(false);
    expect(await mayBeInGitRepo(join(base, 'missing', 'dir'), {})).toBe(false);
    expect(await mayBeInGitRepo(plain, { GIT_DIR: '/elsewhere/.git' })).toBe(true);
    const repo = await makeRepo();
    expect(await mayBeInGitRepo(join(repo, 'src'), {})).toBe(true);
    expect(await mayBeInGitRepo(join(repo, '.git', 'objects'), {})).toBe(true);
    const bare = join(base, 'bare.git');
    git(base, 'init', '-q', '--bare', bare);
    expect(await mayBeInGitRepo(bare, {})).toBe(true);
    const worktree = join(base, 'worktree');
    await mkdir(worktree);
    await writeFile(join(worktree, '.git'), `gitdir: ${join(repo, '.git')}\n`);
    expect(await mayBeInGitRepo(worktree, {})).toBe(true);
  });

  it('is null outside a repository and for a missing directory', async () => {
    const plain = join(base, 'plain');
    await mkdir(plain);
    expect(await collectGitInfo(plain)).toBeNull();
    expect(await collectGitInfo(join(base, 'does-not-exist'))).toBeNull();
  });

  it('create() writes the repository git block into session_meta', async () => {
    const repo = await makeRepo();
    const home = join(base, 'home');
    const recorder = await RolloutRecorder.create({
      codexHome: home,
      threadId: THREAD_ID,
      meta: sampleMeta(repo),
    });
    await recorder.close();
    const { meta } = await readRollout(recorder.path);
    expect(meta.git).toMatchObject({
      branch: 'feature/rollouts',
      repository_url: 'https://example.invalid/acme/repo.git',
    });
    expect(meta.git?.commit_hash).toMatch(/^[0-9a-f]{40}$/);
  });
});
