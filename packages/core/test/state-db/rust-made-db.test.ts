import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCodexHome } from '@codex-ts/test-support';
import type { TempDir } from '@codex-ts/test-support';
import { MIGRATIONS_TABLE } from '../../src/state-db/migrations.js';
import { STATE_DB_FILENAME, StateDb } from '../../src/state-db/state-db.js';
import { BASE_MS, thread } from './helpers.js';

// Hand-written from the Rust Codex's migrations (threads, then the millisecond columns), plus a
// NOT NULL column without default that we do not know, and its sqlx bookkeeping table.
const OLDER_RUST_SCHEMA = `
CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,
  installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL,
  checksum BLOB NOT NULL, execution_time BIGINT NOT NULL);
INSERT INTO _sqlx_migrations VALUES (1, 'threads', '2025-01-01', 1, x'00', 1);
CREATE TABLE threads (
  id TEXT PRIMARY KEY, rollout_path TEXT NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, source TEXT NOT NULL, model_provider TEXT NOT NULL,
  cwd TEXT NOT NULL, title TEXT NOT NULL, sandbox_policy TEXT NOT NULL, approval_mode TEXT NOT NULL,
  tokens_used INTEGER NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0, archived_at INTEGER,
  git_sha TEXT, git_branch TEXT, git_origin_url TEXT, cli_version TEXT NOT NULL DEFAULT '',
  first_user_message TEXT NOT NULL DEFAULT '', created_at_ms INTEGER, updated_at_ms INTEGER,
  memory_mode TEXT NOT NULL
);
CREATE INDEX idx_threads_updated_at_ms ON threads(updated_at_ms DESC, id DESC);
CREATE TABLE backfill_state (id INTEGER PRIMARY KEY CHECK (id = 1), status TEXT NOT NULL,
  last_watermark TEXT, last_success_at INTEGER, updated_at INTEGER NOT NULL);
INSERT INTO threads (id, rollout_path, created_at, updated_at, source, model_provider, cwd, title,
  sandbox_policy, approval_mode, first_user_message, created_at_ms, updated_at_ms, memory_mode)
VALUES ('rust-1', '/r/rust-1.jsonl', 1700000000, 1700000050, 'cli', 'openai', '/work/p',
  'made by rust', 'read-only', 'on-request', 'hi from rust', 1700000000000, 1700000050000, 'enabled');
`;

const NEWER_RUST_SCHEMA = `
CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,
  installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL,
  checksum BLOB NOT NULL, execution_time BIGINT NOT NULL);
CREATE TABLE threads (
  id TEXT PRIMARY KEY, rollout_path TEXT NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, source TEXT NOT NULL, model_provider TEXT NOT NULL, model TEXT,
  cwd TEXT NOT NULL, title TEXT NOT NULL, sandbox_policy TEXT NOT NULL, approval_mode TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0, archived_at INTEGER, cli_version TEXT NOT NULL DEFAULT '',
  preview TEXT NOT NULL DEFAULT '', created_at_ms INTEGER, updated_at_ms INTEGER, name TEXT,
  name_state TEXT NOT NULL DEFAULT 'legacy_unknown'
);
`;

let home: TempDir;
beforeEach(async () => {
  home = await makeTempCodexHome();
});
afterEach(async () => {
  await home.cleanup();
});

function makeRustDb(schema: string): void {
  const raw = new DatabaseSync(join(home.path, STATE_DB_FILENAME));
  raw.exec(schema);
  raw.close();
}

function snapshot(query = 'SELECT 1') {
  const raw = new DatabaseSync(join(home.path, STATE_DB_FILENAME));
  try {
    return {
      columns: raw
        .prepare('PRAGMA table_info(threads)')
        .all()
        .map((c) => c['name']),
      indexes: raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'threads'")
        .all()
        .map((c) => c['name']),
      sqlx: raw.prepare('SELECT * FROM _sqlx_migrations').all(),
      ours: raw
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(MIGRATIONS_TABLE),
      query: raw.prepare(query).all(),
    };
  } finally {
    raw.close();
  }
}

describe('a state DB made by the Rust Codex', () => {
  it('is read and written without altering its tables', async () => {
    makeRustDb(OLDER_RUST_SCHEMA);
    const before = snapshot();
    const db = await StateDb.open(home.path);
    expect(db.mode).toBe('foreign');
    expect(db.getThread('rust-1')).toMatchObject({
      title: 'made by rust',
      preview: 'hi from rust',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_050_000,
      sandboxPolicy: 'read-only',
      model: null,
    });
    db.upsertThread(thread('ours', { updatedAt: 1_700_000_060_000, model: 'gpt-5' }));
    expect(db.listThreads().rows.map((r) => r.id)).toEqual(['ours', 'rust-1']);
    expect(db.setThreadName('rust-1', 'legacy work')).toBe(true);
    expect(db.findThreadByName('legacy work')?.id).toBe('rust-1');
    expect(db.listThreads({ searchTerm: 'LEGACY' }).rows.map((r) => r.id)).toEqual(['rust-1']);
    db.archiveThread('ours', BASE_MS);
    expect(db.listThreads({ archived: true }).rows.map((r) => r.id)).toEqual(['ours']);
    expect(db.deleteThread('rust-1')).toBe(true);
    const result = await db.backfill({
      listFiles: async function* () {
        yield '/r/new.jsonl';
      },
      readSummary: async () => ({ ...thread('from-file'), rolloutPath: undefined }),
    });
    expect(result.inserted).toBe(1);
    db.close();

    const after = snapshot();
    expect(after.columns).toEqual(before.columns);
    expect(after.indexes).toEqual(before.indexes);
    expect(after.sqlx).toEqual(before.sqlx);
    expect(after.ours).toBeUndefined();
  });

  it('uses the newer layout: preview column, name column with its state', async () => {
    makeRustDb(NEWER_RUST_SCHEMA);
    const db = await StateDb.open(home.path);
    db.upsertThread(thread('n', { preview: 'newer layout' }));
    expect(db.setThreadName('n', 'named')).toBe(true);
    expect(db.getThread('n')).toMatchObject({ preview: 'newer layout', name: 'named' });
    expect(db.listThreads({ searchTerm: 'NEWER' }).rows).toHaveLength(1);
    expect(db.backfillState().status).toBe('pending');
    db.close();
    const after = snapshot('SELECT name, name_state FROM threads');
    expect(after.query).toEqual([{ name: 'named', name_state: 'explicit' }]);
    expect(after.columns).not.toContain('first_user_message');
  });
});
