import { describe, expect, it } from 'vitest';
import type { ListThreadsOptions } from '../../src/state-db/thread-row.js';
import { decodeThreadCursor, encodeThreadCursor } from '../../src/state-db/thread-cursor.js';
import { BASE_MS, thread, useTempStateDb } from './helpers.js';

const state = useTempStateDb();

/** Every id, page by page. */
function walk(opts: ListThreadsOptions): string[][] {
  const pages: string[][] = [];
  let cursor: string | null = opts.cursor ?? null;
  do {
    const page = state.db.listThreads({ ...opts, cursor });
    pages.push(page.rows.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

/** 12 threads; created times tie in threes, updated times run the other way and tie in pairs. */
function seedTies(): void {
  for (let i = 0; i < 12; i++) {
    const id = `t${String(i).padStart(2, '0')}`;
    state.db.upsertThread(
      thread(id, {
        createdAt: BASE_MS + Math.floor(i / 3) * 1000,
        updatedAt: BASE_MS + 100_000 - Math.floor(i / 2) * 1000,
      }),
    );
  }
}

describe('listThreads', () => {
  it('pages by updated_at, newest first, ids breaking ties', () => {
    seedTies();
    const pages = walk({ limit: 5, sortKey: 'updated_at' });
    expect(pages).toEqual([
      ['t01', 't00', 't03', 't02', 't05'],
      ['t04', 't07', 't06', 't09', 't08'],
      ['t11', 't10'],
    ]);
  });

  it('pages by created_at, both directions', () => {
    seedTies();
    const desc = walk({ limit: 4, sortKey: 'created_at' }).flat();
    expect(desc).toEqual([
      't11',
      't10',
      't09',
      't08',
      't07',
      't06',
      't05',
      't04',
      't03',
      't02',
      't01',
      't00',
    ]);
    const asc = walk({ limit: 5, sortKey: 'created_at', sortDirection: 'asc' });
    expect(asc.flat()).toEqual([...desc].reverse());
    expect(asc.map((p) => p.length)).toEqual([5, 5, 2]);
  });

  it('a page that ends exactly at the last row has no next cursor', () => {
    seedTies();
    const page = state.db.listThreads({ limit: 12 });
    expect(page.rows).toHaveLength(12);
    expect(page.nextCursor).toBeNull();
  });

  it('rows written while paging do not shift later pages', () => {
    seedTies();
    const first = state.db.listThreads({ limit: 4, sortKey: 'updated_at' });
    // Newer rows arrive, and a row already shown is touched to the top.
    for (let i = 0; i < 5; i++) {
      state.db.upsertThread(thread(`new${i}`, { updatedAt: BASE_MS + 200_000 + i }));
    }
    state.db.touchThread('t01', BASE_MS + 300_000);
    const rest = walk({ limit: 4, sortKey: 'updated_at', cursor: first.nextCursor });
    const seen = [...first.rows.map((r) => r.id), ...rest.flat()];
    expect(seen.filter((id) => id.startsWith('t'))).toHaveLength(12);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some((id) => id.startsWith('new'))).toBe(false);
  });

  it('filters by cwd, ignoring a trailing slash', () => {
    state.db.upsertThread(thread('a', { cwd: '/work/one' }));
    state.db.upsertThread(thread('b', { cwd: '/work/two' }));
    state.db.upsertThread(thread('c', { cwd: '/work/one/' }));
    const ids = (cwd: string | string[]): string[] =>
      state.db
        .listThreads({ cwd })
        .rows.map((r) => r.id)
        .sort();
    expect(ids('/work/one/')).toEqual(['a']);
    expect(ids(['/work/one', '/work/two'])).toEqual(['a', 'b']);
    expect(ids([])).toEqual([]);
  });

  it('searches title, first message and name, case-insensitively and literally', () => {
    state.db.upsertThread(thread('a', { title: 'Refactor Parser', preview: 'please refactor' }));
    state.db.upsertThread(thread('b', { preview: 'add 100% coverage' }));
    state.db.upsertThread(thread('c', { preview: 'something else' }));
    state.db.setThreadName('c', 'Weekly PARSER notes');
    const ids = (searchTerm: string): string[] =>
      state.db
        .listThreads({ searchTerm })
        .rows.map((r) => r.id)
        .sort();
    expect(ids('parser')).toEqual(['a', 'c']);
    expect(ids('REFACTOR')).toEqual(['a']);
    expect(ids('100%')).toEqual(['b']);
    expect(ids('%')).toEqual(['b']);
    expect(ids('_')).toEqual([]);
    expect(ids('')).toEqual(['a', 'b', 'c']);
  });

  it('lists live threads unless archived ones are asked for', () => {
    state.db.upsertThread(thread('live'));
    state.db.upsertThread(thread('old'));
    state.db.archiveThread('old', BASE_MS + 5);
    expect(state.db.listThreads().rows.map((r) => r.id)).toEqual(['live']);
    expect(state.db.listThreads({ archived: true }).rows.map((r) => r.id)).toEqual(['old']);
  });

  it('hides threads without a user message unless asked', () => {
    state.db.upsertThread(thread('empty', { preview: undefined }));
    state.db.upsertThread(thread('said', { updatedAt: BASE_MS - 1 }));
    expect(state.db.listThreads().rows.map((r) => r.id)).toEqual(['said']);
    expect(state.db.listThreads({ includeEmpty: true }).rows.map((r) => r.id)).toEqual([
      'empty',
      'said',
    ]);
  });

  it('filters by model provider and source', () => {
    state.db.upsertThread(thread('a', { modelProvider: 'openai', source: 'cli' }));
    state.db.upsertThread(thread('b', { modelProvider: 'ollama', source: 'exec' }));
    state.db.upsertThread(thread('c', { modelProvider: 'openai', source: 'vscode' }));
    const ids = (o: ListThreadsOptions): string[] =>
      state.db
        .listThreads(o)
        .rows.map((r) => r.id)
        .sort();
    expect(ids({ modelProviders: ['openai'] })).toEqual(['a', 'c']);
    expect(ids({ sourceKinds: ['exec', 'vscode'] })).toEqual(['b', 'c']);
    expect(ids({ modelProviders: [], sourceKinds: [] })).toEqual(['a', 'b', 'c']);
  });

  it('cursors look like the Rust Codex ones and reject garbage with a typed error', () => {
    const token = encodeThreadCursor({ value: BASE_MS + 5, id: 'abc' });
    expect(token).toBe('2023-11-14T22:13:20.005Z|abc');
    expect(decodeThreadCursor(token)).toEqual({ value: BASE_MS + 5, id: 'abc' });
    expect(decodeThreadCursor('2023-11-14T22-13-20|abc')).toEqual({ value: BASE_MS, id: 'abc' });
    expect(() => state.db.listThreads({ cursor: 'not a cursor' })).toThrow(
      expect.objectContaining({ code: 'invalid_cursor' }),
    );
  });
});
