import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FileCredentialStore,
  KeyringOperationError,
  KeyringUnavailableError,
  MemoryCredentialStore,
  OsKeyringStore,
} from '@codex-ts/keyring-store';
import { failingMidWriteFs } from '@codex-ts/test-support';
import { writeFileAtomic } from '@codex-ts/utils';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyring-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes an owner-only file', async () => {
    const path = join(dir, 'secret.json');
    await writeFileAtomic(path, '{"a":1}');
    expect(await readFile(path, 'utf8')).toBe('{"a":1}');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['secret.json']);
  });

  it('replaces an existing file and applies the mode even when the old one was wider', async () => {
    const path = join(dir, 'secret.json');
    await writeFile(path, 'old', { mode: 0o644 });
    await writeFileAtomic(path, 'new', { mode: 0o600 });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('keeps the mode of a replaced file unless told otherwise', async () => {
    const path = join(dir, 'config.toml');
    await writeFile(path, 'old');
    await fsp.chmod(path, 0o640);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it('leaves the old file intact and no temp file behind when the write fails part-way', async () => {
    const path = join(dir, 'secret.json');
    await writeFile(path, 'old content');
    await expect(
      writeFileAtomic(path, 'x'.repeat(10_000), { fs: failingMidWriteFs() }),
    ).rejects.toThrow(/no space left/);
    expect(await readFile(path, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['secret.json']);
  });

  it('creates missing parent directories', async () => {
    const path = join(dir, 'a', 'b', 'secret.json');
    await writeFileAtomic(path, 'x');
    expect(await readFile(path, 'utf8')).toBe('x');
  });
});

describe('MemoryCredentialStore', () => {
  it('loads, saves and deletes', async () => {
    const store = new MemoryCredentialStore();
    expect(await store.load('k')).toBeNull();
    await store.save('k', 'v');
    expect(await store.load('k')).toBe('v');
    expect(store.snapshot()).toEqual({ k: 'v' });
    expect(await store.delete('k')).toBe(true);
    expect(await store.delete('k')).toBe(false);
  });

  it('rejects with KeyringUnavailableError while unavailable', async () => {
    const store = new MemoryCredentialStore({ k: 'v' });
    store.setUnavailable('locked');
    await expect(store.load('k')).rejects.toBeInstanceOf(KeyringUnavailableError);
    await expect(store.save('k', 'w')).rejects.toMatchObject({ code: 'KEYRING_UNAVAILABLE' });
    store.setUnavailable(null);
    expect(await store.load('k')).toBe('v');
  });
});

describe('FileCredentialStore', () => {
  it('keeps entries in one 0600 JSON file', async () => {
    const path = join(dir, 'creds.json');
    const store = new FileCredentialStore(path);
    await store.save('a', '1');
    await store.save('b', '2');
    expect(await store.load('a')).toBe('1');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ a: '1', b: '2' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await store.delete('a')).toBe(true);
    expect(await store.load('a')).toBeNull();
    expect(await store.delete('a')).toBe(false);
  });

  it('reports a corrupt file as a typed error', async () => {
    const path = join(dir, 'creds.json');
    await writeFile(path, 'not json');
    await expect(new FileCredentialStore(path).load('a')).rejects.toBeInstanceOf(
      KeyringOperationError,
    );
  });
});

describe('OsKeyringStore', () => {
  it('maps "no platform storage" failures to KeyringUnavailableError', async () => {
    const store = new OsKeyringStore('svc', () => ({
      getPassword: () => Promise.resolve(null),
      setPassword: () =>
        Promise.reject(new Error("Couldn't access platform storage: AccessDenied")),
      deletePassword: () => Promise.reject(new Error('Ambiguous: 2 credentials match')),
    }));
    expect(await store.load('k')).toBeNull();
    const saveError = await store.save('k', 'v').catch((e: unknown) => e);
    expect(saveError).toBeInstanceOf(KeyringUnavailableError);
    expect((saveError as KeyringUnavailableError).reason).toBe(
      "Couldn't access platform storage: AccessDenied",
    );
    await expect(store.delete('k')).rejects.toMatchObject({
      code: 'KEYRING_OPERATION_FAILED',
      operation: 'delete',
    });
  });

  it('talks to the real OS keyring: a round trip when reachable, a typed error when not', async () => {
    const store = new OsKeyringStore('codex-ts-test');
    const key = `probe-${process.pid}-${Date.now()}`;
    let saved = false;
    try {
      await store.save(key, 'secret');
      saved = true;
    } catch (err) {
      expect(err).toBeInstanceOf(KeyringUnavailableError);
    }
    if (saved) {
      expect(await store.load(key)).toBe('secret');
      expect(await store.delete(key)).toBe(true);
    }
  });
});
