import type { ToolSpec } from '@codex-ts/protocol';
import { numberParam, sortedProperties, stringParam } from '../exec-command/command-spec-params.js';

export const WRITE_STDIN_TOOL_NAME = 'write_stdin';

/**
 * The `write_stdin` declaration: the Rust Codex's parameter names, types and required list
 * (`session_id` only), with our own descriptions.
 */
export function writeStdinToolSpec(): ToolSpec {
  return {
    type: 'function',
    name: WRITE_STDIN_TOOL_NAME,
    description:
      'Types characters into a command that exec_command left running (by its session ID) and ' +
      'returns the output it printed since the last call, or its exit code once it has ended. ' +
      'Send empty chars to just wait for more output.',
    strict: false,
    parameters: {
      type: 'object',
      properties: sortedProperties({
        chars: stringParam(
          'What to type, e.g. "y\\n" or "\\u0003" for Ctrl-C; needs a session started with ' +
            'tty true. Empty (the default) only waits for output.',
        ),
        max_output_tokens: numberParam(
          'Upper limit on the output returned, in tokens (default 10000); longer output is cut ' +
            'in the middle.',
        ),
        session_id: numberParam('The session ID that exec_command (or write_stdin) reported.'),
        yield_time_ms: numberParam(
          'How many milliseconds to wait for output after writing (default 250, at most 30000). ' +
            'An empty poll waits between 5000 and 300000.',
        ),
      }),
      required: ['session_id'],
      additionalProperties: false,
    },
  };
}
