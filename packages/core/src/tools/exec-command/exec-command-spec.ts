import type { ToolSpec } from '@codex-ts/protocol';
import {
  approvalParams,
  booleanParam,
  numberParam,
  sortedProperties,
  stringParam,
} from './command-spec-params.js';

export const EXEC_COMMAND_TOOL_NAME = 'exec_command';

/**
 * The `exec_command` declaration. Parameter names, types and the required list are those of the
 * Rust Codex (properties in alphabetical order, `additionalProperties: false`, `strict: false`) so
 * models trained on that tool call this one the same way; the descriptions are ours.
 */
export function execCommandToolSpec(): ToolSpec {
  return {
    type: 'function',
    name: EXEC_COMMAND_TOOL_NAME,
    description:
      'Runs a shell command in the workspace. Returns what it printed (stdout and stderr ' +
      'together) and its exit code, or, when it is still running after yield_time_ms, the ' +
      'output so far and a session ID to poll it or type into it with write_stdin.',
    strict: false,
    parameters: {
      type: 'object',
      properties: sortedProperties({
        cmd: stringParam('The shell command line to run.'),
        login: booleanParam(
          'Start the shell as a login shell (-l) so it reads the profile files. Defaults to true.',
        ),
        max_output_tokens: numberParam(
          'Upper limit on the output returned, in tokens (default 10000); longer output is cut ' +
            'in the middle.',
        ),
        shell: stringParam(
          "Path of the shell that runs the command. Defaults to the user's shell.",
        ),
        tty: booleanParam(
          'Attach the command to a pseudo-terminal instead of plain pipes, so write_stdin can ' +
            'type into it (interactive programs, REPLs). Defaults to false: stdin is closed.',
        ),
        workdir: stringParam(
          'Directory to run the command in, absolute or relative to the turn working directory ' +
            '(the default). Prefer this over `cd`.',
        ),
        yield_time_ms: numberParam(
          'How many milliseconds to wait for output before answering (default 10000, between ' +
            '250 and 30000). A command still running then keeps running in the background.',
        ),
        ...approvalParams('cmd'),
      }),
      required: ['cmd'],
      additionalProperties: false,
    },
  };
}
