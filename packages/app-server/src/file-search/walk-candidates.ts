import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_CANDIDATES_PER_ROOT, type CandidateList } from './candidate-list.js';
import { IGNORE_FILES, isIgnored, readIgnoreRules, type IgnoreRule } from './ignore-rules.js';

/** Directories read ahead of the one being taken (the output stays in breadth-first order). */
const LOOKAHEAD = 16;
/** How close to its walk a modification time must be to count as possibly hiding a change. */
const RACY_MS = 2_000;
/** `stat` calls in flight while checking the stamps of a walked tree. */
const STAMP_CHECKS_IN_FLIGHT = 32;

interface QueuedDir {
  dir: string;
  rel: string;
  /** The ignore rules of the directories above `dir` (outermost first), not its own yet. */
  rules: readonly IgnoreRule[];
  /** Identities (`dev:ino`) of the directories leading here, to stop symlink loops. */
  chain: readonly string[];
  /** `mtimeMs` of `dir`, taken before it is read. */
  mtime: number;
}

interface ListedEntry {
  path: string;
  isDir: boolean;
  /** Set for a directory to enter. */
  next?: QueuedDir;
}

interface Listing {
  entries: ListedEntry[];
  stampPaths: string[];
  stamps: number[];
}

const identity = (st: Stats): string => `${st.dev}:${st.ino}`;

/**
 * The candidates of a directory that is not in a git work tree: a breadth-first walk (each
 * directory's entries sorted by name) that applies the `.gitignore` and `.ignore` files met on
 * the way and skips `.git`. Hidden files are included; symlinks are followed, a link to a
 * directory above it is not entered. A root that cannot be read has no candidates. Stops at
 * `MAX_CANDIDATES_PER_ROOT` entries.
 */
export async function walkCandidates(root: string): Promise<CandidateList> {
  const listedAt = Date.now();
  const paths: string[] = [];
  const dirFlags: number[] = [];
  const stampPaths: string[] = [root];
  const stamps: number[] = [];
  const rootStat = await stat(root).catch(() => null);
  stamps.push(rootStat?.mtimeMs ?? -1);
  const queue: QueuedDir[] = [];
  if (rootStat !== null) {
    queue.push({ dir: root, rel: '', rules: [], chain: [identity(rootStat)], mtime: -1 });
  }
  const listings = new Map<number, Promise<Listing>>();
  let head = 0;
  while (head < queue.length && paths.length < MAX_CANDIDATES_PER_ROOT) {
    for (let at = head; at < Math.min(queue.length, head + LOOKAHEAD); at += 1) {
      if (!listings.has(at)) listings.set(at, listDir(queue[at] as QueuedDir));
    }
    const listing = await (listings.get(head) as Promise<Listing>);
    listings.delete(head);
    head += 1;
    for (let i = 0; i < listing.stampPaths.length; i += 1) {
      stampPaths.push(listing.stampPaths[i] as string);
      stamps.push(listing.stamps[i] as number);
    }
    for (const entry of listing.entries) {
      paths.push(entry.path);
      dirFlags.push(entry.isDir ? 1 : 0);
      if (paths.length >= MAX_CANDIDATES_PER_ROOT) break;
      if (entry.next === undefined) continue;
      queue.push(entry.next);
      stampPaths.push(entry.next.dir);
      stamps.push(entry.next.mtime);
    }
  }
  const source = { kind: 'walk', listedAt, stampPaths, stamps: Float64Array.from(stamps) } as const;
  return { paths, dirFlags, source };
}

/** Reads one directory: its ignore files (stamped first), then its entries, filtered. */
async function listDir(item: QueuedDir): Promise<Listing> {
  const dirents = await readdir(item.dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const present = IGNORE_FILES.filter((name) => dirents.some((d) => d.name === name));
  const stampPaths = present.map((name) => join(item.dir, name));
  const stamps = await Promise.all(
    stampPaths.map(async (path) => (await stat(path).catch(() => null))?.mtimeMs ?? -1),
  );
  const own = present.length > 0 ? await readIgnoreRules(item.dir, item.rel, present) : [];
  const rules = own.length > 0 ? [...item.rules, ...own] : item.rules;
  // In name order; a directory or symlink takes its place while it is looked at.
  const slots: Array<ListedEntry | null> = [];
  const resolving: Array<Promise<void>> = [];
  for (const entry of dirents) {
    if (entry.name === '.git') continue;
    const path = item.rel === '' ? entry.name : `${item.rel}/${entry.name}`;
    if (entry.isDirectory() || entry.isSymbolicLink()) {
      const at = slots.push(null) - 1;
      resolving.push(
        resolveDir(item, entry, path, rules).then((resolved) => {
          slots[at] = resolved;
        }),
      );
    } else if (!isIgnored(rules, path, false)) {
      slots.push({ path, isDir: false });
    }
  }
  await Promise.all(resolving);
  const entries = slots.filter((slot): slot is ListedEntry => slot !== null);
  return { entries, stampPaths, stamps };
}

/** A directory or symlink entry: followed (a dangling link is dropped), filtered, stamped. */
async function resolveDir(
  item: QueuedDir,
  entry: Dirent,
  path: string,
  rules: readonly IgnoreRule[],
): Promise<ListedEntry | null> {
  const full = join(item.dir, entry.name);
  let target: Stats | null = null;
  let isDir = entry.isDirectory();
  if (entry.isSymbolicLink()) {
    target = await stat(full).catch(() => null);
    if (target === null) return null;
    isDir = target.isDirectory();
  }
  if (isIgnored(rules, path, isDir)) return null;
  if (!isDir) return { path, isDir };
  target ??= await stat(full).catch(() => null);
  if (target === null) return { path, isDir };
  const id = identity(target);
  if (item.chain.includes(id)) return { path, isDir };
  const next = { dir: full, rel: path, rules, chain: [...item.chain, id], mtime: target.mtimeMs };
  return { path, isDir, next };
}

/**
 * True when every stamped path still has the modification time it had when walked, and none
 * had one within `RACY_MS` of the walk: a change made in the same tick of a coarse file clock
 * (FAT, some network file systems) as the walk's look at it would not show, so such a tree is
 * walked again until its times are older than that.
 */
export async function walkStampsUnchanged(
  listedAt: number,
  stampPaths: readonly string[],
  stamps: Float64Array,
): Promise<boolean> {
  for (const stamp of stamps) if (stamp >= listedAt - RACY_MS) return false;
  let next = 0;
  let changed = false;
  const worker = async (): Promise<void> => {
    while (!changed && next < stampPaths.length) {
      const at = next;
      next += 1;
      const now = (await stat(stampPaths[at] as string).catch(() => null))?.mtimeMs ?? -1;
      if (now !== stamps[at]) changed = true;
    }
  };
  await Promise.all(Array.from({ length: STAMP_CHECKS_IN_FLIGHT }, worker));
  return !changed;
}
