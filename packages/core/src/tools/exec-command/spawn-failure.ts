import { ToolCallError } from '../tool-types.js';
import type { CommandExecutionReporter } from './command-execution-reporter.js';
import type { CommandInvocation } from './command-invocation.js';
import { CommandSpawnError } from './run-command.js';

/**
 * For the catch of a command tool's spawn: a command that could not be started completes its
 * item as failed and becomes a tool error the model sees (`<tool> failed for \`cmd\`: why`);
 * any other error is rethrown as it is.
 */
export function rethrowSpawnFailure(
  err: unknown,
  toolName: string,
  invocation: CommandInvocation,
  reporter: CommandExecutionReporter,
): never {
  if (!(err instanceof CommandSpawnError)) throw err;
  reporter.completed({
    status: 'failed',
    exitCode: null,
    aggregatedOutput: err.message,
    durationMs: null,
  });
  throw new ToolCallError(`${toolName} failed for \`${invocation.display}\`: ${err.message}`);
}
