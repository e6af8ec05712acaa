import { resolve } from 'node:path';
import type { ThreadListQuery, ThreadSortKey } from '@codex-ts/core';
import {
  ThreadListParamsSchema,
  type Thread,
  type ThreadListParams,
  type ThreadListResponse,
} from '@codex-ts/protocol';
import { InvalidParamsError, InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import type { ProcessorServices } from '../request-handler.js';
import { defineHandler } from '../request-handler.js';
import { parseThreadId } from './thread-id.js';

/** Page size without `limit`, and the largest one, as the Rust app server. */
export const THREAD_LIST_DEFAULT_LIMIT = 25;
export const THREAD_LIST_MAX_LIMIT = 100;
const MAX_EXCLUDED_IDS = 100;
/** What an absent or empty `sourceKinds` means: the interactive sources. */
const INTERACTIVE_SOURCE_KINDS = ['cli', 'vscode'];

/**
 * `thread/list`: stored threads, newest first by creation unless asked otherwise, in pages of
 * `limit` (default 25, at most 100) with an opaque `nextCursor`. Without `modelProviders` only
 * the current provider's threads are listed; without `sourceKinds` only interactive ones (cli,
 * vscode); without `archived` only live ones; `cwd` keeps threads started in those
 * directories. `excludedThreadIds` are skipped before the page is filled.
 */
export const threadListHandler = defineHandler({
  method: 'thread/list',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/list', ThreadListParamsSchema, params),
  async handle(ctx, params: ThreadListParams) {
    const query = await listQuery(ctx.services, params);
    const excluded = excludedIds(params.excludedThreadIds);
    ctx.respond(await fillPage(ctx.services, query, excluded));
  },
});

/** Maps request params to core's query (limit clamped, defaults filled in). */
export async function listQuery(
  services: ProcessorServices,
  params: ThreadListParams,
): Promise<ThreadListQuery> {
  if ((params.originators ?? []).length > 0) {
    throw new InvalidRequestError('thread/list originators filter is not supported by this server');
  }
  return {
    codexHome: services.codexHome,
    limit: Math.min(Math.max(params.limit ?? THREAD_LIST_DEFAULT_LIMIT, 1), THREAD_LIST_MAX_LIMIT),
    cursor: params.cursor ?? null,
    sortKey: sortKey(params.sortKey),
    sortDirection: params.sortDirection ?? 'desc',
    cwds: cwdFilters(params.cwd),
    searchTerm: params.searchTerm ?? null,
    archived: params.archived ?? false,
    modelProviders: await modelProviders(services, params.modelProviders),
    sourceKinds:
      params.sourceKinds && params.sourceKinds.length > 0
        ? [...params.sourceKinds]
        : [...INTERACTIVE_SOURCE_KINDS],
  };
}

function sortKey(key: ThreadListParams['sortKey']): ThreadSortKey {
  switch (key ?? 'created_at') {
    case 'created_at':
      return 'created_at';
    case 'updated_at':
    case 'recency_at':
      return 'updated_at';
    default:
      throw new InvalidRequestError(`thread/list sortKey ${String(key)} is not supported`);
  }
}

function cwdFilters(cwd: ThreadListParams['cwd']): string[] | null {
  if (cwd == null) return null;
  const list = typeof cwd === 'string' ? [cwd] : cwd;
  return list.map((dir) => {
    if (dir === '') {
      throw new InvalidParamsError('invalid thread/list cwd filter ``: empty path');
    }
    return resolve(dir);
  });
}

/** Absent: the configured provider only (as Rust); empty: every provider. */
async function modelProviders(
  services: ProcessorServices,
  requested: string[] | null | undefined,
): Promise<string[] | null> {
  if (requested != null) return requested.length > 0 ? [...requested] : null;
  const config = await services.loadConfig({ codexHome: services.codexHome, env: services.env });
  return [config.modelProviderId];
}

function excludedIds(ids: string[] | null | undefined): Set<string> {
  const list = ids ?? [];
  if (list.length > MAX_EXCLUDED_IDS) {
    throw new InvalidRequestError(
      `excludedThreadIds accepts at most ${String(MAX_EXCLUDED_IDS)} ids, got ${String(list.length)}`,
    );
  }
  return new Set(list.map((id) => parseThreadId(id, 'thread id')));
}

/**
 * Asks core for pages until `limit` threads not excluded are collected or the list ends. A
 * cursor that comes back unchanged ends the loop (it would never advance).
 */
async function fillPage(
  services: ProcessorServices,
  query: ThreadListQuery,
  excluded: ReadonlySet<string>,
): Promise<ThreadListResponse> {
  const limit = query.limit ?? THREAD_LIST_DEFAULT_LIMIT;
  const data: Thread[] = [];
  let cursor = query.cursor ?? null;
  let nextCursor: string | null = null;
  for (;;) {
    const page = await services.threadManager.listThreads({
      ...query,
      cursor,
      limit: limit - data.length,
    });
    data.push(...page.threads.filter((thread) => !excluded.has(thread.id)));
    nextCursor = page.nextCursor;
    if (data.length >= limit || nextCursor === null) break;
    if (nextCursor === cursor) {
      nextCursor = null;
      break;
    }
    cursor = nextCursor;
  }
  return { data: data.slice(0, limit), nextCursor };
}
