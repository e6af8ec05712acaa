import { resolve } from 'node:path';
import { listCandidates, refreshCandidates } from './file-candidates.js';
import { FileIndex } from './file-index.js';
import { warmUpSearch } from './run-file-search.js';

export interface FileIndexCacheOptions {
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
  /** A search that finds its index checked longer ago than this starts a check in the background. */
  refreshAfterMs?: number;
  /** A search that finds its index checked longer ago than this waits for a check first. */
  maxStaleMs?: number;
  /** Indexes kept at most (least recently used dropped first). */
  maxRoots?: number;
  /** An index not used for this long is dropped (when the cache is next used). */
  evictAfterMs?: number;
}

export const DEFAULT_REFRESH_AFTER_MS = 2_000;
export const DEFAULT_MAX_STALE_MS = 30_000;
export const DEFAULT_MAX_ROOTS = 4;
const DEFAULT_EVICT_AFTER_MS = 10 * 60_000;

/** Whether this process has run `warmUpSearch` (after its first index). */
let warmedUp = false;

interface Entry {
  index: FileIndex | null;
  /** The listing or check in flight, shared by every search that waits for it. */
  pending: Promise<FileIndex> | null;
  /** When the listing or check that last confirmed `index` began. */
  checkedAt: number;
  usedAt: number;
}

/**
 * One `FileIndex` per root (by resolved path), listed on first use and reused by later
 * searches. Staleness: an index is trusted for `refreshAfterMs` after it was last confirmed;
 * a search after that answers from it at once and starts a check in the background
 * (`refreshCandidates`: `git ls-files` compared with its last output, or the walked
 * directories' and ignore files' modification times compared with theirs; a change lists the
 * root again), whose result the next search uses. Keystrokes a few hundred ms apart thus see a
 * change within about one check. An index last confirmed more than `maxStaleMs` ago (an idle
 * popup, a one-off request) is checked before the search instead, so no answer comes from a
 * listing that old. One listing or check runs per root at a time; searches meanwhile share it.
 * At most `maxRoots` indexes are kept (~15 MB each for 100,000 paths), none unused for
 * `evictAfterMs`.
 */
export class FileIndexCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly refreshAfterMs: number;
  private readonly maxStaleMs: number;
  private readonly maxRoots: number;
  private readonly evictAfterMs: number;

  constructor(options: FileIndexCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.refreshAfterMs = options.refreshAfterMs ?? DEFAULT_REFRESH_AFTER_MS;
    this.maxStaleMs = options.maxStaleMs ?? DEFAULT_MAX_STALE_MS;
    this.maxRoots = options.maxRoots ?? DEFAULT_MAX_ROOTS;
    this.evictAfterMs = options.evictAfterMs ?? DEFAULT_EVICT_AFTER_MS;
  }

  /** The index of `root`, listed or checked first when needed (see the class comment). */
  async get(root: string): Promise<FileIndex> {
    const key = resolve(root);
    const now = this.now();
    let entry = this.entries.get(key);
    this.entries.delete(key);
    for (const [other, { usedAt }] of this.entries) {
      if (now - usedAt >= this.evictAfterMs) this.entries.delete(other);
    }
    entry ??= { index: null, pending: null, checkedAt: 0, usedAt: now };
    entry.usedAt = now;
    this.entries.set(key, entry);
    for (const other of this.entries.keys()) {
      if (this.entries.size <= this.maxRoots) break;
      this.entries.delete(other);
    }
    if (entry.index === null) return this.update(key, entry);
    const age = now - entry.checkedAt;
    if (age >= this.maxStaleMs) return this.update(key, entry);
    if (age >= this.refreshAfterMs) this.update(key, entry).catch(() => undefined);
    return entry.index;
  }

  /** The roots with an index or a listing in flight, least recently used first. */
  roots(): string[] {
    return [...this.entries.keys()];
  }

  private update(key: string, entry: Entry): Promise<FileIndex> {
    entry.pending ??= this.load(key, entry).finally(() => {
      entry.pending = null;
    });
    return entry.pending;
  }

  private async load(key: string, entry: Entry): Promise<FileIndex> {
    const startedAt = this.now();
    const previous = entry.index;
    let index: FileIndex;
    if (previous === null) {
      index = new FileIndex(await listCandidates(key));
      if (!warmedUp) {
        warmedUp = true;
        await warmUpSearch(index);
      }
    } else {
      const fresh = await refreshCandidates(key, previous.source);
      index = fresh === null ? previous : new FileIndex(fresh);
    }
    entry.index = index;
    entry.checkedAt = startedAt;
    return index;
  }
}
