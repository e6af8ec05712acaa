import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { readBackfillState, runBackfill } from './backfill.js';
import type { BackfillState } from './backfill.js';
import { createDbContext } from './db-context.js';
import type { DbContext } from './db-context.js';
import { StateDbBusyError, StateDbClosedError, StateDbOpenError, isSqliteBusy } from './errors.js';
import { STATE_DB_MIGRATIONS, runMigrations, tableExists } from './migrations.js';
import type { StateDbMigration } from './migrations.js';
import { findThreadByName, getThread, listThreads } from './thread-list.js';
import type {
  BackfillResult,
  BackfillSources,
  ListThreadsOptions,
  ThreadListResult,
  ThreadRow,
  ThreadUpsert,
} from './thread-row.js';
import {
  BACKFILL_SIDE_TABLE,
  NAMES_SIDE_TABLE,
  inspectThreadSchema,
  isForeignDb,
} from './thread-schema.js';
import * as writes from './thread-writes.js';

/** The Rust Codex's state DB generation; the file is `state_<n>.sqlite`. */
export const STATE_DB_VERSION = 5;
export const STATE_DB_FILENAME = `state_${STATE_DB_VERSION}.sqlite`;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** `<dir>/state_5.sqlite`; `dir` is CODEX_HOME (or `CODEX_SQLITE_HOME` / `sqlite_home` when set). */
export function stateDbPath(dir: string): string {
  return join(dir, STATE_DB_FILENAME);
}

export interface StateDbOpenOptions {
  /** Replaces our schema steps (tests). */
  migrations?: readonly StateDbMigration[];
  /** How long a write waits for another process's lock (default 5 s, as the Rust Codex). */
  busyTimeoutMs?: number;
}

function configure(db: DatabaseSync, timeoutMs: number): void {
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(timeoutMs))}`);
  // Only takes effect on a file without tables; the Rust Codex makes new files this way too.
  db.exec('PRAGMA auto_vacuum = INCREMENTAL');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
}

/** Schema steps for our own file; a file made by the Rust Codex is used as it is. */
function prepareSchema(db: DatabaseSync, migrations: readonly StateDbMigration[]): DbContext {
  let mode: 'native' | 'foreign' = isForeignDb(db) ? 'foreign' : 'native';
  if (mode === 'native') {
    try {
      runMigrations(db, migrations);
    } catch (err) {
      // The Rust Codex may have created the file between our look and our write lock.
      if (!isForeignDb(db)) throw err;
      mode = 'foreign';
    }
  }
  if (mode === 'foreign') {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${NAMES_SIDE_TABLE} (thread_id TEXT PRIMARY KEY, name TEXT NOT NULL)`,
    );
    if (!tableExists(db, 'backfill_state')) {
      db.exec(
        `CREATE TABLE IF NOT EXISTS ${BACKFILL_SIDE_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), ` +
          'status TEXT NOT NULL, last_watermark TEXT, last_success_at INTEGER, updated_at INTEGER NOT NULL)',
      );
    }
  }
  return createDbContext(db, inspectThreadSchema(db, mode));
}

/**
 * Thread metadata in SQLite: what `thread/list`, the resume picker and resume-by-name read. One
 * connection per process; WAL lets readers run beside the one writer, and the busy timeout makes
 * a second process's writes wait for the lock instead of failing. Calls are synchronous and short.
 */
export class StateDb {
  readonly path: string;
  /** `native`: our schema. `foreign`: a file the Rust Codex made, used without altering its tables. */
  readonly mode: 'native' | 'foreign';
  #db: DatabaseSync | undefined;
  #ctx: DbContext;

  private constructor(path: string, db: DatabaseSync, ctx: DbContext) {
    this.path = path;
    this.#db = db;
    this.#ctx = ctx;
    this.mode = ctx.schema.mode;
  }

