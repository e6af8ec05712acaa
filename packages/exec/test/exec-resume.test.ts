import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppServerRequestError, type AppServerClient } from '@codex-ts/app-server-client';
import type { Thread } from '@codex-ts/protocol';
import { sampleThread } from '@codex-ts/test-support';
import type { ExecIo, ExecOptions } from '../src/exec-options.js';
import { ExecResumeError } from '../src/exec-options.js';
import { isResume, openThread } from '../src/open-thread.js';
import { isUuid, resolveResumeThreadId } from '../src/resume-target.js';
import { threadResumeParams, threadStartParams } from '../src/thread-params.js';

const UUID_A = '019a0000-0000-7000-8000-00000000000a';
const UUID_B = '019a0000-0000-7000-8000-00000000000b';
const UUID_C = '019a0000-0000-7000-8000-00000000000c';

function thread(id: string, fields: Partial<Thread> = {}): Thread {
  return sampleThread(id, { cwd: '/nowhere', source: 'exec', ...fields });
}

/** Answers thread/list from `pages` (one per call) and records every request. */
function fakeClient(pages: Thread[][], extra: Record<string, (params: unknown) => unknown> = {}) {
  const requests: Array<{ method: string; params: Record<string, unknown> }> = [];
  let page = 0;
  const client = {
    request(method: string, params: Record<string, unknown>) {
      requests.push({ method, params });
      if (method === 'thread/list') {
        const data = pages[page] ?? [];
        page += 1;
        return Promise.resolve({
          data,
          nextCursor: page < pages.length ? `c${String(page)}` : null,
        });
      }
      const handler = extra[method];
      if (!handler) return Promise.reject(new Error(`unexpected ${method}`));
      try {
        return Promise.resolve(handler(params));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  };
  return { client: client as unknown as AppServerClient, requests };
}

let dir: string;

beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'exec-resume-')));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('resolveResumeThreadId', () => {
  it('--last takes the most recently updated thread of this directory, paging on', async () => {
    const { client, requests } = fakeClient([
      [thread(UUID_A, { cwd: '/elsewhere' })],
      [thread(UUID_B, { cwd: dir }), thread(UUID_C, { cwd: dir })],
    ]);
    const id = await resolveResumeThreadId(client, {
      sessionId: null,
      last: true,
      all: false,
      cwd: dir,
    });
    expect(id).toBe(UUID_B);
    expect(requests.map((r) => r.params['cursor'])).toEqual([null, 'c1']);
    expect(requests[0]?.params).toMatchObject({
      limit: 100,
      sortKey: 'updated_at',
      archived: false,
    });
    // No provider filter: the server lists the configured provider's threads, as for Rust.
    expect(requests[0]?.params).not.toHaveProperty('modelProviders');
    expect(requests[0]?.params['sourceKinds']).toContain('exec');
  });

  it('--last --all ignores the directory; --last without a match is null', async () => {
    const all = fakeClient([[thread(UUID_A, { cwd: '/elsewhere' })]]);
    expect(
      await resolveResumeThreadId(all.client, { sessionId: null, last: true, all: true, cwd: dir }),
    ).toBe(UUID_A);
    const none = fakeClient([[thread(UUID_A, { cwd: '/elsewhere' })]]);
    expect(
      await resolveResumeThreadId(none.client, {
        sessionId: null,
        last: true,
        all: false,
        cwd: dir,
      }),
    ).toBeNull();
  });

  it("uses the cwd of the rollout's last turn_context over the thread's", async () => {
    const rollout = join(dir, 'rollout.jsonl');
    writeFileSync(
      rollout,
      [
        JSON.stringify({ type: 'session_meta', payload: { cwd: '/elsewhere' } }),
        JSON.stringify({ type: 'turn_context', payload: { cwd: dir } }),
        '{"torn',
      ].join('\n'),
    );
    const { client } = fakeClient([[thread(UUID_A, { cwd: '/elsewhere', path: rollout })]]);
    expect(
      await resolveResumeThreadId(client, { sessionId: null, last: true, all: false, cwd: dir }),
    ).toBe(UUID_A);
  });

  it('takes a UUID as it is and finds a name by exact match in this directory', async () => {
    const direct = fakeClient([]);
    expect(
      await resolveResumeThreadId(direct.client, {
        sessionId: UUID_C,
        last: false,
        all: false,
        cwd: dir,
      }),
    ).toBe(UUID_C);
    expect(direct.requests).toEqual([]);

    const named = fakeClient([
      [
        thread(UUID_A, { name: 'my task 2', cwd: dir }),
        thread(UUID_B, { name: 'my task', cwd: '/elsewhere' }),
        thread(UUID_C, { name: 'my task', cwd: dir }),
      ],
    ]);
    expect(
      await resolveResumeThreadId(named.client, {
        sessionId: 'my task',
        last: false,
        all: false,
        cwd: dir,
      }),
    ).toBe(UUID_C);
    expect(named.requests[0]?.params).toMatchObject({
      searchTerm: 'my task',
      modelProviders: [],
      archived: false,
    });
  });

  it('recognises UUIDs', () => {
    expect(isUuid(UUID_A)).toBe(true);
    expect(isUuid(UUID_A.toUpperCase())).toBe(true);
    expect(isUuid('my-task')).toBe(false);
  });
});

