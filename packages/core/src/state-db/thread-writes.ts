import type { SQLInputValue } from 'node:sqlite';
import { toSeconds } from './db-context.js';
import type { DbContext } from './db-context.js';
import type { ThreadUpsert } from './thread-row.js';
import { NAMES_SIDE_TABLE } from './thread-schema.js';

interface ColumnValue {
  column: string;
  value: SQLInputValue;
}

/** Every column of a new row: the caller's value or our default, in our schema's names. */
function insertValues(ctx: DbContext, row: ThreadUpsert): ColumnValue[] {
  const s = ctx.schema;
  const archived = row.archived ?? (row.archivedAt !== undefined && row.archivedAt !== null);
  const archivedAt = archivedColumnValue(row, archived);
  const all: ColumnValue[] = [
    { column: 'id', value: row.id },
    { column: 'rollout_path', value: row.rolloutPath },
    { column: 'created_at', value: toSeconds(row.createdAt) },
    { column: 'updated_at', value: toSeconds(row.updatedAt) },
    { column: 'created_at_ms', value: Math.floor(row.createdAt) },
    { column: 'updated_at_ms', value: Math.floor(row.updatedAt) },
    { column: 'source', value: row.source },
    { column: 'model_provider', value: row.modelProvider },
    { column: 'model', value: row.model ?? null },
    { column: 'cwd', value: row.cwd },
    { column: 'cli_version', value: row.cliVersion ?? '' },
    { column: 'title', value: row.title ?? row.preview ?? '' },
    { column: s.previewColumn, value: row.preview ?? '' },
    { column: 'name', value: row.name ?? null },
    { column: 'sandbox_policy', value: row.sandboxPolicy ?? '' },
    { column: 'approval_mode', value: row.approvalMode ?? '' },
    { column: 'tokens_used', value: row.tokensUsed ?? 0 },
    { column: 'archived', value: archived ? 1 : 0 },
    { column: 'archived_at', value: archivedAt },
    { column: 'git_sha', value: row.gitSha ?? null },
    { column: 'git_branch', value: row.gitBranch ?? null },
    { column: 'git_origin_url', value: row.gitOriginUrl ?? null },
  ];
  const present = all.filter((c) => s.columns.has(c.column));
  return [...present, ...s.fillers];
}

function archivedColumnValue(row: ThreadUpsert, archived: boolean): number | null {
  if (!archived) return null;
  if (row.archivedAt !== undefined && row.archivedAt !== null) return toSeconds(row.archivedAt);
  return toSeconds(row.updatedAt);
}

/** The SET clause of the conflict branch: only what the caller gave, so the rest is kept. */
function updateAssignments(ctx: DbContext, row: ThreadUpsert): string[] {
  const s = ctx.schema;
  const given = (column: string): string => `${column} = excluded.${column}`;
  const sets = [
    'rollout_path',
    'created_at',
    'updated_at',
    'created_at_ms',
    'updated_at_ms',
    'source',
    'model_provider',
    'cwd',
  ].map(given);
  const optional: Array<[unknown, string[]]> = [
    [row.title, ['title']],
    [row.preview, [s.previewColumn]],
    [row.name, ['name']],
    [row.model, ['model']],
    [row.cliVersion, ['cli_version']],
    [row.archived ?? row.archivedAt, ['archived', 'archived_at']],
    [row.sandboxPolicy, ['sandbox_policy']],
    [row.approvalMode, ['approval_mode']],
    [row.tokensUsed, ['tokens_used']],
    [row.gitSha, ['git_sha']],
    [row.gitBranch, ['git_branch']],
    [row.gitOriginUrl, ['git_origin_url']],
  ];
  for (const [value, columns] of optional) {
    if (value !== undefined) sets.push(...columns.map(given));
  }
  // A first user message arriving through upsert also gives an untitled thread its title.
  if (row.title === undefined && row.preview !== undefined && s.columns.has('title')) {
    sets.push("title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END");
  }
  return sets.filter((set) => s.columns.has(set.slice(0, set.indexOf(' '))));
}

/** Inserts the row, or updates the fields the caller gave on an existing one. */
export function upsertThread(ctx: DbContext, row: ThreadUpsert): void {
  const values = insertValues(ctx, row);
  const sets = updateAssignments(ctx, row);
  const sql =
    `INSERT INTO threads (${values.map((v) => v.column).join(', ')}) ` +
    `VALUES (${values.map(() => '?').join(', ')}) ` +
    `ON CONFLICT(id) DO UPDATE SET ${sets.join(', ')}`;
  const params = values.map((v) => v.value);
  if (ctx.schema.namesInSideTable && row.name !== undefined) {
    ctx.transaction(() => {
      ctx.prepare(sql).run(...params);
      writeSideName(ctx, row.id, row.name ?? null);
    });
    return;
  }
  ctx.prepare(sql).run(...params);
}

