/**
 * The `threads` row as the rest of core sees it. Times are unix milliseconds here; on disk the
 * table keeps the Rust Codex's pair of columns (`created_at` seconds and `created_at_ms`, likewise
 * for `updated_at`), and `archived_at` in seconds.
 */
export interface ThreadRow {
  id: string;
  rolloutPath: string;
  cwd: string;
  /** What a thread list shows; starts as the first user message. */
  title: string;
  /** The first user message (`first_user_message`); empty until the user has said something. */
  preview: string;
  /** The name given with `thread/name/set`, or null. */
  name: string | null;
  model: string | null;
  modelProvider: string;
  /** Session source as the rollout's `session_meta.source` spells it (`cli`, `exec`, `vscode`, ...). */
  source: string;
  cliVersion: string;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | null;
  sandboxPolicy: string;
  approvalMode: string;
  tokensUsed: number;
  gitSha: string | null;
  gitBranch: string | null;
  gitOriginUrl: string | null;
}

/**
 * What `upsertThread` takes. The first block is required (a new row needs it); every other field,
 * when left undefined, keeps the stored value of an existing row and takes a default for a new one.
 */
export interface ThreadUpsert {
  id: string;
  rolloutPath: string;
  cwd: string;
  modelProvider: string;
  source: string;
  createdAt: number;
  updatedAt: number;
  title?: string;
  preview?: string;
  name?: string | null;
  model?: string | null;
  cliVersion?: string;
  archived?: boolean;
  archivedAt?: number | null;
  sandboxPolicy?: string;
  approvalMode?: string;
  tokensUsed?: number;
  gitSha?: string | null;
  gitBranch?: string | null;
  gitOriginUrl?: string | null;
}

/** What a backfill's `readSummary` reports for one rollout file (`null`: not a usable rollout). */
export type ThreadSummary = Omit<ThreadUpsert, 'rolloutPath' | 'name'> & {
  /** Defaults to the path `listFiles` yielded. */
  rolloutPath?: string;
};

export type ThreadListSortKey = 'created_at' | 'updated_at';
export type ThreadListSortDirection = 'asc' | 'desc';

export interface ListThreadsOptions {
  /** Page size (default 25, at least 1). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
  sortKey?: ThreadListSortKey;
  /** Default `desc`: newest first. */
  sortDirection?: ThreadListSortDirection;
  /** Only threads whose cwd is this directory (or one of these). A trailing `/` is ignored. */
  cwd?: string | readonly string[] | null;
  /** Case-insensitive substring of the title, the first user message or the name. */
  searchTerm?: string | null;
  /** true: only archived threads; false or absent: only live ones. */
  archived?: boolean;
  modelProviders?: readonly string[] | null;
  /** Stored `source` values to keep (empty or absent: all). */
  sourceKinds?: readonly string[] | null;
  /**
   * Also list threads in which the user never said anything. Off by default, as in the Rust
   * Codex, whose list only shows threads with a first user message.
   */
  includeEmpty?: boolean;
}

export interface ThreadListResult {
  rows: ThreadRow[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface BackfillSources {
  /** Every rollout file there is (live and archived). */
  listFiles(): AsyncIterable<string>;
  /** The row to insert for one file, or null to skip it. May throw: the file then counts as failed. */
  readSummary(path: string): Promise<ThreadSummary | null>;
  /** Run even when an earlier backfill completed. */
  force?: boolean;
  /** How long another process's claim on the backfill stands before we take it over (default 15 min). */
  leaseSeconds?: number;
}

export interface BackfillResult {
  /** `done`: this call scanned; `already_complete`: an earlier backfill did; `busy`: another process is at it. */
  status: 'done' | 'already_complete' | 'busy';
  scanned: number;
  inserted: number;
  failed: number;
}
