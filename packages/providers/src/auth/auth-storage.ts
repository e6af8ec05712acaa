import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import type { AuthCredentialsStoreMode } from '@codex-ts/config';
import { KeyringStoreError, OsKeyringStore } from '@codex-ts/keyring-store';
import type { CredentialStore } from '@codex-ts/keyring-store';
import type { AtomicWriteFs } from '@codex-ts/utils';
import type { AuthDotJson } from './auth-dot-json.js';
import { parseAuthDotJson, toOrderedJson } from './auth-dot-json.js';
import { KEYRING_SERVICE } from './auth-constants.js';
import { AuthFileStore } from './auth-file-store.js';

/** Where login credentials are read from and written to, per `cli_auth_credentials_store`. */
export interface AuthStorage {
  readonly mode: AuthCredentialsStoreMode;
  /** `$CODEX_HOME/auth.json` (the store in `file` mode, the fallback otherwise). */
  readonly authFilePath: string;
  /** The stored credentials, or null when there are none. */
  load(): Promise<AuthDotJson | null>;
  save(auth: AuthDotJson): Promise<void>;
  /** Removes the credentials everywhere they may be; true when something was removed. */
  delete(): Promise<boolean>;
}

export interface AuthStorageOptions {
  codexHome: string;
  mode: AuthCredentialsStoreMode;
  /** The keyring used in `keyring` / `auto` modes (default: the OS keyring, loaded lazily). */
  keyring?: CredentialStore;
  /**
   * Told when `keyring` mode had to use auth.json because the keyring could not be used; the
   * CLI prints these on stderr. (`auto` falls back silently.)
   */
  onWarning?: (message: string) => void;
  /** Tests substitute a file system that fails part-way through writing auth.json. */
  fs?: AtomicWriteFs;
}

/**
 * The keyring account for a CODEX_HOME: `cli|` + the first 16 hex digits of the SHA-256 of its
 * canonical path, so several homes on one machine keep separate credentials.
 */
export function keyringAccountFor(codexHome: string): string {
  let canonical = codexHome;
  try {
    canonical = realpathSync(codexHome);
  } catch {
    // Not created yet: hash the path as given.
  }
  const digest = createHash('sha256').update(canonical).digest('hex');
  return `cli|${digest.slice(0, 16)}`;
}

function reasonOf(err: unknown): string {
  if (err instanceof KeyringStoreError && 'reason' in err && typeof err.reason === 'string') {
    return err.reason;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Keyring first, auth.json when the keyring has nothing or cannot be used. A successful keyring
 * save removes auth.json so no stale copy stays on disk.
 */
class KeyringAuthStorage implements AuthStorage {
  readonly authFilePath: string;
  private readonly account: string;
  private warned = false;

  constructor(
    readonly mode: 'keyring' | 'auto',
    codexHome: string,
    private readonly keyring: CredentialStore,
    private readonly file: AuthFileStore,
    private readonly onWarning: ((message: string) => void) | undefined,
  ) {
    this.authFilePath = file.path;
    this.account = keyringAccountFor(codexHome);
  }

  /** One warning per storage is enough: the rest would repeat that the keyring is unusable. */
  private warn(message: string): void {
    if (this.mode !== 'keyring' || !this.onWarning || this.warned) return;
    this.warned = true;
    this.onWarning(message);
  }

  async load(): Promise<AuthDotJson | null> {
    let stored: string | null;
    try {
      stored = await this.keyring.load(this.account);
    } catch (err) {
      this.warn(
        `Could not read credentials from the OS keyring (${reasonOf(err)}); using ${this.authFilePath}.`,
      );
      return this.file.load();
    }
    if (stored === null) return this.file.load();
    return parseAuthDotJson(stored, `the keyring entry ${KEYRING_SERVICE}/${this.account}`);
  }

  async save(auth: AuthDotJson): Promise<void> {
    try {
      await this.keyring.save(this.account, JSON.stringify(toOrderedJson(auth)));
    } catch (err) {
      this.warn(
        `The OS keyring is not available (${reasonOf(err)}); credentials were saved to ${this.authFilePath} instead.`,
      );
      await this.file.save(auth);
      return;
    }
    await this.file.delete().catch(() => false);
  }

  async delete(): Promise<boolean> {
    let fromKeyring = false;
    try {
      fromKeyring = await this.keyring.delete(this.account);
    } catch (err) {
      this.warn(`Could not remove credentials from the OS keyring (${reasonOf(err)}).`);
    }
    const fromFile = await this.file.delete();
    return fromKeyring || fromFile;
  }
}

/** The storage for a `cli_auth_credentials_store` mode. */
export function createAuthStorage(opts: AuthStorageOptions): AuthStorage {
  const file = new AuthFileStore(opts.codexHome, opts.fs);
  if (opts.mode === 'file') {
    return {
      mode: 'file',
      authFilePath: file.path,
      load: () => file.load(),
      save: (auth) => file.save(auth),
      delete: () => file.delete(),
    };
  }
  const keyring = opts.keyring ?? new OsKeyringStore(KEYRING_SERVICE);
  return new KeyringAuthStorage(opts.mode, opts.codexHome, keyring, file, opts.onWarning);
}
