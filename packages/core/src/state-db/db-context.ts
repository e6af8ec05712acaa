import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { ThreadRow } from './thread-row.js';
import type { ThreadSchema } from './thread-schema.js';

/** What the query modules share: the connection, the table layout and a statement cache. */
export interface DbContext {
  db: DatabaseSync;
  schema: ThreadSchema;
  /** A prepared statement for `sql`, reused across calls. */
  prepare(sql: string): StatementSync;
  /** Runs `fn` in a BEGIN IMMEDIATE transaction (or inside the one already open). */
  transaction<T>(fn: () => T): T;
}

export function createDbContext(db: DatabaseSync, schema: ThreadSchema): DbContext {
  const cache = new Map<string, StatementSync>();
  const ctx: DbContext = {
    db,
    schema,
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        stmt = db.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    transaction(fn) {
      if (db.isTransaction) return fn();
      // IMMEDIATE takes the write lock up front, so the busy timeout applies and two writers
      // queue instead of one failing when it upgrades a read lock.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = fn();
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
  };
  return ctx;
}

export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? ''
      : String(value);
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;
}

/** Maps a row selected with `selectColumns` to a ThreadRow. */
export function rowFromSql(r: Record<string, unknown>): ThreadRow {
  const archivedAt = r['archived_at'];
  return {
    id: text(r['id']),
    rolloutPath: text(r['rollout_path']),
    cwd: text(r['cwd']),
    title: text(r['title']),
    preview: text(r['preview']),
    name: textOrNull(r['name']),
    model: textOrNull(r['model']),
    modelProvider: text(r['model_provider']),
    source: text(r['source']),
    cliVersion: text(r['cli_version']),
    createdAt: num(r['created_ms']),
    updatedAt: num(r['updated_ms']),
    archived: num(r['archived']) !== 0,
    archivedAt: archivedAt === null || archivedAt === undefined ? null : num(archivedAt) * 1000,
    sandboxPolicy: text(r['sandbox_policy']),
    approvalMode: text(r['approval_mode']),
    tokensUsed: num(r['tokens_used']),
    gitSha: textOrNull(r['git_sha']),
    gitBranch: textOrNull(r['git_branch']),
    gitOriginUrl: textOrNull(r['git_origin_url']),
  };
}

export type SqlParams = SQLInputValue[];
