import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ARCHIVED_SESSIONS_SUBDIR,
  isThreadId,
  parseRolloutFileName,
  SESSIONS_SUBDIR,
} from './rollout-paths.js';

export interface RolloutFileEntry {
  path: string;
  threadId: string;
  /** `YYYY-MM-DDThh-mm-ss` from the file name (local time of creation). */
  fileTimestamp: string;
  archived: boolean;
}

export interface ListRolloutFilesOptions {
  /** List `archived_sessions/` instead of `sessions/`. */
  archived?: boolean;
}

/**
 * Every rollout file under `sessions/` (or `archived_sessions/`), newest first: date directories
 * in descending order, then files by (timestamp, id) descending, the order the Rust Codex pages
 * through them. Directories are read lazily, so stopping early reads little. A missing root
 * yields nothing.
 */
export async function* listRolloutFiles(
  codexHome: string,
  options: ListRolloutFilesOptions = {},
): AsyncGenerator<RolloutFileEntry> {
  const archived = options.archived ?? false;
  const root = join(codexHome, archived ? ARCHIVED_SESSIONS_SUBDIR : SESSIONS_SUBDIR);
  if (archived) {
    // Rust archives into a flat directory; files kept in date directories are listed too.
    const flat = await rolloutFilesIn(root, true);
    const nested: RolloutFileEntry[] = [];
    for await (const entry of walkDateTree(root, true)) nested.push(entry);
    yield* sortNewestFirst([...flat, ...nested]);
    return;
  }
  yield* walkDateTree(root, false);
}

/**
 * The rollout file of a thread: `sessions/` first, then `archived_sessions/` unless
 * `includeArchived` is false. `null` when there is none or `threadId` is not a UUID.
 */
export async function findRolloutPath(
  codexHome: string,
  threadId: string,
  options: { includeArchived?: boolean } = {},
): Promise<string | null> {
  if (!isThreadId(threadId)) return null;
  const wanted = threadId.toLowerCase();
  const roots = options.includeArchived === false ? [false] : [false, true];
  for (const archived of roots) {
    for await (const entry of listRolloutFiles(codexHome, { archived })) {
      if (entry.threadId === wanted) return entry.path;
    }
  }
  return null;
}

async function* walkDateTree(root: string, archived: boolean): AsyncGenerator<RolloutFileEntry> {
  for (const year of await numericDirsDesc(root)) {
    for (const month of await numericDirsDesc(year)) {
      for (const day of await numericDirsDesc(month)) {
        yield* sortNewestFirst(await rolloutFilesIn(day, archived));
      }
    }
  }
}

async function readDirents(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

async function numericDirsDesc(parent: string): Promise<string[]> {
  const dirs = (await readDirents(parent))
    .filter((entry) => entry.isDirectory() && /^\d+$/.test(entry.name))
    .map((entry) => ({ value: Number(entry.name), path: join(parent, entry.name) }));
  dirs.sort((a, b) => b.value - a.value);
  return dirs.map((dir) => dir.path);
}

async function rolloutFilesIn(dir: string, archived: boolean): Promise<RolloutFileEntry[]> {
  const files: RolloutFileEntry[] = [];
  for (const entry of await readDirents(dir)) {
    if (!entry.isFile()) continue;
    const parsed = parseRolloutFileName(entry.name);
    if (parsed) files.push({ path: join(dir, entry.name), ...parsed, archived });
  }
  return files;
}

function sortNewestFirst(files: RolloutFileEntry[]): RolloutFileEntry[] {
  return files.sort((a, b) => {
    if (a.fileTimestamp !== b.fileTimestamp) return a.fileTimestamp < b.fileTimestamp ? 1 : -1;
    if (a.threadId === b.threadId) return 0;
    return a.threadId < b.threadId ? 1 : -1;
  });
}