const baseOptions: ExecOptions = {
  prompt: 'hi',
  images: [],
  json: true,
  outputLastMessage: null,
  outputSchemaFile: null,
  model: 'gpt-x',
  sandbox: 'read-only',
  yolo: false,
  fullAuto: false,
  cd: null,
  addDirs: [],
  skipGitRepoCheck: true,
  configOverrides: ['model_reasoning_effort="high"'],
  color: 'never',
  ephemeral: true,
  resumeThreadId: null,
};

function io(): ExecIo & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: { write: (text: string) => err.push(text) } as unknown as ExecIo['stderr'],
    env: {},
    cwd: dir,
  };
}

describe('codex exec resume: opening the thread', () => {
  it('sends thread/resume with the run settings (no ephemeral) for a resolved thread', async () => {
    const opts = { ...baseOptions, resumeThreadId: UUID_A };
    const start = threadStartParams(opts, dir);
    expect(threadResumeParams(start, UUID_A)).toEqual({
      threadId: UUID_A,
      cwd: dir,
      model: 'gpt-x',
      sandbox: 'read-only',
      approvalPolicy: 'never',
      config: { model_reasoning_effort: 'high' },
    });
    const { client, requests } = fakeClient([], {
      'thread/resume': () => ({ thread: thread(UUID_A) }),
    });
    const opened = await openThread(client, opts, io(), start, dir);
    expect(opened.thread.id).toBe(UUID_A);
    expect(requests.map((r) => r.method)).toEqual(['thread/resume']);
    expect(requests[0]?.params).not.toHaveProperty('ephemeral');
  });

  it('starts a new session when --last finds nothing, as the Rust exec does', async () => {
    const opts = { ...baseOptions, resumeThreadId: null, resumeLast: true };
    expect(isResume(opts)).toBe(true);
    const { client, requests } = fakeClient([[]], {
      'thread/start': () => ({ thread: thread(UUID_B) }),
    });
    const out = io();
    const opened = await openThread(client, opts, out, threadStartParams(opts, dir), dir);
    expect(opened.thread.id).toBe(UUID_B);
    expect(requests.map((r) => r.method)).toEqual(['thread/list', 'thread/start']);
    expect(out.err.join('')).toContain('starting a new session');
  });

  it('fails with `thread/resume: <reason>` when the server refuses the thread', async () => {
    const opts = { ...baseOptions, resumeThreadId: UUID_C };
    const { client } = fakeClient([], {
      'thread/resume': () => {
        throw new AppServerRequestError('thread/resume', {
          code: -32600,
          message: `no rollout found for thread id ${UUID_C}`,
        });
      },
    });
    const failure = openThread(client, opts, io(), threadStartParams(opts, dir), dir);
    await expect(failure).rejects.toBeInstanceOf(ExecResumeError);
    await expect(failure).rejects.toThrow(
      `thread/resume: no rollout found for thread id ${UUID_C}`,
    );
  });

  it('is a plain thread/start without resume', async () => {
    expect(isResume(baseOptions)).toBe(false);
    const { client, requests } = fakeClient([], {
      'thread/start': (params) => ({ thread: thread(UUID_A), params }),
    });
    await openThread(client, baseOptions, io(), threadStartParams(baseOptions, dir), dir);
    expect(requests[0]?.params).toMatchObject({ ephemeral: true, cwd: dir });
  });
});
