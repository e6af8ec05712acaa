import { describe, expect, it } from 'vitest';
import { AppServerRequestError } from '@codex-ts/app-server-client';
import type { Thread } from '@codex-ts/protocol';
import { sampleThread } from '@codex-ts/test-support';
import { execResumeArgs } from '../src/exec-command.js';
import {
  SessionCommandError,
  SessionNotFoundError,
  deleteSession,
  forkSession,
  resolveSession,
  setArchived,
  type SessionClient,
  type SessionIo,
} from '../src/session-actions.js';

const ID = '019a0000-0000-7000-8000-00000000000a';
const MISSING = '019a0000-0000-7000-8000-0000000000ff';

const thread = sampleThread;

/** A fake server over a list of stored threads (`archived` marks the archived ones). */
function fakeServer(stored: Array<Thread & { archived?: boolean }>) {
  const calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  const notFound = (id: string) =>
    new AppServerRequestError('x', {
      code: -32600,
      message: `no rollout found for thread id ${id}`,
      data: { code: 'thread_not_found' },
    });
  const find = (id: unknown) => stored.find((t) => t.id === id);
  const handlers: Record<string, (p: Record<string, unknown>) => unknown> = {
    'thread/list': (p) => ({
      data: stored.filter((t) => Boolean(t.archived) === Boolean(p['archived'])),
      nextCursor: null,
    }),
    'thread/read': (p) => {
      const t = find(p['threadId']);
      if (!t)
        throw new AppServerRequestError('thread/read', {
          code: -32600,
          message: `thread not loaded: ${String(p['threadId'])}`,
        });
      return { thread: t };
    },
    'thread/fork': (p) => {
      if (!find(p['threadId'])) throw notFound(String(p['threadId']));
      return { thread: thread('019a0000-0000-7000-8000-0000000000f0') };
    },
    'thread/archive': (p) => {
      const t = find(p['threadId']);
      if (!t) throw notFound(String(p['threadId']));
      t.archived = true;
      return {};
    },
    'thread/unarchive': (p) => {
      const t = find(p['threadId']);
      if (!t) throw notFound(String(p['threadId']));
      t.archived = false;
      return { thread: t };
    },
    'thread/delete': (p) => {
      const index = stored.findIndex((t) => t.id === p['threadId']);
      if (index < 0) throw notFound(String(p['threadId']));
      stored.splice(index, 1);
      return {};
    },
  };
  const client = {
    request(method: string, params: Record<string, unknown>) {
      calls.push({ method, params });
      try {
        return Promise.resolve(handlers[method]?.(params));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  } as unknown as SessionClient;
  return { client, calls, stored };
}

function io(confirm: SessionIo['confirm'] = null) {
  const out: string[] = [];
  const err: string[] = [];
  const value: SessionIo = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    confirm,
  };
  return { io: value, out, err };
}

const lookup = (fields: Partial<Parameters<typeof resolveSession>[1]> = {}) => ({
  sessionId: null,
  last: false,
  all: false,
  cwd: '/work',
  ...fields,
});

describe('codex exec resume arguments', () => {
  it('reads `--last PROMPT` as a prompt, as the Rust CLI', () => {
    expect(execResumeArgs('fix it', undefined, { last: true })).toEqual({
      sessionId: null,
      prompt: 'fix it',
      last: true,
      all: false,
    });
    expect(execResumeArgs(ID, 'go on', { all: true })).toEqual({
      sessionId: ID,
      prompt: 'go on',
      last: false,
      all: true,
    });
    expect(execResumeArgs(ID, undefined, {})).toMatchObject({ sessionId: ID, prompt: undefined });
  });
});

describe('session lookup (codex resume|fork)', () => {
  it('reports a missing session as Rust does, and needs an id or --last', async () => {
    const { client } = fakeServer([thread(ID)]);
    await expect(resolveSession(client, lookup({ sessionId: MISSING }))).rejects.toThrow(
      `No saved session found with ID ${MISSING}. Run \`codex resume\` without an ID to choose from existing sessions.`,
    );
    await expect(resolveSession(client, lookup({ sessionId: 'nope' }))).rejects.toBeInstanceOf(
      SessionNotFoundError,
    );
    await expect(resolveSession(client, lookup({ last: true, cwd: '/other' }))).rejects.toThrow(
      'No saved session found in /other. Pass --all to look in every directory.',
    );
    expect(await resolveSession(client, lookup({ last: true, all: true }))).toBe(ID);
    await expect(resolveSession(client, lookup())).rejects.toBeInstanceOf(SessionCommandError);
  });
});

describe('codex fork', () => {
  it('forks through thread/fork and prints the new id on stdout', async () => {
    const { client, calls } = fakeServer([thread(ID)]);
    const { io: out, out: stdout } = io();
    const settings = { cwd: '/work', model: 'gpt-x', sandbox: null, config: { profile: 'p' } };
    expect(await forkSession(client, out, lookup({ last: true }), settings)).toBe(0);
    expect(stdout).toEqual(['019a0000-0000-7000-8000-0000000000f0\n']);
    expect(calls.find((c) => c.method === 'thread/fork')?.params).toEqual({
      threadId: ID,
      cwd: '/work',
      model: 'gpt-x',
      sandbox: null,
      config: { profile: 'p' },
      excludeTurns: true,
    });
  });
});

describe('codex archive / unarchive / delete', () => {
  it('archives and unarchives by id or name', async () => {
    const server = fakeServer([thread(ID, { name: 'task' })]);
    const { io: out, out: stdout } = io();
    expect(await setArchived(server.client, out, 'task', true)).toBe(0);
    expect(server.stored[0]?.archived).toBe(true);
    expect(await setArchived(server.client, out, 'task', false)).toBe(0);
    expect(server.stored[0]?.archived).toBe(false);
    expect(stdout.join('')).toBe(
      `Archived session ${ID}. Restore it with: codex unarchive ${ID}\nUnarchived session ${ID}.\n`,
    );
    await expect(setArchived(server.client, out, MISSING, true)).rejects.toBeInstanceOf(
      SessionNotFoundError,
    );
  });

  it('deletes with --force, asks on a terminal, refuses without either', async () => {
    const server = fakeServer([thread(ID), thread(MISSING.replace('ff', 'fe'), { name: 'n' })]);
    await expect(deleteSession(server.client, io().io, ID, false)).rejects.toThrow(
      `Refusing to delete session ${ID} without confirmation: pass --force.`,
    );
    const declined = io(() => Promise.resolve(false));
    expect(await deleteSession(server.client, declined.io, ID, false)).toBe(1);
    expect(server.stored).toHaveLength(2);
    const asked: string[] = [];
    const accepted = io((q) => {
      asked.push(q);
      return Promise.resolve(true);
    });
    expect(await deleteSession(server.client, accepted.io, ID, false)).toBe(0);
    expect(asked[0]).toContain(`Delete session ${ID}?`);
    expect(await deleteSession(server.client, io().io, 'n', true)).toBe(0);
    expect(server.stored).toHaveLength(0);
  });
});
