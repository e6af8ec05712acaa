import { execFile } from 'node:child_process';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isIgnored, readIgnoreRules } from './ignore-rules.js';

/** A file or directory a search may match, relative to its root (`/`-separated). */
export interface FileCandidate {
  path: string;
  isDir: boolean;
}

/** Most entries taken from one root; the rest of a huge tree is not searched. */
export const MAX_CANDIDATES_PER_ROOT = 200_000;
const GIT_TIMEOUT_MS = 20_000;
const GIT_MAX_BUFFER = 256 * 1024 * 1024;

/**
 * The files and directories under `root` that a search looks at. In a git work tree: what
 * `git ls-files` reports (tracked and untracked files, ignored ones left out, deleted ones
 * dropped) and their directories. Elsewhere: a bounded walk that applies `.gitignore` and
 * `.ignore` files and skips `.git`. Hidden files are included; a root that cannot be read has no
 * candidates. `cancelled` is polled while walking.
 */
export async function listCandidates(
  root: string,
  cancelled: () => boolean,
): Promise<FileCandidate[]> {
  const fromGit = await gitCandidates(root);
  if (fromGit !== null) return fromGit;
  return walkCandidates(root, cancelled);
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

async function gitCandidates(root: string): Promise<FileCandidate[] | null> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside?.trim() !== 'true') return null;
  const [listed, deleted] = await Promise.all([
    git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']),
    git(root, ['ls-files', '-z', '--deleted']),
  ]);
  if (listed === null) return null;
  const gone = new Set(deleted?.split('\0') ?? []);
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const path of listed.split('\0')) {
    if (path === '' || gone.has(path) || files.has(path)) continue;
    files.add(path);
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const dir = path.slice(0, slash);
      if (dirs.has(dir)) break;
      dirs.add(dir);
    }
    if (files.size + dirs.size >= MAX_CANDIDATES_PER_ROOT) break;
  }
  return [
    ...[...dirs].map((path) => ({ path, isDir: true })),
    ...[...files].map((path) => ({ path, isDir: false })),
  ];
}

type Rules = Awaited<ReturnType<typeof readIgnoreRules>>;

async function walkCandidates(root: string, cancelled: () => boolean): Promise<FileCandidate[]> {
  const out: FileCandidate[] = [];
  // `chain`: the real paths of the directories leading here, to stop symlink loops.
  const queue: Array<{ dir: string; rel: string; rules: Rules; chain: string[] }> = [];
  const rootReal = await realpath(root).catch(() => null);
  if (rootReal === null) return out;
  queue.push({ dir: root, rel: '', rules: await readIgnoreRules(root, ''), chain: [rootReal] });
  while (queue.length > 0 && out.length < MAX_CANDIDATES_PER_ROOT && !cancelled()) {
    const { dir, rel, rules, chain } = queue.shift() as (typeof queue)[number];
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const full = join(dir, entry.name);
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        // Followed, as the Rust walker does; a link to a directory above it is not entered.
        const target = await stat(full).catch(() => null);
        if (target === null) continue;
        isDir = target.isDirectory();
      }
      if (isIgnored(rules, path, isDir)) continue;
      out.push({ path, isDir });
      if (out.length >= MAX_CANDIDATES_PER_ROOT) break;
      if (!isDir) continue;
      const real = await realpath(full).catch(() => null);
      if (real === null || chain.includes(real)) continue;
      const own = await readIgnoreRules(full, path);
      const next = own.length > 0 ? [...rules, ...own] : rules;
      queue.push({ dir: full, rel: path, rules: next, chain: [...chain, real] });
    }
  }
  return out;
}
