import { execFile } from 'node:child_process';
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
