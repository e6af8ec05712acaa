import { mkdir, open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { HistoryWriteError } from './errors.js';
import { withFileLock } from './history-lock.js';
import type { HistoryLockOptions } from './history-lock.js';
import { historyPath } from './history-types.js';
import type { HistoryEntry, HistoryPersistence } from './history-types.js';

/** Over the cap, the file is cut to this share of it, so the next append does not cut again. */
export const HISTORY_SOFT_CAP_RATIO = 0.8;

export interface AppendHistoryOptions {
  codexHome: string;
  /** The thread id. */
  sessionId: string;
  text: string;
  persistence: HistoryPersistence;
  /** `history.max_bytes`: undefined, null or 0 for no cap. */
  maxBytes?: number | null;
  /** Seconds since the epoch (default now). */
  ts?: number;
  lock?: HistoryLockOptions;
}

/**
 * Appends one `{session_id, ts, text}` line to `CODEX_HOME/history.jsonl` (mode 0600) under the
 * history lock, then trims the oldest lines if the file outgrew `maxBytes`. Does nothing and
 * returns false when persistence is `none`.
 */
export async function appendHistoryEntry(opts: AppendHistoryOptions): Promise<boolean> {
  if (opts.persistence === 'none') return false;
  const path = historyPath(opts.codexHome);
  const entry: HistoryEntry = {
    session_id: opts.sessionId,
    ts: opts.ts ?? Math.floor(Date.now() / 1000),
    text: opts.text,
  };
  // The whole line goes out in one write so that even a writer ignoring our lock cannot split it.
  const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
  try {
    await mkdir(opts.codexHome, { recursive: true });
  } catch (err) {
    throw new HistoryWriteError(path, err);
  }
  await withFileLock(
    path,
    async () => {
      let fh: FileHandle;
      try {
        fh = await open(path, 'a', 0o600);
      } catch (err) {
        throw new HistoryWriteError(path, err);
      }
      try {
        const info = await fh.stat();
        if ((info.mode & 0o777) !== 0o600) await fh.chmod(0o600);
        await writeAll(fh, line);
        await enforceLimit(fh, path, opts.maxBytes);
      } catch (err) {
        throw new HistoryWriteError(path, err);
      } finally {
        await fh.close();
      }
    },
    opts.lock,
  );
  return true;
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done);
    done += bytesWritten;
  }
}

/** The size the file is cut down to: the soft cap, but never less than the newest line. */
export function trimTargetBytes(maxBytes: number, newestLineBytes: number): number {
  const soft = Math.min(Math.max(Math.floor(maxBytes * HISTORY_SOFT_CAP_RATIO), 1), maxBytes);
  return Math.max(soft, newestLineBytes);
}

/** Byte length of each line, newline included; a last line without one counts too. */
export function lineLengths(buf: Buffer): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
    lengths.push(nl + 1 - start);
    start = nl + 1;
  }
  if (start < buf.length) lengths.push(buf.length - start);
  return lengths;
}

/**
 * Past `maxBytes`, drops whole lines from the front until the file fits the soft cap, always
 * keeping the newest line, and rewrites it in place so its identity (the history log id) stays.
 */
async function enforceLimit(
  fh: FileHandle,
  path: string,
  maxBytes: number | null | undefined,
): Promise<void> {
  if (maxBytes === undefined || maxBytes === null || !(maxBytes > 0)) return;
  const size = (await fh.stat()).size;
  if (size <= maxBytes) return;
  const buf = await readFile(path);
  const lengths = lineLengths(buf);
  if (lengths.length === 0) return;
  const last = lengths.length - 1;
  const target = trimTargetBytes(maxBytes, lengths[last] ?? 0);
  let current = buf.length;
  let drop = 0;
  for (let i = 0; i < last && current > target; i++) {
    const len = lengths[i] ?? 0;
    current -= len;
    drop += len;
  }
  if (drop === 0) return;
  await fh.truncate(0);
  // The handle is in append mode, so this lands at offset 0 of the emptied file.
  await writeAll(fh, buf.subarray(drop));
}
