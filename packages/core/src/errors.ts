/** A turn was started while another one is still running on the same thread. */
export class ThreadBusyError extends Error {
  readonly code = 'thread_busy';
  constructor(threadId: string, activeTurnId: string) {
    super(`thread ${threadId} already has a running turn (${activeTurnId})`);
    this.name = 'ThreadBusyError';
  }
}

/** `turn/interrupt` named a turn that is not the running one. */
export class TurnNotRunningError extends Error {
  readonly code = 'turn_not_running';
  constructor(turnId: string) {
    super(`turn ${turnId} is not running`);
    this.name = 'TurnNotRunningError';
  }
}

/** No stored or live thread has this id (or name). */
export class ThreadNotFoundError extends Error {
  readonly code = 'thread_not_found';
  constructor(readonly threadId: string) {
    super(`no rollout found for thread id ${threadId}`);
    this.name = 'ThreadNotFoundError';
  }
}

/** `thread/resume` of a thread whose rollout is under `archived_sessions/`. */
export class ThreadArchivedError extends Error {
  readonly code = 'thread_archived';
  constructor(readonly threadId: string) {
    super(
      `session ${threadId} is archived. Run \`codex unarchive ${threadId}\` to unarchive it first.`,
    );
    this.name = 'ThreadArchivedError';
  }
}
