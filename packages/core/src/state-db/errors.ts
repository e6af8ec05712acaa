/** Errors of the state database (`CODEX_HOME/state_<n>.sqlite`), one class per kind. */

/** The database file could not be opened or configured (permissions, corruption, lock timeout). */
export class StateDbOpenError extends Error {
  readonly code = 'state_db_open_failed';
  readonly retryable = false;
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`cannot open the state database ${path}: ${describe(cause)}`, { cause });
    this.name = 'StateDbOpenError';
    this.path = path;
  }
}

/** A schema migration failed; its transaction was rolled back and the file is as it was. */
export class StateDbMigrationError extends Error {
  readonly code = 'state_db_migration_failed';
  readonly retryable = false;
  readonly version: number;
  readonly migration: string;
  constructor(version: number, migration: string, cause: unknown) {
    super(`state database migration ${version} (${migration}) failed: ${describe(cause)}`, {
      cause,
    });
    this.name = 'StateDbMigrationError';
    this.version = version;
    this.migration = migration;
  }
}

/** The file holds a schema we cannot work with (for instance a `threads` table without `id`). */
export class StateDbSchemaError extends Error {
  readonly code = 'state_db_incompatible_schema';
  readonly retryable = false;
  constructor(detail: string) {
    super(`the state database schema is not usable: ${detail}`);
    this.name = 'StateDbSchemaError';
  }
}

/** A `thread/list` cursor that this database did not hand out (or that is malformed). */
export class InvalidThreadCursorError extends Error {
  readonly code = 'invalid_cursor';
  readonly retryable = false;
  readonly cursor: string;
  constructor(cursor: string) {
    super(`invalid thread list cursor: ${JSON.stringify(cursor)}`);
    this.name = 'InvalidThreadCursorError';
    this.cursor = cursor;
  }
}

/** The database was used after `close()`. */
export class StateDbClosedError extends Error {
  readonly code = 'state_db_closed';
  readonly retryable = false;
  constructor() {
    super('the state database is closed');
    this.name = 'StateDbClosedError';
  }
}

/** Another process held the write lock for longer than the busy timeout. Worth retrying. */
export class StateDbBusyError extends Error {
  readonly code = 'state_db_busy';
  readonly retryable = true;
  constructor(cause: unknown) {
    super(`the state database stayed locked by another process: ${describe(cause)}`, { cause });
    this.name = 'StateDbBusyError';
  }
}

/** SQLite reported "busy" after the busy timeout: another process held the write lock too long. */
export function isSqliteBusy(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const errcode = (err as { errcode?: unknown }).errcode;
  // SQLITE_BUSY (5) and its extended codes (5 + n * 256), SQLITE_LOCKED (6) likewise.
  return typeof errcode === 'number' && ((errcode & 0xff) === 5 || (errcode & 0xff) === 6);
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
