import * as fsp from 'node:fs/promises';
import type { AtomicWriteFs } from '@codex-ts/utils';

/**
 * Real node fs for `writeFileAtomic`, except that writing the temp file stops half-way with
 * ENOSPC (`no space left on device`), as on a full disk.
 */
export function failingMidWriteFs(): AtomicWriteFs {
  return {
    mkdir: (path, options) => fsp.mkdir(path, options),
    rename: (from, to) => fsp.rename(from, to),
    unlink: (path) => fsp.unlink(path),
    async open(path, flags, mode) {
      const handle = await fsp.open(path, flags, mode);
      return {
        chmod: (m) => handle.chmod(m),
        sync: () => handle.sync(),
        close: () => handle.close(),
        async writeFile(data) {
          const bytes = typeof data === 'string' ? Buffer.from(data) : data;
          await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      };
    },
  };
}
