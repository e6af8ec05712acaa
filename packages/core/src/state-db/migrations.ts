import type { DatabaseSync } from 'node:sqlite';
import { StateDbMigrationError } from './errors.js';

/** One schema step. `up` runs inside the transaction that also records it. */
export interface StateDbMigration {
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

/** Where applied versions are recorded (ours; the Rust Codex keeps `_sqlx_migrations`). */
export const MIGRATIONS_TABLE = 'codex_ts_migrations';

// Column and index names follow the Rust Codex's state DB so tools that read one read the other.
const THREADS_SQL = `
CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    rollout_path TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    source TEXT NOT NULL,
    model_provider TEXT NOT NULL,
    model TEXT,
    cwd TEXT NOT NULL,
    cli_version TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    first_user_message TEXT NOT NULL DEFAULT '',
    name TEXT,
    sandbox_policy TEXT NOT NULL DEFAULT '',
    approval_mode TEXT NOT NULL DEFAULT '',
    tokens_used INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    archived_at INTEGER,
    git_sha TEXT,
    git_branch TEXT,
    git_origin_url TEXT
);
CREATE INDEX idx_threads_visible_created_at_ms
    ON threads(archived, created_at_ms DESC, id DESC) WHERE first_user_message <> '';
CREATE INDEX idx_threads_visible_updated_at_ms
    ON threads(archived, updated_at_ms DESC, id DESC) WHERE first_user_message <> '';
CREATE INDEX idx_threads_created_at_ms ON threads(created_at_ms DESC, id DESC);
CREATE INDEX idx_threads_updated_at_ms ON threads(updated_at_ms DESC, id DESC);
CREATE INDEX idx_threads_archived_cwd_created_at_ms
    ON threads(archived, cwd, created_at_ms DESC, id DESC);
CREATE INDEX idx_threads_archived_cwd_updated_at_ms
    ON threads(archived, cwd, updated_at_ms DESC, id DESC);
CREATE INDEX idx_threads_rollout_path ON threads(rollout_path);
CREATE INDEX idx_threads_name ON threads(name) WHERE name IS NOT NULL;
`;

// Same shape as the Rust Codex's singleton row: status pending | running | complete.
const BACKFILL_STATE_SQL = `
CREATE TABLE backfill_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    status TEXT NOT NULL,
    last_watermark TEXT,
    last_success_at INTEGER,
    updated_at INTEGER NOT NULL
);
INSERT INTO backfill_state (id, status, last_watermark, last_success_at, updated_at)
VALUES (1, 'pending', NULL, NULL, CAST(strftime('%s', 'now') AS INTEGER));
`;

/** Our schema, in order. Append new steps; never edit one that has shipped. */
export const STATE_DB_MIGRATIONS: readonly StateDbMigration[] = [
  { version: 1, name: 'threads', up: (db) => db.exec(THREADS_SQL) },
  { version: 2, name: 'backfill_state', up: (db) => db.exec(BACKFILL_STATE_SQL) },
];

export function tableExists(db: DatabaseSync, table: string): boolean {
  const row = db
    .prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table);
  return row !== undefined;
}

function appliedVersions(db: DatabaseSync): Set<number> {
  if (!tableExists(db, MIGRATIONS_TABLE)) return new Set();
  const rows = db.prepare(`SELECT version FROM ${MIGRATIONS_TABLE}`).all();
  return new Set(rows.map((row) => Number(row['version'])));
}

function checkOrder(migrations: readonly StateDbMigration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    const prev = migrations[i - 1];
    const cur = migrations[i];
    if (prev !== undefined && cur !== undefined && cur.version <= prev.version) {
      throw new Error(`state DB migrations out of order at version ${cur.version}`);
    }
  }
}

/**
 * Applies the migrations not yet recorded, in version order, in one IMMEDIATE transaction so a
 * second process opening the same file waits and then finds them applied. Versions recorded by a
 * newer codex-ts that we do not know are left alone. Returns the versions applied now.
 */
export function runMigrations(db: DatabaseSync, migrations: readonly StateDbMigration[]): number[] {
  checkOrder(migrations);
  // Fast path without the write lock: nothing to do on every open but the first.
  const known = appliedVersions(db);
  if (migrations.every((m) => known.has(m.version))) return [];

  db.exec('BEGIN IMMEDIATE');
  const done: number[] = [];
  let current: StateDbMigration | undefined;
  try {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at INTEGER NOT NULL
       )`,
    );
    const applied = appliedVersions(db);
    const record = db.prepare(
      `INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`,
    );
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      current = migration;
      migration.up(db);
      record.run(migration.version, migration.name, Math.floor(Date.now() / 1000));
      done.push(migration.version);
    }
    current = undefined;
    db.exec('COMMIT');
    return done;
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    if (current !== undefined) throw new StateDbMigrationError(current.version, current.name, err);
    throw err;
  }
}
