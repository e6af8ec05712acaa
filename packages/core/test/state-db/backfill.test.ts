import { describe, expect, it } from 'vitest';
import { StateDb } from '../../src/state-db/state-db.js';
import type { ThreadSummary } from '../../src/state-db/thread-row.js';
import { BASE_MS, thread, useTempStateDb } from './helpers.js';

const state = useTempStateDb();

const pathOf = (id: string): string => `/codex/sessions/rollout-${id}.jsonl`;

function summary(id: string): ThreadSummary {
  return {
    id,
    cwd: '/work/p',
    createdAt: BASE_MS,
    updatedAt: BASE_MS + 1000,
    modelProvider: 'openai',
    source: 'exec',
    cliVersion: '0.9.0',
    preview: `from the file ${id}`,
  };
}

/** Fake rollout store: file name -> summary (null: unreadable), recording what was read. */
function store(files: Record<string, ThreadSummary | null | Error>) {
  const read: string[] = [];
  return {
    read,
    listFiles: async function* () {
      for (const path of Object.keys(files)) yield path;
    },
    readSummary: async (path: string) => {
      read.push(path);
      const value = files[path];
      if (value instanceof Error) throw value;
      return value ?? null;
    },
  };
}

describe('backfill', () => {
  it('inserts rows only for files that have none, then records completion', async () => {
    state.db.upsertThread(thread('known', { rolloutPath: pathOf('known'), title: 'kept title' }));
    state.db.upsertThread(thread('moved', { rolloutPath: '/elsewhere/moved.jsonl' }));
    const src = store({
      [pathOf('known')]: summary('known'),
      [pathOf('moved')]: summary('moved'),
      [pathOf('new1')]: summary('new1'),
      [pathOf('new2')]: { ...summary('new2'), archived: true },
      [pathOf('broken')]: null,
      [pathOf('throws')]: new Error('bad file'),
    });
    const result = await state.db.backfill(src);
    expect(result).toEqual({ status: 'done', scanned: 6, inserted: 2, failed: 1 });
    // A file whose path is already known is not even read.
    expect(src.read).not.toContain(pathOf('known'));
    expect(state.db.getThread('known')?.title).toBe('kept title');
    expect(state.db.getThread('moved')?.rolloutPath).toBe('/elsewhere/moved.jsonl');
    expect(state.db.getThread('new1')).toMatchObject({
      rolloutPath: pathOf('new1'),
      preview: 'from the file new1',
      title: 'from the file new1',
      source: 'exec',
      updatedAt: BASE_MS + 1000,
      archived: false,
    });
    expect(state.db.getThread('new2')?.archived).toBe(true);
    expect(state.db.backfillState()).toMatchObject({
      status: 'complete',
      lastWatermark: pathOf('new2'),
    });
  });

  it('runs once unless forced', async () => {
    expect((await state.db.backfill(store({ [pathOf('a')]: summary('a') }))).inserted).toBe(1);
    const again = await state.db.backfill(store({ [pathOf('b')]: summary('b') }));
    expect(again).toMatchObject({ status: 'already_complete', inserted: 0 });
    expect(state.db.getThread('b')).toBeNull();
    const forced = await state.db.backfill({
      ...store({ [pathOf('b')]: summary('b') }),
      force: true,
    });
    expect(forced).toMatchObject({ status: 'done', inserted: 1 });
  });

  it('steps aside while another process holds a fresh claim', async () => {
    const other = await StateDb.open(state.home.path);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = other.backfill({
      listFiles: async function* () {
        await gate;
        yield pathOf('x');
      },
      readSummary: async () => summary('x'),
    });
    const second = await state.db.backfill(store({ [pathOf('y')]: summary('y') }));
    expect(second.status).toBe('busy');
    release();
    expect((await slow).status).toBe('done');
    other.close();
  });

  it('gives a claim up when the scan fails, so a later run can retry', async () => {
    const failing = state.db.backfill({
      listFiles: async function* () {
        yield pathOf('a');
        throw new Error('disk went away');
      },
      readSummary: async () => summary('a'),
    });
    await expect(failing).rejects.toThrow('disk went away');
    expect(state.db.backfillState().status).toBe('pending');
    expect((await state.db.backfill(store({ [pathOf('a')]: summary('a') }))).status).toBe('done');
  });
});
