import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCodexHome } from '@codex-ts/test-support';
import type { TempDir } from '@codex-ts/test-support';
import { StateDbMigrationError } from '../../src/state-db/errors.js';
import { MIGRATIONS_TABLE, STATE_DB_MIGRATIONS } from '../../src/state-db/migrations.js';
import { STATE_DB_FILENAME, StateDb } from '../../src/state-db/state-db.js';
import { thread } from './helpers.js';

let home: TempDir;
beforeEach(async () => {
  home = await makeTempCodexHome();
});
afterEach(async () => {
  await home.cleanup();
});

function inspect<T>(fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(join(home.path, STATE_DB_FILENAME));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const appliedVersions = (db: DatabaseSync): number[] =>
  db
    .prepare(`SELECT version FROM ${MIGRATIONS_TABLE} ORDER BY version`)
    .all()
    .map((r) => Number(r['version']));

describe('StateDb.open and migrations', () => {
  it('creates state_5.sqlite in WAL mode with every migration recorded in order', async () => {
    expect(STATE_DB_FILENAME).toBe('state_5.sqlite');
    const db = await StateDb.open(home.path);
    expect(db.mode).toBe('native');
    expect(db.path).toBe(join(home.path, 'state_5.sqlite'));
    db.close();
    expect(existsSync(join(home.path, 'state_5.sqlite'))).toBe(true);
    inspect((raw) => {
      expect(appliedVersions(raw)).toEqual(STATE_DB_MIGRATIONS.map((m) => m.version));
      expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      const cols = raw
        .prepare('PRAGMA table_info(threads)')
        .all()
        .map((c) => c['name']);
      expect(cols).toEqual(
        expect.arrayContaining([
          'id',
          'rollout_path',
          'cwd',
          'title',
          'first_user_message',
          'name',
          'model',
          'model_provider',
          'source',
          'created_at',
          'updated_at',
          'created_at_ms',
          'updated_at_ms',
          'archived',
          'archived_at',
          'cli_version',
        ]),
      );
      expect(raw.prepare('SELECT status FROM backfill_state WHERE id = 1').get()).toEqual({
        status: 'pending',
      });
    });
  });

  it('re-opening applies nothing again and keeps the rows', async () => {
    const first = await StateDb.open(home.path);
    first.upsertThread(thread('t1'));
    first.close();
    const again = await StateDb.open(home.path);
    expect(again.getThread('t1')?.id).toBe('t1');
    again.close();
    inspect((raw) => {
      expect(appliedVersions(raw)).toEqual(STATE_DB_MIGRATIONS.map((m) => m.version));
    });
  });

  it('a failing migration rolls back entirely and reports which one failed', async () => {
    const bad = {
      version: 99,
      name: 'broken_step',
      up(db: DatabaseSync) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const err = await StateDb.open(home.path, {
      migrations: [...STATE_DB_MIGRATIONS, bad],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateDbMigrationError);
    expect(err).toMatchObject({ code: 'state_db_migration_failed', version: 99 });
    inspect((raw) => {
      const tables = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r['name']);
      expect(tables).not.toContain('half_done');
      expect(tables).not.toContain('threads');
      expect(tables).not.toContain(MIGRATIONS_TABLE);
    });
    // The good steps still apply on the next open.
    const db = await StateDb.open(home.path);
    db.close();
  });

  it('a failed later migration leaves an existing database as it was', async () => {
    const db = await StateDb.open(home.path);
    db.upsertThread(thread('kept'));
    db.close();
    const bad = {
      version: 50,
      name: 'drops_then_fails',
      up(raw: DatabaseSync) {
        raw.exec('DELETE FROM threads');
        throw new Error('boom');
      },
    };
    await expect(
      StateDb.open(home.path, { migrations: [...STATE_DB_MIGRATIONS, bad] }),
    ).rejects.toMatchObject({ code: 'state_db_migration_failed', migration: 'drops_then_fails' });
    const reopened = await StateDb.open(home.path);
    expect(reopened.getThread('kept')).not.toBeNull();
    reopened.close();
  });

  it('leaves versions recorded by a newer build alone', async () => {
    const newer = {
      version: 1000,
      name: 'from_the_future',
      up(raw: DatabaseSync) {
        raw.exec('CREATE TABLE future_table (x INTEGER)');
      },
    };
    (await StateDb.open(home.path, { migrations: [...STATE_DB_MIGRATIONS, newer] })).close();
    const db = await StateDb.open(home.path);
    db.upsertThread(thread('t'));
    db.close();
    inspect((raw) => expect(appliedVersions(raw)).toContain(1000));
  });

  it('throws a typed error after close', async () => {
    const db = await StateDb.open(home.path);
    db.close();
    db.close();
    expect(() => db.getThread('x')).toThrow(expect.objectContaining({ code: 'state_db_closed' }));
  });
});
