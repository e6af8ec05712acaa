import type { DatabaseSync } from 'node:sqlite';
import { StateDbSchemaError } from './errors.js';
import { MIGRATIONS_TABLE, tableExists } from './migrations.js';

/** Side table for names when a Rust-made `threads` table has no `name` column. */
export const NAMES_SIDE_TABLE = 'codex_ts_thread_names';
/** Our backfill marker when a Rust-made file predates its `backfill_state` table. */
export const BACKFILL_SIDE_TABLE = 'codex_ts_backfill_state';

/**
 * How the `threads` table of this file is laid out. `native`: made by our migrations. `foreign`:
 * made by the Rust Codex (it has `_sqlx_migrations`); we then never alter its tables, only read
 * and write the columns that exist, and fill the NOT NULL ones we do not know with empty values.
 */
export interface ThreadSchema {
  mode: 'native' | 'foreign';
  columns: ReadonlySet<string>;
  /** `first_user_message` (ours, older Rust) or `preview` (newer Rust). */
  previewColumn: string;
  /** SQL for the millisecond sort values. */
  createdMsExpr: string;
  updatedMsExpr: string;
  hasMsColumns: boolean;
  /** SQL yielding the thread's name (a column, or a lookup in the side table). */
  nameExpr: string;
  namesInSideTable: boolean;
  /** Newer Rust tables track how a name came to be; we keep it truthful when we set one. */
  hasNameState: boolean;
  /** `backfill_state`, or our own copy of it in a Rust-made file that lacks one. */
  backfillTable: string;
  /** Columns we do not write that would reject a NULL, with the value we give them. */
  fillers: ReadonlyArray<{ column: string; value: string | number }>;
}

/** Columns we write, by the name they have in our schema. */
export const WRITTEN_COLUMNS = [
  'id',
  'rollout_path',
  'created_at',
  'updated_at',
  'created_at_ms',
  'updated_at_ms',
  'source',
  'model_provider',
  'model',
  'cwd',
  'cli_version',
  'title',
  'first_user_message',
  'name',
  'sandbox_policy',
  'approval_mode',
  'tokens_used',
  'archived',
  'archived_at',
  'git_sha',
  'git_branch',
  'git_origin_url',
] as const;

const REQUIRED = [
  'id',
  'rollout_path',
  'created_at',
  'updated_at',
  'source',
  'model_provider',
  'cwd',
];

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

function columnInfo(db: DatabaseSync): ColumnInfo[] {
  return db.prepare('PRAGMA table_info(threads)').all() as unknown as ColumnInfo[];
}

/** True when the file was made by something other than our migrations (the Rust Codex). */
export function isForeignDb(db: DatabaseSync): boolean {
  if (tableExists(db, '_sqlx_migrations')) return true;
  return tableExists(db, 'threads') && !tableExists(db, MIGRATIONS_TABLE);
}

export function inspectThreadSchema(db: DatabaseSync, mode: 'native' | 'foreign'): ThreadSchema {
  const info = columnInfo(db);
  if (info.length === 0) throw new StateDbSchemaError('there is no threads table');
  const columns = new Set(info.map((c) => c.name));
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new StateDbSchemaError(`the threads table lacks ${missing.join(', ')}`);
  }
  const previewColumn = columns.has('first_user_message')
    ? 'first_user_message'
    : columns.has('preview')
      ? 'preview'
      : '';
  if (previewColumn === '') {
    throw new StateDbSchemaError('the threads table has neither first_user_message nor preview');
  }
  const hasMsColumns = columns.has('created_at_ms') && columns.has('updated_at_ms');
  const namesInSideTable = !columns.has('name');
  const written = new Set<string>([...WRITTEN_COLUMNS, previewColumn]);
  const fillers = info
    .filter((c) => c.notnull === 1 && c.dflt_value === null && c.pk === 0 && !written.has(c.name))
    .map((c) => ({ column: c.name, value: /INT|REAL|NUM/i.test(c.type) ? 0 : '' }));
  return {
    mode,
    columns,
    previewColumn,
    createdMsExpr: hasMsColumns ? 'threads.created_at_ms' : '(threads.created_at * 1000)',
    updatedMsExpr: hasMsColumns ? 'threads.updated_at_ms' : '(threads.updated_at * 1000)',
    hasMsColumns,
    nameExpr: namesInSideTable
      ? `(SELECT n.name FROM ${NAMES_SIDE_TABLE} n WHERE n.thread_id = threads.id)`
      : 'threads.name',
    namesInSideTable,
    hasNameState: columns.has('name_state'),
    backfillTable:
      mode === 'foreign' && !tableExists(db, 'backfill_state')
        ? BACKFILL_SIDE_TABLE
        : 'backfill_state',
    fillers,
  };
}

/** The SELECT list that `rowFromSql` reads, for this layout. */
export function selectColumns(schema: ThreadSchema): string {
  const col = (name: string, fallback: string): string =>
    schema.columns.has(name) ? `threads.${name}` : fallback;
  return [
    'threads.id AS id',
    'threads.rollout_path AS rollout_path',
    'threads.cwd AS cwd',
    `${col('title', "''")} AS title`,
    `threads.${schema.previewColumn} AS preview`,
    `${schema.nameExpr} AS name`,
    `${col('model', 'NULL')} AS model`,
    'threads.model_provider AS model_provider',
    'threads.source AS source',
    `${col('cli_version', "''")} AS cli_version`,
    `${schema.createdMsExpr} AS created_ms`,
    `${schema.updatedMsExpr} AS updated_ms`,
    `${col('archived', '0')} AS archived`,
    `${col('archived_at', 'NULL')} AS archived_at`,
    `${col('sandbox_policy', "''")} AS sandbox_policy`,
    `${col('approval_mode', "''")} AS approval_mode`,
    `${col('tokens_used', '0')} AS tokens_used`,
    `${col('git_sha', 'NULL')} AS git_sha`,
    `${col('git_branch', 'NULL')} AS git_branch`,
    `${col('git_origin_url', 'NULL')} AS git_origin_url`,
  ].join(', ');
}
