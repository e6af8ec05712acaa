import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppServerClient } from '@codex-ts/app-server-client';
import type {
  Thread,
  ThreadListParams,
  ThreadListResponse,
  ThreadSourceKind,
} from '@codex-ts/protocol';

/** Every source kind: lookups for resume see threads from any front end. */
export const ALL_THREAD_SOURCE_KINDS: readonly ThreadSourceKind[] = [
  'cli',
  'vscode',
  'exec',
  'appServer',
  'subAgent',
  'subAgentReview',
  'subAgentCompact',
  'subAgentThreadSpawn',
  'subAgentOther',
  'unknown',
];

/** Which stored thread a `resume` / `fork` means. */
export interface ResumeLookup {
  /** A thread id (UUID) or a thread name. */
  sessionId: string | null;
  /** The most recently updated thread. */
  last: boolean;
  /** Look in every directory, not only `cwd`. */
  all: boolean;
  /** The directory the command runs in. */
  cwd: string;
  /** Look among archived threads instead of live ones (`codex unarchive NAME`). */
  archived?: boolean;
}

/** The part of the client a lookup needs. */
export type ThreadListClient = Pick<AppServerClient, 'request'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text) || /^[0-9a-f]{32}$/i.test(text);
}

/**
 * Resolves a resume target through `thread/list`, as the Rust exec does: `last` takes the most
 * recently updated thread of the current provider whose cwd is `cwd` (any cwd with `all`); a
 * UUID is taken as it is; anything else is a thread name, matched exactly (in `cwd` unless
 * `all`). Null when nothing matches.
 */
export async function resolveResumeThreadId(
  client: ThreadListClient,
  lookup: ResumeLookup,
): Promise<string | null> {
  if (lookup.last) {
    return findThread(
      client,
      { archived: lookup.archived ?? false },
      (thread) => lookup.all || sameDir(thread, lookup.cwd),
    );
  }
  const sessionId = lookup.sessionId;
  if (sessionId === null) return null;
  if (isUuid(sessionId)) return sessionId;
  return findThread(
    client,
    { searchTerm: sessionId, modelProviders: [], archived: lookup.archived ?? false },
    (thread) => thread.name === sessionId && (lookup.all || sameDir(thread, lookup.cwd)),
  );
}

/** Walks `thread/list` pages (most recently updated first) to the first matching thread. */
async function findThread(
  client: ThreadListClient,
  filter: Pick<ThreadListParams, 'searchTerm' | 'modelProviders' | 'archived'>,
  matches: (thread: Thread) => boolean | Promise<boolean>,
): Promise<string | null> {
  let cursor: string | null = null;
  for (;;) {
    const page: ThreadListResponse = await client.request('thread/list', {
      ...filter,
      cursor,
      limit: 100,
      sortKey: 'updated_at',
      sourceKinds: [...ALL_THREAD_SOURCE_KINDS],
    });
    for (const thread of page.data) {
      if (await matches(thread)) return thread.id;
    }
    if (page.nextCursor === null || page.nextCursor === cursor) return null;
    cursor = page.nextCursor;
  }
}

async function sameDir(thread: Thread, cwd: string): Promise<boolean> {
  const threadCwd = (await latestTurnCwd(thread.path)) ?? thread.cwd;
  return canonical(threadCwd) === canonical(cwd);
}

/** The cwd of the last `turn_context` line of a rollout (a turn may move the thread). */
async function latestTurnCwd(path: string | null): Promise<string | null> {
  if (path === null) return null;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i]?.trim();
    if (!line) continue;
    try {
      const parsed = JSON.parse(line) as { type?: unknown; payload?: { cwd?: unknown } };
      if (parsed.type === 'turn_context' && typeof parsed.payload?.cwd === 'string') {
        return parsed.payload.cwd;
      }
    } catch {
      // A torn last line (a crash mid-write): keep looking.
    }
  }
  return null;
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
