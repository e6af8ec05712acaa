import { describe, expect, it } from 'vitest';
import { BASE_MS, thread, useTempStateDb } from './helpers.js';

const state = useTempStateDb();

describe('thread rows', () => {
  it('upserts and reads back every field', () => {
    state.db.upsertThread(
      thread('a', {
        title: 'Fix the build',
        preview: 'fix the build please',
        model: 'gpt-5',
        cliVersion: '0.42.0',
        createdAt: BASE_MS + 1234,
        updatedAt: BASE_MS + 5678,
        gitBranch: 'main',
        tokensUsed: 12,
      }),
    );
    expect(state.db.getThread('a')).toEqual({
      id: 'a',
      rolloutPath: '/home/u/.codex/sessions/2025/01/01/rollout-a.jsonl',
      cwd: '/work/project',
      title: 'Fix the build',
      preview: 'fix the build please',
      name: null,
      model: 'gpt-5',
      modelProvider: 'openai',
      source: 'cli',
      cliVersion: '0.42.0',
      createdAt: BASE_MS + 1234,
      updatedAt: BASE_MS + 5678,
      archived: false,
      archivedAt: null,
      sandboxPolicy: '',
      approvalMode: '',
      tokensUsed: 12,
      gitSha: null,
      gitBranch: 'main',
      gitOriginUrl: null,
    });
    expect(state.db.getThread('missing')).toBeNull();
  });

  it('an update keeps the fields it does not name', () => {
    state.db.upsertThread(thread('a', { title: 'Title', model: 'gpt-5', tokensUsed: 3 }));
    state.db.setThreadName('a', 'my thread');
    state.db.archiveThread('a', BASE_MS + 60_000);
    state.db.upsertThread(thread('a', { updatedAt: BASE_MS + 9000, tokensUsed: 7 }));
    const row = state.db.getThread('a');
    expect(row).toMatchObject({
      title: 'Title',
      model: 'gpt-5',
      tokensUsed: 7,
      updatedAt: BASE_MS + 9000,
      name: 'my thread',
      archived: true,
    });
  });

  it('the title defaults to the first user message', () => {
    state.db.upsertThread(thread('a', { preview: undefined }));
    expect(state.db.getThread('a')).toMatchObject({ title: '', preview: '' });
    state.db.upsertThread(thread('a', { preview: 'hello there' }));
    expect(state.db.getThread('a')).toMatchObject({ title: 'hello there', preview: 'hello there' });
  });

  it('touchThread moves updatedAt and fills only an empty preview', () => {
    state.db.upsertThread(thread('a', { preview: undefined }));
    expect(state.db.touchThread('a', BASE_MS + 100, 'first words')).toBe(true);
    expect(state.db.touchThread('a', BASE_MS + 200, 'second words')).toBe(true);
    expect(state.db.getThread('a')).toMatchObject({
      updatedAt: BASE_MS + 200,
      preview: 'first words',
      title: 'first words',
    });
    expect(state.db.touchThread('nope', BASE_MS)).toBe(false);
  });

  it('names: set, find (newest live one), clear', () => {
    state.db.upsertThread(thread('old', { updatedAt: BASE_MS + 1 }));
    state.db.upsertThread(thread('new', { updatedAt: BASE_MS + 2 }));
    state.db.upsertThread(thread('gone', { updatedAt: BASE_MS + 3 }));
    expect(state.db.setThreadName('old', 'release')).toBe(true);
    expect(state.db.setThreadName('new', 'release')).toBe(true);
    expect(state.db.setThreadName('gone', 'release')).toBe(true);
    state.db.archiveThread('gone', BASE_MS + 4);
    expect(state.db.findThreadByName('release')?.id).toBe('new');
    expect(state.db.findThreadByName('release', { includeArchived: true })?.id).toBe('new');
    expect(state.db.findThreadByName('Release')).toBeNull();
    expect(state.db.setThreadName('new', null)).toBe(true);
    expect(state.db.getThread('new')?.name).toBeNull();
    expect(state.db.findThreadByName('release')?.id).toBe('old');
    expect(state.db.setThreadName('missing', 'x')).toBe(false);
  });

  it('archive and unarchive, moving the rollout path', () => {
    state.db.upsertThread(thread('a'));
    expect(
      state.db.archiveThread('a', BASE_MS + 61_000, '/home/u/.codex/archived_sessions/a.jsonl'),
    ).toBe(true);
    expect(state.db.getThread('a')).toMatchObject({
      archived: true,
      archivedAt: BASE_MS + 61_000,
      rolloutPath: '/home/u/.codex/archived_sessions/a.jsonl',
    });
    expect(state.db.unarchiveThread('a', '/home/u/.codex/sessions/a.jsonl')).toBe(true);
    expect(state.db.getThread('a')).toMatchObject({
      archived: false,
      archivedAt: null,
      rolloutPath: '/home/u/.codex/sessions/a.jsonl',
    });
    expect(state.db.archiveThread('missing', BASE_MS)).toBe(false);
  });

  it('delete removes the row', () => {
    state.db.upsertThread(thread('a'));
    expect(state.db.deleteThread('a')).toBe(true);
    expect(state.db.getThread('a')).toBeNull();
    expect(state.db.deleteThread('a')).toBe(false);
  });

  it('insertThreadIfAbsent never overwrites', () => {
    expect(state.db.insertThreadIfAbsent(thread('a', { title: 'one' }))).toBe(true);
    expect(state.db.insertThreadIfAbsent(thread('a', { title: 'two' }))).toBe(false);
    expect(state.db.getThread('a')?.title).toBe('one');
  });

  it('a transaction that throws writes nothing', () => {
    expect(() =>
      state.db.transaction(() => {
        state.db.upsertThread(thread('a'));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(state.db.getThread('a')).toBeNull();
  });
});
