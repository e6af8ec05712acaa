import { open, readFile, stat } from 'node:fs/promises';
import { HistoryLockTimeoutError } from './errors.js';
import { withFileLock } from './history-lock.js';
import { historyPath, parseHistoryLine } from './history-types.js';
import type { HistoryEntry, HistoryMetadata, HistorySearchHit } from './history-types.js';

const CHUNK = 64 * 1024;
/** Readers wait this long for a writer (that may be trimming) before reading anyway. */
const READ_LOCK_WAIT_MS = 1000;

function isMissing(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'ENOENT';
}

/** Reads under the history lock when it can be had soon, so a trim in progress is not seen. */
async function underReadLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withFileLock(path, fn, { timeoutMs: READ_LOCK_WAIT_MS });
  } catch (err) {
    if (err instanceof HistoryLockTimeoutError) return fn();
    throw err;
  }
}

/** The file's identity (inode) and entry count (newlines); `{0, 0}` without a file. */
export async function historyMetadata(codexHome: string): Promise<HistoryMetadata> {
  const path = historyPath(codexHome);
  let logId: number;
  try {
    logId = Number((await stat(path, { bigint: true })).ino);
  } catch {
    return { logId: 0, count: 0 };
  }
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      let count = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
        if (bytesRead === 0) break;
        for (let i = buf.indexOf(0x0a); i >= 0 && i < bytesRead; i = buf.indexOf(0x0a, i + 1)) {
          count++;
        }
      }
      return { logId, count };
    } finally {
      await fh.close();
    }
  } catch {
    return { logId, count: 0 };
  }
}

/**
 * The entry on zero-based line `offset`, if the file still is the one `logId` names (0 accepts
 * any) and the line parses; null otherwise. What the composer's Up-arrow asks for.
 */
export async function lookupHistoryEntry(
  codexHome: string,
  logId: number,
  offset: number,
): Promise<HistoryEntry | null> {
  if (!Number.isInteger(offset) || offset < 0) return null;
  const path = historyPath(codexHome);
  try {
    return await underReadLock(path, async () => {
      const fh = await open(path, 'r');
      try {
        const ino = Number((await fh.stat({ bigint: true })).ino);
        if (logId !== 0 && ino !== logId) return null;
        const line = await readLine(fh, offset);
        return line === null ? null : parseHistoryLine(line);
      } finally {
        await fh.close();
      }
    });
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

/** Scans chunk by chunk for line `offset` without reading the rest of the file. */
async function readLine(
  fh: Awaited<ReturnType<typeof open>>,
  offset: number,
): Promise<string | null> {
  const buf = Buffer.allocUnsafe(CHUNK);
  const parts: Buffer[] = [];
  let line = 0;
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
    if (bytesRead === 0) break;
    let start = 0;
    while (start < bytesRead) {
      const nl = buf.indexOf(0x0a, start);
      const end = nl >= 0 && nl < bytesRead ? nl : bytesRead;
      if (line === offset) parts.push(Buffer.from(buf.subarray(start, end)));
      if (end === bytesRead) break;
      if (line === offset) return Buffer.concat(parts).toString('utf8');
      line++;
      start = end + 1;
    }
  }
  return line === offset && parts.length > 0 ? Buffer.concat(parts).toString('utf8') : null;
}

/**
 * Entries whose text contains `term` (case-insensitive), newest first, at most `limit`. An empty
 * term matches every entry.
 */
export async function searchHistory(
  codexHome: string,
  term: string,
  limit: number,
): Promise<HistorySearchHit[]> {
  const path = historyPath(codexHome);
  let text: string;
  try {
    text = await underReadLock(path, () => readFile(path, 'utf8'));
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const needle = term.toLowerCase();
  const hits: HistorySearchHit[] = [];
  for (let i = lines.length - 1; i >= 0 && hits.length < limit; i--) {
    const entry = parseHistoryLine(lines[i] ?? '');
    if (entry !== null && entry.text.toLowerCase().includes(needle))
      hits.push({ offset: i, entry });
  }
  return hits;
}