/** Inserts the row unless one with its id exists. True when inserted. */
export function insertThreadIfAbsent(ctx: DbContext, row: ThreadUpsert): boolean {
  const values = insertValues(ctx, row);
  const sql =
    `INSERT INTO threads (${values.map((v) => v.column).join(', ')}) ` +
    `VALUES (${values.map(() => '?').join(', ')}) ON CONFLICT(id) DO NOTHING`;
  return ctx.prepare(sql).run(...values.map((v) => v.value)).changes > 0;
}

/** Moves `updated_at` and fills an empty preview (and title) with the first user message. */
export function touchThread(
  ctx: DbContext,
  id: string,
  updatedAt: number,
  preview?: string,
): boolean {
  const s = ctx.schema;
  const sets = ['updated_at = ?'];
  const params: SQLInputValue[] = [toSeconds(updatedAt)];
  if (s.hasMsColumns) {
    sets.push('updated_at_ms = ?');
    params.push(Math.floor(updatedAt));
  }
  if (preview !== undefined && preview !== '') {
    const p = s.previewColumn;
    sets.push(`${p} = CASE WHEN ${p} = '' THEN ? ELSE ${p} END`);
    params.push(preview);
    if (s.columns.has('title')) {
      sets.push("title = CASE WHEN title = '' THEN ? ELSE title END");
      params.push(preview);
    }
  }
  params.push(id);
  return (
    ctx.prepare(`UPDATE threads SET ${sets.join(', ')} WHERE id = ?`).run(...params).changes > 0
  );
}

/** Sets or clears the thread's name. False when there is no such thread. */
export function setThreadName(ctx: DbContext, id: string, name: string | null): boolean {
  const value = name === null || name === '' ? null : name;
  const s = ctx.schema;
  if (s.namesInSideTable) {
    return ctx.transaction(() => {
      if (ctx.prepare('SELECT 1 FROM threads WHERE id = ?').get(id) === undefined) return false;
      writeSideName(ctx, id, value);
      return true;
    });
  }
  if (s.hasNameState) {
    const state = value === null ? 'cleared' : 'explicit';
    const sql = 'UPDATE threads SET name = ?, name_state = ? WHERE id = ?';
    return ctx.prepare(sql).run(value, state, id).changes > 0;
  }
  return ctx.prepare('UPDATE threads SET name = ? WHERE id = ?').run(value, id).changes > 0;
}

function writeSideName(ctx: DbContext, id: string, name: string | null): void {
  if (name === null) {
    ctx.prepare(`DELETE FROM ${NAMES_SIDE_TABLE} WHERE thread_id = ?`).run(id);
    return;
  }
  const sql =
    `INSERT INTO ${NAMES_SIDE_TABLE} (thread_id, name) VALUES (?, ?) ` +
    'ON CONFLICT(thread_id) DO UPDATE SET name = excluded.name';
  ctx.prepare(sql).run(id, name);
}

/** Marks the thread archived at `at` (unix ms); `rolloutPath` when the file moved. */
export function archiveThread(
  ctx: DbContext,
  id: string,
  at: number,
  rolloutPath?: string,
): boolean {
  const move = rolloutPath === undefined ? '' : ', rollout_path = ?';
  const params: SQLInputValue[] = [toSeconds(at)];
  if (rolloutPath !== undefined) params.push(rolloutPath);
  params.push(id);
  const sql = `UPDATE threads SET archived = 1, archived_at = ?${move} WHERE id = ?`;
  return ctx.prepare(sql).run(...params).changes > 0;
}

export function unarchiveThread(ctx: DbContext, id: string, rolloutPath?: string): boolean {
  const move = rolloutPath === undefined ? '' : ', rollout_path = ?';
  const params: SQLInputValue[] = rolloutPath === undefined ? [id] : [rolloutPath, id];
  const sql = `UPDATE threads SET archived = 0, archived_at = NULL${move} WHERE id = ?`;
  return ctx.prepare(sql).run(...params).changes > 0;
}

export function deleteThread(ctx: DbContext, id: string): boolean {
  return ctx.transaction(() => {
    if (ctx.schema.namesInSideTable) {
      ctx.prepare(`DELETE FROM ${NAMES_SIDE_TABLE} WHERE thread_id = ?`).run(id);
    }
    return ctx.prepare('DELETE FROM threads WHERE id = ?').run(id).changes > 0;
  });
}
