/**
 * A place to keep secrets by key: the OS keyring, a 0600 file, or memory (tests). Every method
 * rejects with a KeyringStoreError (see keyring-errors.ts) when the backend cannot be used.
 */
export interface CredentialStore {
  /** The stored value, or null when nothing is stored under `key`. */
  load(key: string): Promise<string | null>;
  /** Stores `value` under `key`, replacing what was there. */
  save(key: string, value: string): Promise<void>;
  /** Removes `key`; resolves true when something was removed. */
  delete(key: string): Promise<boolean>;
}
