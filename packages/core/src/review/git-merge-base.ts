import { execFile } from 'node:child_process';

/** Each git query gets this long before the review falls back to the prompt without a sha. */
const GIT_TIMEOUT_MS = 5_000;

/** Runs a read-only git query in `cwd`; the trimmed stdout, or null when git fails. */
function gitOutput(cwd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      {
        cwd,
        timeout: GIT_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        windowsHide: true,
        // Queries only: never take the index lock, never ask for credentials.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout) => {
        const text = typeof stdout === 'string' ? stdout.trim() : '';
        resolve(error === null ? text : null);
      },
    );
  });
}

/** The commit a revision names, or null when it names none. */
function resolveCommit(cwd: string, rev: string): Promise<string | null> {
  return gitOutput(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
}

/**
 * The upstream of `branch` (`origin/main`) when it has commits the local branch lacks; then the
 * review compares against what the branch will be merged into, not a stale local copy.
 */
async function upstreamIfAhead(cwd: string, branch: string): Promise<string | null> {
  const upstream = await gitOutput(cwd, [
    'rev-parse',
    '--abbrev-ref',
    '--symbolic-full-name',
    `${branch}@{upstream}`,
  ]);
  if (upstream === null || upstream === '') return null;
  const counts = await gitOutput(cwd, [
    'rev-list',
    '--left-right',
    '--count',
    `${branch}...${upstream}`,
  ]);
  if (counts === null) return null;
  const ahead = Number.parseInt(counts.split(/\s+/)[1] ?? '0', 10);
  return ahead > 0 ? upstream : null;
}

/**
 * `git merge-base HEAD <branch>` in `cwd`, preferring the branch's upstream when it is ahead of
 * the local branch. Null when there is no repository, no HEAD yet, no such branch, or git fails:
 * the review prompt then tells the model to find the merge base itself.
 */
export async function mergeBaseWithHead(cwd: string, branch: string): Promise<string | null> {
  // A name that git would read as an option cannot be a branch to compare against.
  if (branch.startsWith('-')) return null;
  const head = await resolveCommit(cwd, 'HEAD');
  if (head === null || head === '') return null;
  const local = await resolveCommit(cwd, branch);
  if (local === null || local === '') return null;
  const upstream = await upstreamIfAhead(cwd, branch);
  const preferred = (upstream === null ? null : await resolveCommit(cwd, upstream)) ?? local;
  const base = await gitOutput(cwd, ['merge-base', head, preferred]);
  return base === null || base === '' ? null : base;
}
