import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@codex-ts/utils';
import type { AtomicWriteFs } from '@codex-ts/utils';
import type { AuthDotJson } from './auth-dot-json.js';
import { parseAuthDotJson, serializeAuthDotJson } from './auth-dot-json.js';
import { AUTH_JSON_FILE } from './auth-constants.js';
import { AuthStorageError } from './auth-errors.js';

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** `$CODEX_HOME/auth.json`: owner-only (0600), always replaced atomically. */
export class AuthFileStore {
  readonly path: string;

  constructor(
    codexHome: string,
    private readonly fs?: AtomicWriteFs,
  ) {
    this.path = join(codexHome, AUTH_JSON_FILE);
  }

  async load(): Promise<AuthDotJson | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AuthStorageError(`cannot read ${this.path}: ${describe(err)}`, { cause: err });
    }
    return parseAuthDotJson(text, this.path);
  }

  async save(auth: AuthDotJson): Promise<void> {
    const text = serializeAuthDotJson(auth);
    try {
      await writeFileAtomic(this.path, text, { mode: 0o600, ...(this.fs ? { fs: this.fs } : {}) });
    } catch (err) {
      throw new AuthStorageError(`cannot write ${this.path}: ${describe(err)}`, { cause: err });
    }
  }

  async delete(): Promise<boolean> {
    try {
      await unlink(this.path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new AuthStorageError(`cannot remove ${this.path}: ${describe(err)}`, { cause: err });
    }
  }
}