  /** Opens (creating and migrating when needed) `state_5.sqlite` in `dir`. */
  static async open(dir: string, options: StateDbOpenOptions = {}): Promise<StateDb> {
    const path = stateDbPath(dir);
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      throw new StateDbOpenError(path, err);
    }
    let db: DatabaseSync;
    try {
      const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
      db = new DatabaseSync(path, { timeout, enableForeignKeyConstraints: true });
      configure(db, timeout);
    } catch (err) {
      throw new StateDbOpenError(path, err);
    }
    try {
      const ctx = prepareSchema(db, options.migrations ?? STATE_DB_MIGRATIONS);
      return new StateDb(path, db, ctx);
    } catch (err) {
      db.close();
      if (isSqliteBusy(err)) throw new StateDbBusyError(err);
      throw err;
    }
  }

  #run<T>(fn: (ctx: DbContext) => T): T {
    if (this.#db === undefined) throw new StateDbClosedError();
    try {
      return fn(this.#ctx);
    } catch (err) {
      if (isSqliteBusy(err)) throw new StateDbBusyError(err);
      throw err;
    }
  }

  /** Inserts the thread, or updates the given fields of the stored one (the rest is kept). */
  upsertThread(row: ThreadUpsert): void {
    this.#run((ctx) => writes.upsertThread(ctx, row));
  }

  /** Inserts the thread unless its id is stored. True when inserted. */
  insertThreadIfAbsent(row: ThreadUpsert): boolean {
    return this.#run((ctx) => writes.insertThreadIfAbsent(ctx, row));
  }

  /** Moves `updatedAt` (unix ms); `preview` fills an empty first user message and title. */
  touchThread(id: string, updatedAt: number, preview?: string): boolean {
    return this.#run((ctx) => writes.touchThread(ctx, id, updatedAt, preview));
  }

  getThread(id: string): ThreadRow | null {
    return this.#run((ctx) => getThread(ctx, id));
  }

  /** The most recently updated thread named exactly `name` (live ones unless asked). */
  findThreadByName(name: string, opts: { includeArchived?: boolean } = {}): ThreadRow | null {
    return this.#run((ctx) => findThreadByName(ctx, name, opts.includeArchived === true));
  }

  /** Sets (or with null or '' clears) the name. False when the thread has no row. */
  setThreadName(id: string, name: string | null): boolean {
    return this.#run((ctx) => writes.setThreadName(ctx, id, name));
  }

  /** Marks the thread archived at `at` (unix ms); pass the new rollout path when the file moved. */
  archiveThread(id: string, at: number, rolloutPath?: string): boolean {
    return this.#run((ctx) => writes.archiveThread(ctx, id, at, rolloutPath));
  }

  unarchiveThread(id: string, rolloutPath?: string): boolean {
    return this.#run((ctx) => writes.unarchiveThread(ctx, id, rolloutPath));
  }

  deleteThread(id: string): boolean {
    return this.#run((ctx) => writes.deleteThread(ctx, id));
  }

  listThreads(opts: ListThreadsOptions = {}): ThreadListResult {
    return this.#run((ctx) => listThreads(ctx, opts));
  }

  /** Runs `fn` as one write transaction (other processes' writes wait until it ends). */
  transaction<T>(fn: () => T): T {
    return this.#run((ctx) => ctx.transaction(fn));
  }

  /** Inserts rows for rollout files that have none; once, unless `force`. */
  async backfill(sources: BackfillSources): Promise<BackfillResult> {
    const ctx = this.#run((c) => c);
    try {
      return await runBackfill(ctx, sources);
    } catch (err) {
      if (isSqliteBusy(err)) throw new StateDbBusyError(err);
      throw err;
    }
  }

  backfillState(): BackfillState {
    return this.#run((ctx) => readBackfillState(ctx));
  }

  get closed(): boolean {
    return this.#db === undefined;
  }

  /** Closes the connection; later calls throw StateDbClosedError. Safe to call twice. */
  close(): void {
    const db = this.#db;
    this.#db = undefined;
    if (db !== undefined && db.isOpen) db.close();
  }
}
