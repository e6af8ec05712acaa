/** A `command/exec` command that could not be started (missing program, bad cwd, ...). */
export class CommandExecSpawnError extends Error {
  readonly code = 'command_exec_spawn_failed';
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CommandExecSpawnError';
  }
}

/** Why stdin of a command cannot take input. */
export type CommandExecStdinProblem = 'not_streamed' | 'closed';

/** Input for a command whose stdin is not streamed (or no longer open). */
export class CommandExecStdinError extends Error {
  readonly code = 'command_exec_stdin_unavailable';
  readonly retryable = false;
  constructor(
    readonly problem: CommandExecStdinProblem,
    options?: { cause?: unknown },
  ) {
    super(
      problem === 'not_streamed'
        ? 'stdin streaming is not enabled for this command/exec'
        : 'stdin is already closed',
      options,
    );
    this.name = 'CommandExecStdinError';
  }
}

/** A resize for a command that does not run on a pseudo-terminal. */
export class CommandExecNoTerminalError extends Error {
  readonly code = 'command_exec_no_terminal';
  readonly retryable = false;
  constructor() {
    super('process is not attached to a PTY');
    this.name = 'CommandExecNoTerminalError';
  }
}
