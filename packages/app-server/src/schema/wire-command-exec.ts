import { z } from 'zod';
import { int } from './wire-shared.js';

// zod schemas of what `command/exec` sends back (types: v2-command-exec.ts of @codex-ts/protocol).

export const CommandExecResponseSchema = z.object({
  exitCode: int('int32'),
  stdout: z.string(),
  stderr: z.string(),
});
