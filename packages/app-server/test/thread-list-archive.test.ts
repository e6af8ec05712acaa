import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedThread } from './helpers/fake-stored-threads.js';
import { useFakeThreadServer } from './helpers/fake-thread-server.js';

const server = useFakeThreadServer();

interface ListResult {
  data: Array<{ id: string; name: string | null }>;
  nextCursor: string | null;
}

describe('thread/list', () => {
  it('maps the params to the core query with the Rust defaults', async () => {
    const harness = await server.start();
    await harness.call('thread/list', {});
    expect(server.threads.store.queries[0]).toEqual({
      codexHome: server.home.path,
      limit: 25,
      cursor: null,
      sortKey: 'created_at',
      sortDirection: 'desc',
      cwds: null,
      searchTerm: null,
      archived: false,
      modelProviders: ['openai'],
      sourceKinds: ['cli', 'vscode'],
    });
  });

  it('passes filters, paging and sorting through; clamps the limit to 1..100', async () => {
    const harness = await server.start();
    await harness.call('thread/list', {
      limit: 500,
      cursor: 'offset:3',
      sortKey: 'updated_at',
      sortDirection: 'asc',
      cwd: 'relative/dir',
      searchTerm: 'bug',
      archived: true,
      modelProviders: [],
      sourceKinds: ['exec', 'appServer'],
    });
    await harness.call('thread/list', { limit: 0, cwd: ['/a', '/b'], sortKey: 'recency_at' });
    expect(server.threads.store.queries[0]).toMatchObject({
      limit: 100,
      cursor: 'offset:3',
      sortKey: 'updated_at',
      sortDirection: 'asc',
      cwds: [resolve('relative/dir')],
      searchTerm: 'bug',
      archived: true,
      modelProviders: null,
      sourceKinds: ['exec', 'appServer'],
    });
    expect(server.threads.store.queries[1]).toMatchObject({
      limit: 1,
      cwds: ['/a', '/b'],
      sortKey: 'updated_at',
    });
  });

  it('defaults the provider filter to the configured provider', async () => {
    await writeFile(
      join(server.home.path, 'config.toml'),
      'model_provider = "mock"\n[model_providers.mock]\nname = "mock"\nbase_url = "http://127.0.0.1:1/v1"\n',
    );
    const harness = await server.start();
    await harness.call('thread/list', { modelProviders: null });
    expect(server.threads.store.queries[0]?.modelProviders).toEqual(['mock']);
  });

  it('pages through the threads with nextCursor, newest first', async () => {
    const harness = await server.start();
    const seeded = [1, 2, 3, 4, 5].map((n) =>
      server.threads.store.add(storedThread({ createdAt: 1_800_000_000 + n })),
    );
    const first = await harness.call<ListResult>('thread/list', { limit: 2 });
    expect(first.data.map((t) => t.id)).toEqual([seeded[4]?.id, seeded[3]?.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await harness.call<ListResult>('thread/list', {
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.data.map((t) => t.id)).toEqual([seeded[2]?.id, seeded[1]?.id]);
    const last = await harness.call<ListResult>('thread/list', {
      limit: 2,
      cursor: second.nextCursor,
    });
    expect(last.data.map((t) => t.id)).toEqual([seeded[0]?.id]);
    expect(last.nextCursor).toBeNull();
  });

  it('skips excluded threads and still fills the page', async () => {
    const harness = await server.start();
    const seeded = [1, 2, 3, 4].map((n) =>
      server.threads.store.add(storedThread({ createdAt: 1_800_000_000 + n })),
    );
    const page = await harness.call<ListResult>('thread/list', {
      limit: 2,
      excludedThreadIds: [seeded[3]?.id, seeded[2]?.id],
    });
    expect(page.data.map((t) => t.id)).toEqual([seeded[1]?.id, seeded[0]?.id]);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses what the local server cannot do', async () => {
    const harness = await server.start();
    expect(await harness.callError('thread/list', { originators: ['x'] })).toMatchObject({
      code: -32600,
    });
    expect(await harness.callError('thread/list', { sortKey: 'section_position' })).toMatchObject({
      code: -32600,
    });
    const tooMany = Array.from({ length: 101 }, () => '019b0000-0000-7000-8000-000000000001');
    expect(
      (await harness.callError('thread/list', { excludedThreadIds: tooMany })).message,
    ).toMatch(/at most 100/);
    expect((await harness.callError('thread/list', { limit: -1 })).code).toBe(-32602);
    expect((await harness.callError('thread/list', { sortKey: 'name' })).message).toMatch(
      /^Invalid params for thread\/list: sortKey: /,
    );
  });
});

describe('thread/archive, thread/unarchive, thread/delete', () => {
  it('archives and unarchives, notifying every client after the answer', async () => {
    const harness = await server.start();
    const other = await server.secondClient();
    const stored = server.threads.store.add(storedThread());
    expect(await harness.call('thread/archive', { threadId: stored.id })).toEqual({});
    expect(server.threads.store.entries.get(stored.id)?.archived).toBe(true);
    const archived = await harness.waitForNotification('thread/archived');
    expect(archived.params).toEqual({ threadId: stored.id });
    expect((await other.waitForNotification('thread/archived')).params).toEqual({
      threadId: stored.id,
    });
    const listed = await harness.call<ListResult>('thread/list', { archived: true });
    expect(listed.data.map((t) => t.id)).toEqual([stored.id]);

    const unarchived = await harness.call<{ thread: { id: string } }>('thread/unarchive', {
      threadId: stored.id,
    });
    expect(unarchived.thread.id).toBe(stored.id);
    expect((await harness.waitForNotification('thread/unarchived')).params).toEqual({
      threadId: stored.id,
    });
  });

  it('deletes a thread and tells every client', async () => {
    const harness = await server.start();
    const other = await server.secondClient();
    const stored = server.threads.store.add(storedThread());
    expect(await harness.call('thread/delete', { threadId: stored.id })).toEqual({});
    expect(server.threads.store.entries.has(stored.id)).toBe(false);
    expect((await other.waitForNotification('thread/deleted')).params).toEqual({
      threadId: stored.id,
    });
  });

  it('refuses unknown and malformed ids with the Rust messages', async () => {
    const harness = await server.start();
    const missing = '019b9999-0000-7000-8000-000000000000';
    for (const method of ['thread/archive', 'thread/unarchive', 'thread/delete']) {
      expect(await harness.callError(method, { threadId: missing })).toMatchObject({
        code: -32600,
        message: `no rollout found for thread id ${missing}`,
      });
      const bad = await harness.callError(method, { threadId: 'zzz' });
      expect(bad.code).toBe(-32600);
      expect(bad.message).toMatch(/^invalid session id: invalid character: .*found `z` at 1$/);
      expect((await harness.callError(method, {})).code).toBe(-32602);
    }
    expect(harness.notifications().map((n) => n.method)).toEqual([]);
  });
});

describe('thread/name/set', () => {
  it('names a thread (trimmed) and notifies thread/name/updated', async () => {
    const harness = await server.start();
    const other = await server.secondClient();
    const stored = server.threads.store.add(storedThread());
    expect(
      await harness.call('thread/name/set', { threadId: stored.id, name: '  release prep ' }),
    ).toEqual({});
    expect(server.threads.store.entries.get(stored.id)?.thread.name).toBe('release prep');
    expect((await other.waitForNotification('thread/name/updated')).params).toEqual({
      threadId: stored.id,
      threadName: 'release prep',
    });
  });

  it('refuses an empty name and an unknown thread as Rust does', async () => {
    const harness = await server.start();
    const stored = server.threads.store.add(storedThread());
    expect(await harness.callError('thread/name/set', { threadId: stored.id, name: '  ' })).toEqual(
      { code: -32600, message: 'thread name must not be empty' },
    );
    const missing = '019b9999-0000-7000-8000-000000000000';
    expect(await harness.callError('thread/name/set', { threadId: missing, name: 'x' })).toEqual({
      code: -32600,
      message: `thread not found: ${missing}`,
    });
    expect((await harness.callError('thread/name/set', { threadId: stored.id })).message).toBe(
      'Invalid params for thread/name/set: name: Required',
    );
  });
});
