import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completedTurn, storedThread } from './helpers/fake-stored-threads.js';
import { useFakeThreadServer } from './helpers/fake-thread-server.js';

const server = useFakeThreadServer();

interface ThreadResult {
  thread: { id: string; turns: Array<{ id: string }>; name: string | null; preview: string };
  cwd: string;
  model: string;
}

function seed(fields: Parameters<typeof storedThread>[0] = {}) {
  return server.threads.store.add(
    storedThread({
      cwd: server.home.path,
      turns: [completedTurn('turn-1', 'first'), completedTurn('turn-2', 'second')],
      ...fields,
    }),
  );
}

describe('thread/resume', () => {
  it('answers with the stored thread, its turns and settings; no thread/started follows', async () => {
    const harness = await server.start();
    const stored = seed({ model: 'gpt-stored', name: 'refactor' });
    const result = await harness.call<ThreadResult>('thread/resume', { threadId: stored.id });
    expect(result.thread.id).toBe(stored.id);
    expect(result.thread.turns.map((t) => t.id)).toEqual(['turn-1', 'turn-2']);
    expect(result.thread.name).toBe('refactor');
    // Without a model in the request, the stored thread's model and cwd are used (as Rust).
    expect(result.model).toBe('gpt-stored');
    expect(result.cwd).toBe(server.home.path);
    expect(server.threads.resumed[0]?.threadId).toBe(stored.id);
    expect(server.threads.resumed[0]?.config.model).toBe('gpt-stored');
    await harness.call('model/list', {});
    expect(harness.notifications().map((n) => n.method)).not.toContain('thread/started');
  });

  it('keeps the request settings over the stored ones, and leaves turns out with excludeTurns', async () => {
    const harness = await server.start();
    const other = join(server.home.path, 'other');
    await mkdir(other);
    const stored = seed({ model: 'gpt-stored' });
    const result = await harness.call<ThreadResult>('thread/resume', {
      threadId: stored.id,
      model: 'gpt-requested',
      cwd: other,
      sandbox: 'read-only',
      excludeTurns: true,
    });
    expect(result.model).toBe('gpt-requested');
    expect(result.cwd).toBe(other);
    expect(result.thread.turns).toEqual([]);
    expect(server.threads.resumed[0]?.config.sandboxMode).toBe('read-only');
  });

  it('resumes by thread name and then runs turns on the thread', async () => {
    const harness = await server.start();
    const stored = seed({ name: 'my-task' });
    const result = await harness.call<ThreadResult>('thread/resume', { threadId: 'my-task' });
    expect(result.thread.id).toBe(stored.id);
    await harness.call('turn/start', {
      threadId: stored.id,
      input: [{ type: 'text', text: 'again', text_elements: [] }],
    });
    const completed = await harness.waitForNotification('turn/completed');
    expect((completed.params as { threadId: string }).threadId).toBe(stored.id);
  });

  it('rejoins a live thread without doubling its notifications', async () => {
    const harness = await server.start();
    const started = await harness.call<ThreadResult>('thread/start', { cwd: server.home.path });
    const resumed = await harness.call<ThreadResult>('thread/resume', {
      threadId: started.thread.id,
    });
    expect(resumed.thread.id).toBe(started.thread.id);
    await harness.call('turn/start', {
      threadId: started.thread.id,
      input: [{ type: 'text', text: 'hi', text_elements: [] }],
    });
    await harness.waitForNotification('turn/completed');
    expect(harness.notifications().filter((n) => n.method === 'turn/started')).toHaveLength(1);
  });

  it('answers an unknown thread with the Rust message and bad params with -32602', async () => {
    const harness = await server.start();
    const missing = '019b9999-0000-7000-8000-000000000000';
    expect(await harness.callError('thread/resume', { threadId: missing })).toEqual({
      code: -32600,
      message: `no rollout found for thread id ${missing}`,
      data: { code: 'thread_not_found' },
    });
    expect(await harness.callError('thread/resume', {})).toEqual({
      code: -32602,
      message: 'Invalid params for thread/resume: threadId: Required',
      data: { issues: [{ path: 'threadId', message: 'Required' }] },
    });
    const badSandbox = await harness.callError('thread/resume', {
      threadId: missing,
      sandbox: 'nope',
    });
    expect(badSandbox.code).toBe(-32602);
    expect(badSandbox.message).toMatch(/^Invalid params for thread\/resume: sandbox: /);
  });
});

describe('thread/fork', () => {
  it('starts a new thread with the copied turns, then thread/started to every client', async () => {
    const harness = await server.start();
    const other = await server.secondClient();
    const stored = seed({ preview: 'fix the bug' });
    const result = await harness.call<ThreadResult>('thread/fork', { threadId: stored.id });
    expect(result.thread.id).not.toBe(stored.id);
    expect(result.thread.turns.map((t) => t.id)).toEqual(['turn-1', 'turn-2']);
    expect(result.cwd).toBe(server.home.path);
    expect(server.threads.forked[0]).toMatchObject({
      threadId: stored.id,
      ephemeral: false,
      lastTurnId: null,
    });

    const started = await harness.waitForNotification('thread/started');
    expect((started.params as { thread: { id: string } }).thread.id).toBe(result.thread.id);
    const responseIndex = harness.messages.findIndex(
      (m) => !('method' in m) && 'result' in m && m.result === result,
    );
    expect(harness.messages.indexOf(started)).toBeGreaterThan(responseIndex);
    const elsewhere = await other.waitForNotification('thread/started');
    expect((elsewhere.params as { thread: { id: string } }).thread.id).toBe(result.thread.id);
  });

  it('passes lastTurnId and ephemeral through and honours excludeTurns', async () => {
    const harness = await server.start();
    const stored = seed();
    const result = await harness.call<ThreadResult>('thread/fork', {
      threadId: stored.id,
      lastTurnId: 'turn-1',
      ephemeral: true,
      excludeTurns: true,
    });
    expect(result.thread.turns).toEqual([]);
    expect(server.threads.forked[0]).toMatchObject({ lastTurnId: 'turn-1', ephemeral: true });
    const read = server.threads.threads.get(result.thread.id)?.history.map((t) => t.id);
    expect(read).toEqual(['turn-1']);
  });

  it('answers an unknown source thread with an error', async () => {
    const harness = await server.start();
    const error = await harness.callError('thread/fork', { threadId: 'no-such-thread' });
    expect(error).toMatchObject({
      code: -32600,
      message: 'no rollout found for thread id no-such-thread',
    });
  });
});

describe('thread/read', () => {
  it('reads a stored thread with or without its turns', async () => {
    const harness = await server.start();
    const stored = seed();
    const bare = await harness.call<ThreadResult>('thread/read', { threadId: stored.id });
    expect(bare.thread.id).toBe(stored.id);
    expect(bare.thread.turns).toEqual([]);
    const full = await harness.call<ThreadResult>('thread/read', {
      threadId: stored.id.toUpperCase(),
      includeTurns: true,
    });
    expect(full.thread.turns.map((t) => t.id)).toEqual(['turn-1', 'turn-2']);
  });

  it('refuses an unknown or malformed thread id as Rust does', async () => {
    const harness = await server.start();
    const missing = '019b9999-0000-7000-8000-000000000000';
    expect(await harness.callError('thread/read', { threadId: missing })).toEqual({
      code: -32600,
      message: `thread not loaded: ${missing}`,
    });
    const bad = await harness.callError('thread/read', { threadId: 'nope' });
    expect(bad.code).toBe(-32600);
    expect(bad.message).toMatch(/^invalid thread id: /);
  });
});
