import type { ThreadListPage, ThreadListQuery } from '@codex-ts/core';
import type { Thread, Turn } from '@codex-ts/protocol';
import { sampleThread } from '@codex-ts/test-support';

/** The error core throws for an unknown thread (matched by its stable code). */
export function threadNotFound(threadId: string): Error {
  return Object.assign(new Error(`no rollout found for thread id ${threadId}`), {
    code: 'thread_not_found',
  });
}

export interface StoredEntry {
  thread: Thread;
  archived: boolean;
}

let seedCounter = 0;

/** A stored thread for tests: defaults for everything not given. */
export function storedThread(fields: Partial<Thread> = {}): Thread {
  seedCounter += 1;
  const id = fields.id ?? `019b0000-0000-7000-8000-${String(seedCounter).padStart(12, '0')}`;
  return sampleThread(id, {
    preview: 'an earlier task',
    model: 'gpt-5.1-codex',
    createdAt: 1_700_000_000 + seedCounter,
    updatedAt: 1_700_000_000 + seedCounter,
    path: `/codex-home/sessions/rollout-${id}.jsonl`,
    cwd: '/work/project',
    cliVersion: '0.0.0-test',
    ...fields,
  });
}

export function completedTurn(id: string, text: string): Turn {
  return {
    id,
    items: [
      {
        type: 'userMessage',
        id: `${id}-user`,
        content: [{ type: 'text', text, text_elements: [] }],
      },
    ],
    status: 'completed',
    error: null,
    startedAt: 1_700_000_000,
    completedAt: 1_700_000_001,
    durationMs: 1000,
  };
}

/**
 * An in-memory stand-in for rollouts + the state DB: what `thread/list`, `thread/read`,
 * archive and names work on. Cursors are offsets into the sorted, filtered list.
 */
export class FakeThreadStore {
  readonly entries = new Map<string, StoredEntry>();
  readonly queries: ThreadListQuery[] = [];

  add(thread: Thread, archived = false): Thread {
    this.entries.set(thread.id, { thread, archived });
    return thread;
  }

  /** By id, else by name (live threads only), as core resolves resume targets. */
  resolve(idOrName: string): StoredEntry | undefined {
    const byId = this.entries.get(idOrName);
    if (byId) return byId;
    return [...this.entries.values()].find((e) => !e.archived && e.thread.name === idOrName);
  }

  require(threadId: string): StoredEntry {
    const entry = this.entries.get(threadId);
    if (!entry) throw threadNotFound(threadId);
    return entry;
  }

  list(query: ThreadListQuery): ThreadListPage {
    this.queries.push(query);
    const key = query.sortKey === 'updated_at' ? 'updatedAt' : 'createdAt';
    const direction = query.sortDirection === 'asc' ? 1 : -1;
    const matches = [...this.entries.values()]
      .filter((e) => e.archived === (query.archived ?? false))
      .map((e) => e.thread)
      .filter((t) => !query.cwds || query.cwds.includes(t.cwd))
      .filter((t) => !query.modelProviders || query.modelProviders.includes(t.modelProvider))
      .filter((t) => !query.sourceKinds || query.sourceKinds.includes(t.source))
      .filter((t) => !query.searchTerm || `${t.name ?? ''} ${t.preview}`.includes(query.searchTerm))
      .sort((a, b) => (a[key] - b[key]) * direction);
    const start = query.cursor ? Number(query.cursor.replace('offset:', '')) : 0;
    const end = start + (query.limit ?? 25);
    return {
      threads: matches.slice(start, end),
      nextCursor: end < matches.length ? `offset:${String(end)}` : null,
    };
  }
}
