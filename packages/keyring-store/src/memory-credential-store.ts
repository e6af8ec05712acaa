import type { CredentialStore } from './credential-store.js';
import { KeyringUnavailableError } from './keyring-errors.js';

/**
 * A CredentialStore in memory, for tests. `setUnavailable(reason)` makes every call reject with
 * KeyringUnavailableError, as an OS keyring that cannot be reached does.
 */
export class MemoryCredentialStore implements CredentialStore {
  private readonly entries = new Map<string, string>();
  private unavailableReason: string | null = null;

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.entries.set(key, value);
  }

  /** Simulates an unreachable keyring (a reason) or a working one again (null). */
  setUnavailable(reason: string | null): void {
    this.unavailableReason = reason;
  }

  /** A copy of everything stored, for assertions. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }

  private check(): void {
    if (this.unavailableReason !== null) {
      throw new KeyringUnavailableError(this.unavailableReason);
    }
  }

  async load(key: string): Promise<string | null> {
    await Promise.resolve();
    this.check();
    return this.entries.get(key) ?? null;
  }

  async save(key: string, value: string): Promise<void> {
    await Promise.resolve();
    this.check();
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    await Promise.resolve();
    this.check();
    return this.entries.delete(key);
  }
}
