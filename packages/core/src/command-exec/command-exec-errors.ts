/** A `command/exec` command that could not be started (missing program, bad cwd, ...). */
export class CommandExecSpawnError extends Error {
  readonly code = 'command_exec_spawn_failed';
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CommandExecSpawnError';
  }
}
