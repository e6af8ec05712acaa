import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '@codex-ts/keyring-store';
import {
  AuthFileInvalidError,
  AuthStorageError,
  createAuthStorage,
  keyringAccountFor,
  KEYRING_SERVICE,
  loginStatus,
  loginWithApiKey,
  parseAuthDotJson,
  serializeAuthDotJson,
} from '@codex-ts/providers';
import type { AuthDotJson } from '@codex-ts/providers';
import { failingMidWriteFs, fakeJwt, makeTempCodexHome } from '@codex-ts/test-support';
import type { TempDir } from '@codex-ts/test-support';

let home: TempDir;
const authFile = (): string => join(home.path, 'auth.json');

beforeEach(async () => {
  home = await makeTempCodexHome();
});

afterEach(async () => {
  await home.cleanup();
});

const chatgptAuth = (refresh = 'rt-1'): AuthDotJson => ({
  auth_mode: 'chatgpt',
  OPENAI_API_KEY: null,
  tokens: {
    id_token: fakeJwt({ email: 'a@b.c', 'https://api.openai.com/auth': {} }),
    access_token: 'at-1',
    refresh_token: refresh,
    account_id: 'acct-1',
  },
  last_refresh: '2025-01-01T00:00:00Z',
});

describe('auth.json (file mode)', () => {
  it('writes the API key login the way the Rust Codex does, 0600', async () => {
    const storage = createAuthStorage({ codexHome: home.path, mode: 'file' });
    await loginWithApiKey(storage, 'sk-test-0123456789');
    const text = await readFile(authFile(), 'utf8');
    expect(JSON.parse(text)).toEqual({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-test-0123456789' });
    expect(text).toBe('{\n  "auth_mode": "apikey",\n  "OPENAI_API_KEY": "sk-test-0123456789"\n}');
    expect((await stat(authFile())).mode & 0o777).toBe(0o600);
    expect(await readdir(home.path)).toEqual(['auth.json']);
  });

  it('reads files written by the Rust Codex (nulls, no auth_mode) and keeps unknown fields', async () => {
    const raw = {
      OPENAI_API_KEY: null,
      tokens: {
        id_token: fakeJwt({ email: 'x@y.z' }),
        access_token: 'at',
        refresh_token: 'rt',
        account_id: null,
        future_token_field: 1,
      },
      last_refresh: '2025-06-01T12:00:00.123456789Z',
      agent_identity: 'kept',
    };
    await writeFile(authFile(), JSON.stringify(raw));
    const storage = createAuthStorage({ codexHome: home.path, mode: 'file' });
    const loaded = await storage.load();
    expect(loaded).not.toBeNull();
    await storage.save(loaded!);
    const rewritten = JSON.parse(await readFile(authFile(), 'utf8')) as Record<string, unknown>;
    expect(rewritten).toEqual(raw);
    expect(Object.keys(rewritten)).toEqual([
      'OPENAI_API_KEY',
      'tokens',
      'last_refresh',
      'agent_identity',
    ]);
    expect(await loginStatus(storage)).toMatchObject({ mode: 'chatgpt', email: 'x@y.z' });
  });

  it('serializes in the Rust field order', () => {
    const text = serializeAuthDotJson({
      last_refresh: 'T',
      tokens: chatgptAuth().tokens,
      auth_mode: 'chatgpt',
    });
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'auth_mode',
      'OPENAI_API_KEY',
      'tokens',
      'last_refresh',
    ]);
  });

  it('reports a corrupt file with a typed error naming it', async () => {
    await writeFile(authFile(), '{"tokens": 3');
    const storage = createAuthStorage({ codexHome: home.path, mode: 'file' });
    const err = await storage.load().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthFileInvalidError);
    expect((err as Error).message).toContain(authFile());
    expect(() => parseAuthDotJson('{"last_refresh": "yesterday"}', 'x')).toThrow(/RFC 3339/);
  });

  it('keeps the old auth.json when a write fails part-way, leaving no temp file', async () => {
    const good = createAuthStorage({ codexHome: home.path, mode: 'file' });
    await loginWithApiKey(good, 'sk-old-key-000000');
    const before = await readFile(authFile(), 'utf8');
    const broken = createAuthStorage({
      codexHome: home.path,
      mode: 'file',
      fs: failingMidWriteFs(),
    });
    const err = await broken.save(chatgptAuth()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthStorageError);
    expect(await readFile(authFile(), 'utf8')).toBe(before);
    expect(await readdir(home.path)).toEqual(['auth.json']);
  });

  it('delete reports whether there was anything to remove', async () => {
    const storage = createAuthStorage({ codexHome: home.path, mode: 'file' });
    expect(await storage.delete()).toBe(false);
    await loginWithApiKey(storage, 'sk-x');
    expect(await storage.delete()).toBe(true);
    expect(await storage.load()).toBeNull();
  });
});

