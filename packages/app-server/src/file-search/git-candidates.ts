import { execFile } from 'node:child_process';
import { MAX_CANDIDATES_PER_ROOT, type CandidateList } from './candidate-list.js';

const GIT_TIMEOUT_MS = 20_000;
const GIT_MAX_BUFFER = 256 * 1024 * 1024;

/** The raw output of the two `git ls-files` runs an index of a work tree is built from. */
export interface GitListing {
  listed: string;
  deleted: string;
}

function git(root: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, ...args],
      { maxBuffer: GIT_MAX_BUFFER, timeout: GIT_TIMEOUT_MS, encoding: 'utf8' },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}

/** True when `root` is inside a git work tree (and git runs). */
export async function isGitWorkTree(root: string): Promise<boolean> {
  return (await git(root, ['rev-parse', '--is-inside-work-tree']))?.trim() === 'true';
}

/**
 * Tracked and untracked files of the work tree at `root`, ignored ones left out
 * (`--exclude-standard`: `.gitignore`, `.git/info/exclude`, the global excludes file), and the
 * deleted ones; null when git fails.
 */
export async function gitListing(root: string): Promise<GitListing | null> {
  const [listed, deleted] = await Promise.all([
    git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']),
    git(root, ['ls-files', '-z', '--deleted']),
  ]);
  if (listed === null) return null;
  return { listed, deleted: deleted ?? '' };
}

/** The candidates of a listing: its files (deleted ones dropped) and their directories. */
export function gitCandidates(listing: GitListing): CandidateList {
  const gone = new Set(listing.deleted.split('\0'));
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const path of listing.listed.split('\0')) {
    if (path === '' || gone.has(path) || files.has(path)) continue;
    files.add(path);
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const dir = path.slice(0, slash);
      if (dirs.has(dir)) break;
      dirs.add(dir);
    }
    if (files.size + dirs.size >= MAX_CANDIDATES_PER_ROOT) break;
  }
  const paths = [...dirs, ...files];
  const dirFlags = new Array<number>(paths.length).fill(0).fill(1, 0, dirs.size);
  return { paths, dirFlags, source: { kind: 'git', ...listing } };
}
