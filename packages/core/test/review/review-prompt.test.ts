import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempGitRepo, runGit, type TempDir } from '@codex-ts/test-support';
import { mergeBaseWithHead, reviewPrompt } from '../../src/index.js';

// The review request the model gets for each target, with the real `git` resolving a base
// branch to its merge base.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function repo(): Promise<TempDir> {
  const dir = await makeTempGitRepo({ files: { 'a.txt': 'one\n' } });
  cleanups.push(dir.cleanup);
  return dir;
}

async function commit(cwd: string, file: string, content: string, message: string) {
  await writeFile(join(cwd, file), content);
  await runGit(cwd, ['add', '-A']);
  await runGit(cwd, ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message]);
  return (await runGit(cwd, ['rev-parse', 'HEAD'])).trim();
}

describe('reviewPrompt', () => {
  it('asks for the working tree for uncommitted changes', async () => {
    const dir = await repo();
    await writeFile(join(dir.path, 'a.txt'), 'changed\n');
    expect(await reviewPrompt({ type: 'uncommittedChanges' }, dir.path)).toBe(
      'Review the current code changes (staged, unstaged, and untracked files) and provide prioritized findings.',
    );
  });

  it('names the merge base of HEAD and the base branch', async () => {
    const dir = await repo();
    const base = (await runGit(dir.path, ['rev-parse', 'HEAD'])).trim();
    await runGit(dir.path, ['checkout', '-q', '-b', 'feature']);
    await commit(dir.path, 'b.txt', 'feature\n', 'feature work');
    await runGit(dir.path, ['checkout', '-q', 'main']);
    await commit(dir.path, 'c.txt', 'main\n', 'main moves on');
    await runGit(dir.path, ['checkout', '-q', 'feature']);

    expect(await mergeBaseWithHead(dir.path, 'main')).toBe(base);
    expect(await reviewPrompt({ type: 'baseBranch', branch: 'main' }, dir.path)).toBe(
      `Review the code changes against the base branch 'main'. The merge base commit for this comparison is ${base}. Run \`git diff ${base}\` to inspect the changes relative to main. Provide prioritized, actionable findings.`,
    );
  });

  it('prefers the upstream of the base branch when it is ahead', async () => {
    const dir = await repo();
    const remote = await realpath(await mkdtemp(join(tmpdir(), 'codex-remote-')));
    cleanups.push(() => rm(remote, { recursive: true, force: true }));
    await runGit(remote, ['init', '-q', '--bare']);
    await runGit(dir.path, ['remote', 'add', 'origin', remote]);
    await runGit(dir.path, ['push', '-q', '-u', 'origin', 'main']);
    await runGit(dir.path, ['checkout', '-q', '-b', 'feature']);
    await commit(dir.path, 'b.txt', 'feature\n', 'feature work');
    // origin/main gains a commit the local main lacks, and the feature branch is rebased on it.
    await runGit(dir.path, ['checkout', '-q', '-b', 'other', 'main']);
    const ahead = await commit(dir.path, 'c.txt', 'upstream\n', 'upstream work');
    await runGit(dir.path, ['push', '-q', 'origin', 'other:main']);
    await runGit(dir.path, ['fetch', '-q', 'origin']);
    await runGit(dir.path, ['checkout', '-q', 'feature']);
    await runGit(dir.path, ['rebase', '-q', 'origin/main']);

    expect(await mergeBaseWithHead(dir.path, 'main')).toBe(ahead);
  });

  it('lets the model find the merge base when the branch is unknown or there is no repository', async () => {
    const dir = await repo();
    const fallback =
      "Review the code changes against the base branch 'nope'. Start by finding the merge diff between the current branch and nope's upstream e.g. " +
      '(`git merge-base HEAD "$(git rev-parse --abbrev-ref "nope@{upstream}")"`), then run `git diff` against that SHA to see what changes we would merge into the nope branch. Provide prioritized, actionable findings.';
    expect(await mergeBaseWithHead(dir.path, 'nope')).toBeNull();
    expect(await reviewPrompt({ type: 'baseBranch', branch: 'nope' }, dir.path)).toBe(fallback);
    const plain = await realpath(await mkdtemp(join(tmpdir(), 'codex-plain-')));
    cleanups.push(() => rm(plain, { recursive: true, force: true }));
    expect(await mergeBaseWithHead(plain, 'main')).toBeNull();
    expect(await mergeBaseWithHead(dir.path, '--output=x')).toBeNull();
  });

  it('names the commit, with its title when given', async () => {
    const dir = await repo();
    const sha = await commit(dir.path, 'b.txt', 'two\n', 'second');
    expect(await reviewPrompt({ type: 'commit', sha, title: 'Add b' }, dir.path)).toBe(
      `Review the code changes introduced by commit ${sha} ("Add b"). Provide prioritized, actionable findings.`,
    );
    expect(await reviewPrompt({ type: 'commit', sha, title: null }, dir.path)).toBe(
      `Review the code changes introduced by commit ${sha}. Provide prioritized, actionable findings.`,
    );
  });

  it('sends custom instructions as they are', async () => {
    expect(
      await reviewPrompt({ type: 'custom', instructions: 'Focus on the parser' }, tmpdir()),
    ).toBe('Focus on the parser');
  });
});
