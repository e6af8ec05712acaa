import type { ToolSpec } from '@codex-ts/protocol';
import {
  approvalParams,
  booleanParam,
  numberParam,
  sortedProperties,
  stringParam,
} from '../exec-command/command-spec-params.js';

export const SHELL_TOOL_NAME = 'shell';
export const SHELL_COMMAND_TOOL_NAME = 'shell_command';

const WORKDIR_DESCRIPTION =
  'Directory to run the command in, absolute or relative to the turn working directory (the ' +
  'default). Prefer this over `cd`.';
const TIMEOUT_DESCRIPTION =
  'How many milliseconds the command may run (default 10000); it is killed after that.';

/**
 * The `shell` declaration (`command` as an argv array, run without a shell unless it names
 * one). Parameter names, types and the required list are the Rust Codex's; descriptions ours.
 */
export function shellToolSpec(): ToolSpec {
  return {
    type: 'function',
    name: SHELL_TOOL_NAME,
    description:
      'Runs a program with the given arguments (execvp semantics; most commands should be ' +
      'given as ["bash", "-lc", "<command line>"]) and returns its output and exit code.',
    strict: false,
    parameters: {
      type: 'object',
      properties: sortedProperties({
        command: {
          type: 'array',
          description: 'The program and its arguments.',
          items: { type: 'string' },
        },
        timeout_ms: numberParam(TIMEOUT_DESCRIPTION),
        workdir: stringParam(WORKDIR_DESCRIPTION),
        ...approvalParams('command'),
      }),
      required: ['command'],
      additionalProperties: false,
    },
  };
}

/**
 * The `shell_command` declaration (`command` as one script for the user's shell). Parameter
 * names, types and the required list are the Rust Codex's; descriptions ours.
 */
export function shellCommandToolSpec(): ToolSpec {
  return {
    type: 'function',
    name: SHELL_COMMAND_TOOL_NAME,
    description:
      "Runs a shell script in the user's shell and returns its output and exit code. Set " +
      '`workdir` rather than using `cd`.',
    strict: false,
    parameters: {
      type: 'object',
      properties: sortedProperties({
        command: stringParam("The script to run in the user's default shell."),
        login: booleanParam(
          'Run the shell as a login shell (-l) so it reads the profile files. Defaults to true.',
        ),
        timeout_ms: numberParam(TIMEOUT_DESCRIPTION),
        workdir: stringParam(WORKDIR_DESCRIPTION),
        ...approvalParams('command'),
      }),
      required: ['command'],
      additionalProperties: false,
    },
  };
}
