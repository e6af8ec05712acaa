import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { HistoryLockTimeoutError } from './errors.js';

/**
 * A cross-process lock for `history.jsonl`: the file `history.jsonl.lock`, created exclusively
 * and holding the owner's pid. Node has no flock(2), so this does not exclude a Rust Codex
 * appending at the same time; its single O_APPEND writes still land whole.
 * A lock left by a dead process (or older than `staleMs`) is broken.
 */

export interface HistoryLockOptions {
  /** Give up after this long (default 5 s). */
  timeoutMs?: number;
  /** A lock file older than this is left over from a crash (default 10 s; holds last ms). */
  staleMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_STALE_MS = 10_000;

function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as { code?: string }).code : undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errCode(err) === 'EPERM';
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const info = await stat(lockPath);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    const pid = Number.parseInt((await readFile(lockPath, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid);
  } catch (err) {
    // Gone already: not stale, just free; the next attempt takes it.
    if (errCode(err) === 'ENOENT') return false;
    throw err;
  }
}

async function breakLock(lockPath: string): Promise<void> {
  // Rename first so that of two processes breaking the same lock only one removes it.
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await rename(lockPath, aside);
    await unlink(aside);
  } catch (err) {
    if (errCode(err) !== 'ENOENT') throw err;
  }
}

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    const fh = await open(lockPath, 'wx', 0o600);
    try {
      await fh.writeFile(`${process.pid}\n`);
    } finally {
      await fh.close();
    }
    return true;
  } catch (err) {
    if (errCode(err) === 'EEXIST') return false;
    throw err;
  }
}

/** Runs `fn` while holding the lock next to `filePath`. */
export async function withFileLock<T>(
  filePath: string,
  fn: () => Promise<T>,
  opts: HistoryLockOptions = {},
): Promise<T> {
  const lockPath = `${filePath}.lock`;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
  const started = Date.now();
  while (!(await tryCreate(lockPath))) {
    if (await isStale(lockPath, staleMs)) {
      await breakLock(lockPath);
      continue;
    }
    if (Date.now() - started >= timeoutMs) throw new HistoryLockTimeoutError(filePath, timeoutMs);
    await sleep(2 + Math.floor(Math.random() * 15));
  }
  try {
    return await fn();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
