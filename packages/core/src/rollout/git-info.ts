import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { GitInfo } from './rollout-schemas.js';

/** The Rust Codex gives each git command 5 s before giving up. */
export const DEFAULT_GIT_TIMEOUT_MS = 5_000;

interface GitResult {
  ok: boolean;
  stdout: string;
}

function runGit(args: string[], cwd: string, timeoutMs: number): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      {
        cwd,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        windowsHide: true,
        // Read-only queries: never take the index lock another git process may want.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout) => {
        resolve({ ok: error === null, stdout: typeof stdout === 'string' ? stdout : '' });
      },
    );
  });
}

/**
 * The `git` block of session_meta for `cwd`: HEAD commit, branch (absent when detached) and the
 * `origin` URL, each absent when git cannot tell. `null` outside a repository, when git is not
 * installed, or when the repository check does not answer within the timeout.
 */
export async function collectGitInfo(
  cwd: string,
  options: { timeoutMs?: number } = {},
): Promise<GitInfo | null> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  if (!(await mayBeInGitRepo(cwd))) return null;
  const inRepo = await runGit(['rev-parse', '--git-dir'], cwd, timeoutMs);
  if (!inRepo.ok) return null;

  const [commit, branch, origin] = await Promise.all([
    runGit(['rev-parse', 'HEAD'], cwd, timeoutMs),
    runGit(['rev-parse', '--abbrev-ref', 'HEAD'], cwd, timeoutMs),
    runGit(['remote', 'get-url', 'origin'], cwd, timeoutMs),
  ]);
  const info: GitInfo = {};
  const hash = commit.stdout.trim();
  if (commit.ok && hash !== '') info.commit_hash = hash;
  const branchName = branch.stdout.trim();
  if (branch.ok && branchName !== '' && branchName !== 'HEAD') info.branch = branchName;
  if (origin.ok) info.repository_url = origin.stdout.trim();
  return info;
}

/**
 * False when git cannot find a repository from `cwd`: neither `cwd` nor an ancestor holds a
 * `.git` entry (the directory, or the file of a worktree or submodule) or a `HEAD` (a bare
 * repository, or the inside of a `.git` directory), and `GIT_DIR` is not set. Outside a
 * repository this saves starting a `git` process that could only fail; wherever git might
 * succeed, it is asked as before.
 */
export async function mayBeInGitRepo(
  cwd: string,
  env: Record<string, string | undefined> = process.env,
): Promise<boolean> {
  if (env['GIT_DIR']) return true;
  let dir = resolve(cwd);
  for (;;) {
    const found = await Promise.all([exists(join(dir, '.git')), exists(join(dir, 'HEAD'))]);
    if (found[0] || found[1]) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    // Only a missing entry rules git out; anything else (EACCES, ELOOP, ...) leaves it to git.
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
