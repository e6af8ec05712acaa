import { toSeconds } from './db-context.js';
import type { DbContext } from './db-context.js';
import type { BackfillResult, BackfillSources, ThreadUpsert } from './thread-row.js';
import { insertThreadIfAbsent } from './thread-writes.js';

/**
 * The one-time scan that gives rollout files without a row (written before the database existed,
 * by a crash, or by another tool) their row. Progress lives in `backfill_state`, the singleton
 * row the Rust Codex keeps: `pending` -> `running` (a lease, refreshed as batches land) ->
 * `complete`. A completed backfill is not repeated unless forced.
 */

const DEFAULT_LEASE_SECONDS = 15 * 60;
const BATCH = 200;

export type BackfillStatus = 'pending' | 'running' | 'complete';

export interface BackfillState {
  status: BackfillStatus;
  lastWatermark: string | null;
  /** Unix seconds, as stored. */
  lastSuccessAt: number | null;
}

function nowSeconds(): number {
  return toSeconds(Date.now());
}

function ensureStateRow(ctx: DbContext): void {
  const sql =
    `INSERT INTO ${ctx.schema.backfillTable} ` +
    '(id, status, last_watermark, last_success_at, updated_at) ' +
    "VALUES (1, 'pending', NULL, NULL, ?) ON CONFLICT(id) DO NOTHING";
  ctx.prepare(sql).run(nowSeconds());
}

export function readBackfillState(ctx: DbContext): BackfillState {
  ensureStateRow(ctx);
  const row = ctx
    .prepare(
      `SELECT status, last_watermark, last_success_at FROM ${ctx.schema.backfillTable} WHERE id = 1`,
    )
    .get();
  const status = String(row?.['status'] ?? 'pending');
  const watermark = row?.['last_watermark'];
  const success = row?.['last_success_at'];
  return {
    status: status === 'running' || status === 'complete' ? status : 'pending',
    lastWatermark: typeof watermark === 'string' ? watermark : null,
    lastSuccessAt: typeof success === 'number' ? success : null,
  };
}

/** Takes the backfill unless it is complete (and not forced) or another process holds a fresh lease. */
function claim(ctx: DbContext, force: boolean, leaseSeconds: number): boolean {
  ensureStateRow(ctx);
  const now = nowSeconds();
  const sql =
    `UPDATE ${ctx.schema.backfillTable} SET status = 'running', updated_at = ? WHERE id = 1 ` +
    "AND (? = 1 OR status <> 'complete') AND (status <> 'running' OR updated_at <= ?)";
  return ctx.prepare(sql).run(now, force ? 1 : 0, now - Math.max(0, leaseSeconds)).changes === 1;
}

function checkpoint(ctx: DbContext, watermark: string | null): void {
  const sql =
    `UPDATE ${ctx.schema.backfillTable} SET status = 'running', ` +
    'last_watermark = COALESCE(?, last_watermark), updated_at = ? WHERE id = 1';
  ctx.prepare(sql).run(watermark, nowSeconds());
}

function finish(ctx: DbContext, watermark: string | null): void {
  const now = nowSeconds();
  const sql =
    `UPDATE ${ctx.schema.backfillTable} SET status = 'complete', ` +
    'last_watermark = COALESCE(?, last_watermark), ' +
    'last_success_at = ?, updated_at = ? WHERE id = 1';
  ctx.prepare(sql).run(watermark, now, now);
}

function release(ctx: DbContext): void {
  const sql = `UPDATE ${ctx.schema.backfillTable} SET status = 'pending', updated_at = ? WHERE id = 1`;
  ctx.prepare(sql).run(nowSeconds());
}

function knownThreads(ctx: DbContext): { ids: Set<string>; paths: Set<string> } {
  const ids = new Set<string>();
  const paths = new Set<string>();
  for (const row of ctx.prepare('SELECT id, rollout_path FROM threads').iterate()) {
    ids.add(String(row['id']));
    paths.add(String(row['rollout_path']));
  }
  return { ids, paths };
}

export async function runBackfill(
  ctx: DbContext,
  sources: BackfillSources,
): Promise<BackfillResult> {
  const force = sources.force === true;
  const result: BackfillResult = { status: 'done', scanned: 0, inserted: 0, failed: 0 };
  if (!force && readBackfillState(ctx).status === 'complete') {
    return { ...result, status: 'already_complete' };
  }
  if (!claim(ctx, force, sources.leaseSeconds ?? DEFAULT_LEASE_SECONDS)) {
    const status = readBackfillState(ctx).status === 'complete' ? 'already_complete' : 'busy';
    return { ...result, status };
  }
  let batch: ThreadUpsert[] = [];
  let watermark: string | null = null;
  const flush = (): void => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    ctx.transaction(() => {
      for (const row of rows) if (insertThreadIfAbsent(ctx, row)) result.inserted++;
      checkpoint(ctx, watermark);
    });
  };
  try {
    const known = knownThreads(ctx);
    for await (const path of sources.listFiles()) {
      result.scanned++;
      if (known.paths.has(path)) continue;
      let summary;
      try {
        summary = await sources.readSummary(path);
      } catch {
        result.failed++;
        continue;
      }
      if (summary === null || known.ids.has(summary.id)) continue;
      known.ids.add(summary.id);
      batch.push({ ...summary, rolloutPath: summary.rolloutPath ?? path });
      watermark = path;
      if (batch.length >= BATCH) flush();
    }
    flush();
    finish(ctx, watermark);
    return result;
  } catch (err) {
    release(ctx);
    throw err;
  }
}
