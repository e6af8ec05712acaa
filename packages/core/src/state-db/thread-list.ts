import type { SQLInputValue } from 'node:sqlite';
import { rowFromSql } from './db-context.js';
import type { DbContext } from './db-context.js';
import { decodeThreadCursor, encodeThreadCursor } from './thread-cursor.js';
import type { ListThreadsOptions, ThreadListResult, ThreadRow } from './thread-row.js';
import { selectColumns } from './thread-schema.js';

const DEFAULT_LIMIT = 25;

/** `/a/b/` and `/a/b` are the same directory; `/` stays `/`. */
export function normalizeCwd(cwd: string): string {
  const trimmed = cwd.replace(/\/+$/, '');
  return trimmed === '' ? (cwd.startsWith('/') ? '/' : cwd) : trimmed;
}

/** `%term%` for LIKE with the wildcards of the term taken literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function inList(column: string, values: readonly string[], params: SQLInputValue[]): string {
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/**
 * One page of threads in keyset order: (sort value, id), both descending by default. The cursor
 * names the last row handed out, so rows inserted or touched meanwhile never shift a later page.
 */
export function listThreads(ctx: DbContext, opts: ListThreadsOptions = {}): ThreadListResult {
  const s = ctx.schema;
  const limit = Math.max(1, Math.floor(opts.limit ?? DEFAULT_LIMIT));
  const sortExpr = opts.sortKey === 'created_at' ? s.createdMsExpr : s.updatedMsExpr;
  const asc = opts.sortDirection === 'asc';
  const where: string[] = [];
  const params: SQLInputValue[] = [];

  if (s.columns.has('archived')) {
    where.push('threads.archived = ?');
    params.push(opts.archived === true ? 1 : 0);
  }
  if (opts.includeEmpty !== true) where.push(`threads.${s.previewColumn} <> ''`);

  const cwds = opts.cwd === undefined || opts.cwd === null ? undefined : [opts.cwd].flat();
  if (cwds !== undefined) {
    if (cwds.length === 0) where.push('0 = 1');
    else where.push(inList('threads.cwd', cwds.map(normalizeCwd), params));
  }
  if (opts.modelProviders && opts.modelProviders.length > 0) {
    where.push(inList('threads.model_provider', opts.modelProviders, params));
  }
  if (opts.sourceKinds && opts.sourceKinds.length > 0) {
    where.push(inList('threads.source', opts.sourceKinds, params));
  }
  const term = opts.searchTerm ?? '';
  if (term !== '') {
    const pattern = likePattern(term);
    const fields = [`threads.${s.previewColumn}`, s.nameExpr];
    if (s.columns.has('title')) fields.unshift('threads.title');
    where.push(`(${fields.map((f) => `${f} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...fields.map(() => pattern));
  }
  if (opts.cursor !== undefined && opts.cursor !== null && opts.cursor !== '') {
    const anchor = decodeThreadCursor(opts.cursor);
    const op = asc ? '>' : '<';
    where.push(`(${sortExpr} ${op} ? OR (${sortExpr} = ? AND threads.id ${op} ?))`);
    params.push(anchor.value, anchor.value, anchor.id);
  }

  const dir = asc ? 'ASC' : 'DESC';
  const sql =
    `SELECT ${selectColumns(s)} FROM threads` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${sortExpr} ${dir}, threads.id ${dir} LIMIT ?`;
  params.push(limit + 1);

  const rows = ctx
    .prepare(sql)
    .all(...params)
    .map(rowFromSql);
  let nextCursor: string | null = null;
  if (rows.length > limit) {
    rows.length = limit;
    const last = rows[rows.length - 1] as ThreadRow;
    const value = opts.sortKey === 'created_at' ? last.createdAt : last.updatedAt;
    nextCursor = encodeThreadCursor({ value, id: last.id });
  }
  return { rows, nextCursor };
}

export function getThread(ctx: DbContext, id: string): ThreadRow | null {
  const sql = `SELECT ${selectColumns(ctx.schema)} FROM threads WHERE threads.id = ?`;
  const row = ctx.prepare(sql).get(id);
  return row === undefined ? null : rowFromSql(row);
}

/** The most recently updated thread with exactly this name; archived ones only when asked. */
export function findThreadByName(
  ctx: DbContext,
  name: string,
  includeArchived = false,
): ThreadRow | null {
  const s = ctx.schema;
  const live = includeArchived || !s.columns.has('archived') ? '' : ' AND threads.archived = 0';
  const order = s.columns.has('archived') ? 'threads.archived ASC, ' : '';
  const sql =
    `SELECT ${selectColumns(s)} FROM threads WHERE ${s.nameExpr} = ?${live} ` +
    `ORDER BY ${order}${s.updatedMsExpr} DESC, threads.id DESC LIMIT 1`;
  const row = ctx.prepare(sql).get(name);
  return row === undefined ? null : rowFromSql(row);
}