describe('keyring modes', () => {
  /** Storage over `keyring` in `mode`, collecting the warnings it gives. */
  function keyringStorage(mode: 'keyring' | 'auto', keyring: MemoryCredentialStore) {
    const warnings: string[] = [];
    const storage = createAuthStorage({
      codexHome: home.path,
      mode,
      keyring,
      onWarning: (m) => warnings.push(m),
    });
    return { storage, warnings };
  }

  it('derives the keyring account from the canonical CODEX_HOME path', () => {
    const digest = createHash('sha256').update(home.path).digest('hex').slice(0, 16);
    expect(keyringAccountFor(home.path)).toBe(`cli|${digest}`);
    expect(KEYRING_SERVICE).toBe('Codex Auth');
  });

  it('keyring mode stores compact JSON in the keyring and removes auth.json', async () => {
    await writeFile(authFile(), '{"OPENAI_API_KEY":"stale"}');
    const keyring = new MemoryCredentialStore();
    const { storage, warnings } = keyringStorage('keyring', keyring);
    await storage.save(chatgptAuth());
    const stored = keyring.snapshot()[keyringAccountFor(home.path)];
    expect(stored).toBeDefined();
    expect(stored).not.toContain('\n');
    expect(JSON.parse(stored!)).toMatchObject({
      auth_mode: 'chatgpt',
      tokens: { account_id: 'acct-1' },
    });
    expect(await readdir(home.path)).toEqual([]);
    expect(await storage.load()).toMatchObject({ tokens: { refresh_token: 'rt-1' } });
    expect(await storage.delete()).toBe(true);
    expect(keyring.snapshot()).toEqual({});
    expect(warnings).toEqual([]);
  });

  it('keyring mode falls back to auth.json when the keyring is unreachable, and says so', async () => {
    const keyring = new MemoryCredentialStore();
    keyring.setUnavailable("Couldn't access platform storage: AccessDenied");
    const { storage, warnings } = keyringStorage('keyring', keyring);
    await loginWithApiKey(storage, 'sk-fallback-123456');
    expect(JSON.parse(await readFile(authFile(), 'utf8'))).toMatchObject({
      OPENAI_API_KEY: 'sk-fallback-123456',
    });
    expect((await stat(authFile())).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('AccessDenied');
    expect(warnings[0]).toContain(authFile());
    expect(await loginStatus(storage)).toMatchObject({ mode: 'apikey' });
    expect(await storage.delete()).toBe(true);
    expect(await readdir(home.path)).toEqual([]);
  });

  it('auto mode uses the keyring when reachable and auth.json silently otherwise', async () => {
    const keyring = new MemoryCredentialStore();
    const { storage, warnings } = keyringStorage('auto', keyring);
    await loginWithApiKey(storage, 'sk-in-keyring-1234');
    expect(Object.keys(keyring.snapshot())).toEqual([keyringAccountFor(home.path)]);
    expect(await readdir(home.path)).toEqual([]);

    keyring.setUnavailable('no secret service');
    await loginWithApiKey(storage, 'sk-in-file-123456');
    expect(JSON.parse(await readFile(authFile(), 'utf8'))).toMatchObject({
      OPENAI_API_KEY: 'sk-in-file-123456',
    });
    expect(await loginStatus(storage)).toMatchObject({ apiKey: 'sk-in-file-123456' });
    expect(warnings).toEqual([]);
  });

  it('reads auth.json in keyring mode when the keyring holds nothing', async () => {
    await writeFile(authFile(), JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-file' }));
    const storage = createAuthStorage({
      codexHome: home.path,
      mode: 'keyring',
      keyring: new MemoryCredentialStore(),
    });
    expect(await loginStatus(storage)).toMatchObject({ mode: 'apikey', apiKey: 'sk-file' });
  });
});
