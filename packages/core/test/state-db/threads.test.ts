import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCodexHome } from '@codex-ts/test-support';
import type { TempDir } from '@codex-ts/test-support';
import { StateDb } from '../../src/state-db/state-db.js';
import { BASE_MS, thread } from './helpers.js';

let home: TempDir;
let db: StateDb;
beforeEach(async () => {
  home = await makeTempCodexHome();
  db = await StateDb.open(home.path);
});
afterEach(async () => {
  db.close();
  await home.cleanup();
});

describe('thread rows', () => {
  it('upserts and reads back every field', () => {
    db.upsertThread(
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
    expect(db.getThread('a')).toEqual({
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
    expect(db.getThread('missing')).toBeNull();
  });

  it('an update keeps the fields it does not name', () => {
    db.upsertThread(thread('a', { title: 'Title', model: 'gpt-5', tokensUsed: 3 }));
    db.setThreadName('a', 'my thread');
    db.archiveThread('a', BASE_MS + 60_000);
    db.upsertThread(thread('a', { updatedAt: BASE_MS + 9000, tokensUsed: 7 }));
    const row = db.getThread('a');
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
    db.upsertThread(thread('a', { preview: undefined }));
    expect(db.getThread('a')).toMatchObject({ title: '', preview: '' });
    db.upsertThread(thread('a', { preview: 'hello there' }));
    expect(db.getThread('a')).toMatchObject({ title: 'hello there', preview: 'hello there' });
  });

  it('touchThread moves updatedAt and fills only an empty preview', () => {
    db.upsertThread(thread('a', { preview: undefined }));
    expect(db.touchThread('a', BASE_MS + 100, 'first words')).toBe(true);
    expect(db.touchThread('a', BASE_MS + 200, 'second words')).toBe(true);
    expect(db.getThread('a')).toMatchObject({
      updatedAt: BASE_MS + 200,
      preview: 'first words',
      title: 'first words',
    });
    expect(db.touchThread('nope', BASE_MS)).toBe(false);
  });

  it('names: set, find (newest live one), clear', () => {
    db.upsertThread(thread('old', { updatedAt: BASE_MS + 1 }));
    db.upsertThread(thread('new', { updatedAt: BASE_MS + 2 }));
    db.upsertThread(thread('gone', { updatedAt: BASE_MS + 3 }));
    expect(db.setThreadName('old', 'release')).toBe(true);
    expect(db.setThreadName('new', 'release')).toBe(true);
    expect(db.setThreadName('gone', 'release')).toBe(true);
    db.archiveThread('gone', BASE_MS + 4);
    expect(db.findThreadByName('release')?.id).toBe('new');
    expect(db.findThreadByName('release', { includeArchived: true })?.id).toBe('new');
    expect(db.findThreadByName('Release')).toBeNull();
    expect(db.setThreadName('new', null)).toBe(true);
    expect(db.getThread('new')?.name).toBeNull();
    expect(db.findThreadByName('release')?.id).toBe('old');
    expect(db.setThreadName('missing', 'x')).toBe(false);
  });

  it('archive and unarchive, moving the rollout path', () => {
    db.upsertThread(thread('a'));
    expect(
      db.archiveThread('a', BASE_MS + 61_000, '/home/u/.codex/archived_sessions/a.jsonl'),
    ).toBe(true);
    expect(db.getThread('a')).toMatchObject({
      archived: true,
      archivedAt: BASE_MS + 61_000,
      rolloutPath: '/home/u/.codex/archived_sessions/a.jsonl',
    });
    expect(db.unarchiveThread('a', '/home/u/.codex/sessions/a.jsonl')).toBe(true);
    expect(db.getThread('a')).toMatchObject({
      archived: false,
      archivedAt: null,
      rolloutPath: '/home/u/.codex/sessions/a.jsonl',
    });
    expect(db.archiveThread('missing', BASE_MS)).toBe(false);
  });

  it('delete removes the row', () => {
    db.upsertThread(thread('a'));
    expect(db.deleteThread('a')).toBe(true);
    expect(db.getThread('a')).toBeNull();
    expect(db.deleteThread('a')).toBe(false);
  });

  it('insertThreadIfAbsent never overwrites', () => {
    expect(db.insertThreadIfAbsent(thread('a', { title: 'one' }))).toBe(true);
    expect(db.insertThreadIfAbsent(thread('a', { title: 'two' }))).toBe(false);
    expect(db.getThread('a')?.title).toBe('one');
  });

  it('a transaction that throws writes nothing', () => {
    expect(() =>
      db.transaction(() => {
        db.upsertThread(thread('a'));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(db.getThread('a')).toBeNull();
  });
});
