/** Another process kept `history.jsonl` locked past our wait. Worth retrying. */
export class HistoryLockTimeoutError extends Error {
  readonly code = 'history_lock_timeout';
  readonly retryable = true;
  readonly path: string;
  constructor(path: string, waitedMs: number) {
    super(`could not lock ${path} within ${waitedMs} ms`);
    this.name = 'HistoryLockTimeoutError';
    this.path = path;
  }
}

/** The history file could not be written (permissions, disk full, ...). */
export class HistoryWriteError extends Error {
  readonly code = 'history_write_failed';
  readonly retryable = false;
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`cannot write ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'HistoryWriteError';
    this.path = path;
  }
}
