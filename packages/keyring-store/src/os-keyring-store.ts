import type { CredentialStore } from './credential-store.js';
import { KeyringOperationError, KeyringUnavailableError } from './keyring-errors.js';

/** The part of `@napi-rs/keyring`'s AsyncEntry we use. */
export interface AsyncEntryLike {
  getPassword(): Promise<string | null | undefined>;
  setPassword(password: string): Promise<void>;
  deletePassword(): Promise<boolean>;
}

export type KeyringEntryFactory = (service: string, account: string) => AsyncEntryLike;

/**
 * Messages of keyring-rs errors that mean "there is no usable keyring here" (PlatformFailure,
 * NoStorageAccess), as opposed to a problem with one entry.
 */
const UNAVAILABLE_PATTERNS = [/platform storage/i, /platform secure storage/i, /no storage/i];

let factoryPromise: Promise<KeyringEntryFactory> | undefined;

/** Loads the native module on first use only, so commands that never touch secrets skip it. */
function loadKeyringEntryFactory(): Promise<KeyringEntryFactory> {
  factoryPromise ??= import('@napi-rs/keyring').then(
    (mod) => (service: string, account: string) => new mod.AsyncEntry(service, account),
  );
  return factoryPromise;
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function mapError(operation: 'load' | 'save' | 'delete', err: unknown): Error {
  const reason = reasonOf(err);
  if (UNAVAILABLE_PATTERNS.some((p) => p.test(reason))) {
    return new KeyringUnavailableError(reason, err);
  }
  return new KeyringOperationError(operation, reason, err);
}

/**
 * Secrets in the operating system's keyring (macOS Keychain, Windows Credential Manager, Secret
 * Service or the kernel keyring on Linux) through `@napi-rs/keyring`. One store is one service
 * name; keys are account names within it.
 */
export class OsKeyringStore implements CredentialStore {
  constructor(
    readonly service: string,
    private readonly entryFactory?: KeyringEntryFactory,
  ) {}

  private async entry(key: string): Promise<AsyncEntryLike> {
    let factory: KeyringEntryFactory;
    try {
      factory = this.entryFactory ?? (await loadKeyringEntryFactory());
    } catch (err) {
      throw new KeyringUnavailableError(`cannot load the keyring module: ${reasonOf(err)}`, err);
    }
    try {
      return factory(this.service, key);
    } catch (err) {
      throw mapError('load', err);
    }
  }

  async load(key: string): Promise<string | null> {
    const entry = await this.entry(key);
    try {
      return (await entry.getPassword()) ?? null;
    } catch (err) {
      throw mapError('load', err);
    }
  }

  async save(key: string, value: string): Promise<void> {
    const entry = await this.entry(key);
    try {
      await entry.setPassword(value);
    } catch (err) {
      throw mapError('save', err);
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = await this.entry(key);
    try {
      return await entry.deletePassword();
    } catch (err) {
      throw mapError('delete', err);
    }
  }
}
