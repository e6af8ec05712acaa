import * as z from 'zod';
import { int } from './wire-shared.js';

// zod schemas of what `command/exec` sends back (types: v2-command-exec.ts of @codex-ts/protocol).

export const CommandExecResponseSchema = z.object({
  exitCode: int('int32'),
  stdout: z.string(),
  stderr: z.string(),
});

/** Which stream a `command/exec/outputDelta` carries (a PTY's output is `stdout`). */
export const CommandExecOutputStreamSchema = z.enum(['stdout', 'stderr']);

export const CommandExecOutputDeltaNotificationSchema = z.object({
  processId: z.string(),
  stream: CommandExecOutputStreamSchema,
  deltaBase64: z.string(),
  capReached: z.boolean(),
});

/** The empty answers of `command/exec/write`, `command/exec/resize` and `.../terminate`. */
export const CommandExecEmptyResponseSchema = z.object({});
