/**
 * Errors of unified exec sessions. Their messages are the Rust Codex's, since the model sees
 * them (after `write_stdin failed: `) and is trained on them.
 */

/** No running session has this id (never existed, already exited and reported, or pruned). */
export class UnknownSessionError extends Error {
  readonly code = 'unknown_exec_session';
  constructor(readonly sessionId: number) {
    // The model knows these as sessions; the Rust Codex calls them processes internally.
    super(`Unknown process id ${sessionId}`);
    this.name = 'UnknownSessionError';
  }
}

/** Input for a session started without a terminal: its stdin is /dev/null. */
export class StdinClosedError extends Error {
  readonly code = 'exec_session_stdin_closed';
  constructor() {
    super('stdin is closed for this session; rerun exec_command with tty=true to keep stdin open');
    this.name = 'StdinClosedError';
  }
}

/** Writing to the session's terminal failed (the program is gone). */
export class SessionWriteError extends Error {
  readonly code = 'exec_session_write_failed';
  constructor(options?: { cause?: unknown }) {
    super('failed to write to stdin', options);
    this.name = 'SessionWriteError';
  }
}
