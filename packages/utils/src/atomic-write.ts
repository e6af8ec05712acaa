import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file handle operations an atomic write needs (node's FileHandle has them all). */
export interface AtomicFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file system calls an atomic write makes; `node:fs/promises` is the default. */
export interface AtomicWriteFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: string, mode: number): Promise<AtomicFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export interface AtomicWriteOptions {
  /**
   * Permissions of the written file, applied regardless of the umask. By default a replaced
   * file keeps its mode and a new file gets 0o600.
   */
  mode?: number;
  /** Tests substitute a file system that fails part-way. */
  fs?: AtomicWriteFs;
}

const nodeFs: AtomicWriteFs = {
  mkdir: (path, options) => fsp.mkdir(path, options),
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
};

/**
 * Replaces `target` with `data` so that readers see either the old file or the new one, never a
 * partial write: the data goes to a temporary file in the same directory, which is fsynced and
 * then renamed over the file. On failure the temporary file is removed and the old file is left
 * as it was. A symlink is followed: its target is replaced and the link kept.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const path = await resolveTarget(target);
  const mode = options.mode ?? (await existingMode(path)) ?? 0o600;
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/** Makes the rename durable where the platform allows fsync on a directory. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory (EISDIR, EINVAL, EPERM); the rename still happened.
  } finally {
    await handle.close();
  }
}

async function resolveTarget(path: string): Promise<string> {
  try {
    return await fsp.realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await fsp.stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
