import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { SessionSource, Thread } from '@codex-ts/protocol';
import { ThreadNotFoundError } from '../errors.js';
import { reconstructHistory } from '../rollout/reconstruct-history.js';
import { rolloutSessionSource, sessionSourceFromRollout } from '../rollout/rollout-conversions.js';
import { findRolloutPath, listRolloutFiles } from '../rollout/rollout-list.js';
import { ARCHIVED_SESSIONS_SUBDIR, rolloutPathFor } from '../rollout/rollout-paths.js';
import { readRollout } from '../rollout/rollout-reader.js';
import { StateDb } from '../state-db/state-db.js';
import type { ThreadRow, ThreadSummary, ThreadUpsert } from '../state-db/thread-row.js';
import type { ThreadListPage, ThreadListQuery } from './thread-api.js';
import type { ThreadActivitySink } from './thread-persistence.js';

/** The stored threads of every CODEX_HOME this process touched: state DB plus rollout files. */
export class StoredThreads implements ThreadActivitySink {
  private readonly dbs = new Map<string, Promise<StateDb>>();
  private readonly homes = new Map<string, string>();
  /** Rows of threads that have not had a turn yet (listed once they have a first message). */
  private readonly pending = new Map<string, ThreadUpsert>();
  private readonly backfilled = new Set<string>();

  /** The state DB of `codexHome`, opened once; rollouts without a row are backfilled. */
  db(codexHome: string): Promise<StateDb> {
    let db = this.dbs.get(codexHome);
    if (db === undefined) {
      db = StateDb.open(codexHome);
      this.dbs.set(codexHome, db);
    }
    return db;
  }

  /**
   * Notes a live thread's row. A thread that already has turns (resumed) is written at once;
   * a new one when its first turn starts, as only threads with a first message are listed.
   */
  async remember(codexHome: string, row: ThreadUpsert): Promise<void> {
    this.homes.set(row.id, codexHome);
    if (row.preview) (await this.db(codexHome)).upsertThread(row);
    else this.pending.set(row.id, row);
  }

  threadTouched(threadId: string, update: { updatedAt: number; preview: string }): void {
    const home = this.homes.get(threadId);
    if (home === undefined) return;
    const pending = this.pending.get(threadId);
    this.pending.delete(threadId);
    const updatedAt = update.updatedAt * 1000;
    void this.db(home)
      .then((db) => {
        if (pending !== undefined) {
          db.upsertThread({
            ...pending,
            updatedAt,
            ...(update.preview ? { preview: update.preview, title: update.preview } : {}),
          });
        } else {
          db.touchThread(threadId, updatedAt, update.preview || undefined);
        }
      })
      .catch(() => undefined);
  }

  /** The rollout of a thread named by id or by `thread/name/set` name. */
  async locate(codexHome: string, idOrName: string): Promise<{ id: string; path: string }> {
    const db = await this.db(codexHome);
    const row = db.getThread(idOrName) ?? db.findThreadByName(idOrName);
    if (row !== null && (await exists(row.rolloutPath))) {
      return { id: row.id, path: row.rolloutPath };
    }
    const path = await findRolloutPath(codexHome, idOrName);
    if (path === null) throw new ThreadNotFoundError(idOrName);
    return { id: idOrName.toLowerCase(), path };
  }

  async list(query: ThreadListQuery): Promise<ThreadListPage> {
    const db = await this.db(query.codexHome);
    await this.backfill(query.codexHome, db);
    const result = db.listThreads({
      ...(query.limit != null ? { limit: query.limit } : {}),
      ...(query.cursor != null ? { cursor: query.cursor } : {}),
      ...(query.sortKey != null ? { sortKey: query.sortKey } : {}),
      ...(query.sortDirection != null ? { sortDirection: query.sortDirection } : {}),
      ...(query.cwds != null ? { cwd: query.cwds } : {}),
      ...(query.searchTerm != null ? { searchTerm: query.searchTerm } : {}),
      archived: query.archived === true,
      ...(query.modelProviders != null ? { modelProviders: query.modelProviders } : {}),
      ...(query.sourceKinds != null
        ? { sourceKinds: query.sourceKinds.map(storedSourceKind) }
        : {}),
    });
    return { threads: result.rows.map(threadFromRow), nextCursor: result.nextCursor };
  }

  async row(codexHome: string, id: string): Promise<ThreadRow | null> {
    return (await this.db(codexHome)).getThread(id);
  }

  /** Moves the rollout under `archived_sessions/` and marks the row archived. */
  async archive(codexHome: string, idOrName: string): Promise<string> {
    const { id, path } = await this.locate(codexHome, idOrName);
    const dir = join(codexHome, ARCHIVED_SESSIONS_SUBDIR);
    await mkdir(dir, { recursive: true });
    const target = join(dir, basename(path));
    if (path !== target) await rename(path, target);
    const db = await this.db(codexHome);
    if (db.getThread(id) === null) await this.backfillOne(db, target);
    db.archiveThread(id, Date.now(), target);
    return id;
  }

