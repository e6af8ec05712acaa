/** The rollout file has no `session_meta` line (empty, or not a rollout at all). */
export class RolloutMissingMetaError extends Error {
  readonly code = 'rollout_missing_session_meta';
  constructor(readonly path: string) {
    super(`rollout file ${path} has no session_meta line`);
    this.name = 'RolloutMissingMetaError';
  }
}

/** The rollout file could not be read (missing, unreadable, a directory, ...). */
export class RolloutReadError extends Error {
  readonly code = 'rollout_read_failed';
  constructor(
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot read rollout file ${path}: ${describeCause(options?.cause)}`, options);
    this.name = 'RolloutReadError';
  }
}

/**
 * Appending to the rollout file failed. The lines that were not written stay queued: the next
 * `flush()` tries again, so a transient failure (disk briefly full) loses nothing.
 */
export class RolloutWriteError extends Error {
  readonly code = 'rollout_write_failed';
  constructor(
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot append to rollout file ${path}: ${describeCause(options?.cause)}`, options);
    this.name = 'RolloutWriteError';
  }
}

/** `record()` was called after `close()`. */
export class RolloutClosedError extends Error {
  readonly code = 'rollout_recorder_closed';
  constructor(readonly path: string) {
    super(`rollout recorder for ${path} is closed`);
    this.name = 'RolloutClosedError';
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return cause === undefined ? 'unknown error' : String(cause);
}
