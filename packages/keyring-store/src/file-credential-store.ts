import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@codex-ts/utils';
import type { CredentialStore } from './credential-store.js';
import { KeyringOperationError } from './keyring-errors.js';

/**
 * Secrets in one JSON file (`{"key": "value", ...}`) readable by the owner only (0600), rewritten
 * atomically. The fallback when no OS keyring is reachable.
 */
export class FileCredentialStore implements CredentialStore {
  constructor(readonly path: string) {}

  private async readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new KeyringOperationError('load', (err as Error).message, err);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new KeyringOperationError('load', `${this.path} is not valid JSON`, err);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new KeyringOperationError('load', `${this.path} does not hold a JSON object`);
    }
    const entries: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string') entries[key] = value;
    }
    return entries;
  }

  private async writeAll(entries: Record<string, string>, operation: 'save' | 'delete') {
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
    } catch (err) {
      throw new KeyringOperationError(operation, (err as Error).message, err);
    }
  }

  async load(key: string): Promise<string | null> {
    const entries = await this.readAll();
    return Object.hasOwn(entries, key) ? (entries[key] ?? null) : null;
  }

  async save(key: string, value: string): Promise<void> {
    const entries = await this.readAll();
    entries[key] = value;
    await this.writeAll(entries, 'save');
  }

  async delete(key: string): Promise<boolean> {
    const entries = await this.readAll();
    if (!Object.hasOwn(entries, key)) return false;
    delete entries[key];
    await this.writeAll(entries, 'delete');
    return true;
  }
}