  async unarchive(codexHome: string, idOrName: string): Promise<ThreadRow> {
    const { id, path } = await this.locate(codexHome, idOrName);
    const db = await this.db(codexHome);
    const row = db.getThread(id);
    const created = row ? new Date(row.createdAt) : (await stat(path)).mtime;
    const target = rolloutPathFor(codexHome, id, created);
    if (path !== target) {
      await mkdir(join(target, '..'), { recursive: true });
      await rename(path, target);
    }
    if (row === null) await this.backfillOne(db, target);
    db.unarchiveThread(id, target);
    const updated = db.getThread(id);
    if (updated === null) throw new ThreadNotFoundError(id);
    return updated;
  }

  async remove(codexHome: string, idOrName: string): Promise<string> {
    const { id, path } = await this.locate(codexHome, idOrName);
    await rm(path, { force: true });
    (await this.db(codexHome)).deleteThread(id);
    return id;
  }

  async setName(codexHome: string, idOrName: string, name: string): Promise<string> {
    const { id, path } = await this.locate(codexHome, idOrName);
    const db = await this.db(codexHome);
    if (db.getThread(id) === null) await this.backfillOne(db, path);
    db.setThreadName(id, name);
    return id;
  }

  async close(): Promise<void> {
    const dbs = [...this.dbs.values()];
    this.dbs.clear();
    for (const db of dbs) (await db.catch(() => null))?.close();
  }

  /**
   * Rows for rollouts that have none (a process killed before writing its row, files copied
   * from elsewhere): scanned once per process and CODEX_HOME; files with a row are not read.
   */
  private async backfill(codexHome: string, db: StateDb): Promise<void> {
    const force = !this.backfilled.has(codexHome);
    this.backfilled.add(codexHome);
    await db.backfill({
      listFiles: () => rolloutPaths(codexHome),
      readSummary: summaryOfRollout,
      force,
    });
  }

  private async backfillOne(db: StateDb, path: string): Promise<void> {
    const summary = await summaryOfRollout(path);
    if (summary !== null) db.insertThreadIfAbsent({ ...summary, rolloutPath: path });
  }
}

async function* rolloutPaths(codexHome: string): AsyncIterable<string> {
  for await (const entry of listRolloutFiles(codexHome)) yield entry.path;
  for await (const entry of listRolloutFiles(codexHome, { archived: true })) yield entry.path;
}

/** A thread's list row, read from its rollout (for the backfill of files without a row). */
export async function summaryOfRollout(path: string): Promise<ThreadSummary | null> {
  let contents;
  try {
    contents = await readRollout(path);
  } catch {
    return null;
  }
  const meta = contents.meta;
  const rebuilt = reconstructHistory(contents.items);
  const createdAt = Date.parse(meta.timestamp);
  const mtime = (await stat(path)).mtimeMs;
  return {
    id: meta.id,
    rolloutPath: path,
    cwd: meta.cwd,
    modelProvider: meta.model_provider ?? 'openai',
    source: typeof meta.source === 'string' ? meta.source : JSON.stringify(meta.source ?? 'cli'),
    cliVersion: meta.cli_version,
    createdAt: Number.isNaN(createdAt) ? mtime : createdAt,
    updatedAt: Math.floor(mtime),
    model: rebuilt.lastTurnContext?.model ?? null,
    ...(rebuilt.firstUserMessage !== null
      ? { preview: rebuilt.firstUserMessage, title: rebuilt.firstUserMessage }
      : {}),
  } as ThreadSummary;
}

/** A stored (not loaded) thread as `thread/list` shows it. */
export function threadFromRow(row: ThreadRow): Thread {
  return {
    id: row.id,
    sessionId: row.id,
    preview: row.preview ?? '',
    ephemeral: false,
    modelProvider: row.modelProvider,
    model: row.model ?? null,
    createdAt: Math.floor(row.createdAt / 1000),
    updatedAt: Math.floor(row.updatedAt / 1000),
    status: { type: 'notLoaded' },
    path: row.rolloutPath,
    cwd: row.cwd,
    cliVersion: row.cliVersion ?? '',
    source: sourceOf(row.source),
    name: row.name ?? null,
    projectId: null,
    turns: [],
  };
}

/** A v2 source kind (`appServer`, `cli`, ...) as session_meta stores it (`mcp`, `cli`, ...). */
function storedSourceKind(kind: string): string {
  const known: readonly string[] = ['cli', 'vscode', 'exec', 'appServer', 'unknown'];
  return known.includes(kind) ? String(rolloutSessionSource(kind as SessionSource)) : kind;
}

function sourceOf(source: string): SessionSource {
  return sessionSourceFromRollout(source as Parameters<typeof sessionSourceFromRollout>[0]);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
