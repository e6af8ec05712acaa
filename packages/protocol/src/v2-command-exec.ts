import * as z from 'zod';
import './zod-config.js';

// `command/exec`: a one-off command (argv) run for a client in the server's sandbox, outside any
// thread or turn. Field names and shapes follow the Rust app server's v2 protocol.

/** v2 `NetworkAccess` of an `externalSandbox` policy. */
export const NetworkAccessSchema = z.enum(['restricted', 'enabled']);
export type NetworkAccess = z.infer<typeof NetworkAccessSchema>;

/**
 * v2 `SandboxPolicy` as a client may send it (fields other than `type` default as in Rust). The
 * `externalSandbox` variant means the process is already confined by someone else.
 */
export const SandboxPolicySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dangerFullAccess') }),
  z.object({ type: z.literal('readOnly'), networkAccess: z.boolean().default(false) }),
  z.object({
    type: z.literal('externalSandbox'),
    networkAccess: NetworkAccessSchema.default('restricted'),
  }),
  z.object({
    type: z.literal('workspaceWrite'),
    writableRoots: z.array(z.string()).default([]),
    networkAccess: z.boolean().default(false),
    excludeTmpdirEnvVar: z.boolean().default(false),
    excludeSlashTmp: z.boolean().default(false),
  }),
]);
/** A parsed `SandboxPolicy` (defaults applied). */
export type SandboxPolicyParam = z.output<typeof SandboxPolicySchema>;

const uint16 = z.number().int().min(0).max(0xffff);

/** PTY size in character cells (`CommandExecTerminalSize`). */
export const CommandExecTerminalSizeSchema = z.object({ rows: uint16, cols: uint16 });
export type CommandExecTerminalSize = z.infer<typeof CommandExecTerminalSizeSchema>;

export const CommandExecParamsSchema = z
  .object({
    /** argv; an empty array is refused. */
    command: z.array(z.string()),
    /** Client-chosen, connection-scoped id; required for tty and streaming. */
    processId: z.string().nullish(),
    tty: z.boolean().optional(),
    streamStdin: z.boolean().optional(),
    streamStdoutStderr: z.boolean().optional(),
    /** Per-stream capture cap in bytes; the server default when absent. */
    outputBytesCap: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
    disableOutputCap: z.boolean().optional(),
    disableTimeout: z.boolean().optional(),
    /** Milliseconds; the server default when absent. */
    timeoutMs: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullish(),
    /** Resolved against the server's cwd; the server's cwd when absent. */
    cwd: z.string().nullish(),
    /** Merged over the server-computed environment; `null` unsets a variable. */
    env: z.record(z.string(), z.string().nullable()).nullish(),
    size: CommandExecTerminalSizeSchema.nullish(),
    /** The configured policy when absent. */
    sandboxPolicy: SandboxPolicySchema.nullish(),
  })
  .loose();
export type CommandExecParams = z.infer<typeof CommandExecParamsSchema>;

/** The final, buffered result of `command/exec`. */
export interface CommandExecResponse {
  exitCode: number;
  /** Captured stdout (empty when it was streamed). */
  stdout: string;
  /** Captured stderr (empty when it was streamed). */
  stderr: string;
}

export type CommandExecOutputStream = 'stdout' | 'stderr';

/** `command/exec/outputDelta` params: a base64 chunk of a streamed `command/exec`. */
export interface CommandExecOutputDeltaNotification {
  processId: string;
  stream: CommandExecOutputStream;
  deltaBase64: string;
  /** True on the last chunk of a stream whose later output the cap cut off. */
  capReached: boolean;
}

/** Method -> params of the notifications `command/exec` sends (to the originating connection). */
export interface CommandExecNotificationMap {
  'command/exec/outputDelta': CommandExecOutputDeltaNotification;
}

/** `command/exec/write`: stdin bytes for a running command, and/or the end of its stdin. */
export const CommandExecWriteParamsSchema = z
  .object({
    /** The client-supplied, connection-scoped id of the `command/exec` request. */
    processId: z.string(),
    /** Base64-encoded bytes to write. */
    deltaBase64: z.string().nullish(),
    /** Close stdin after writing `deltaBase64`, if any. */
    closeStdin: z.boolean().optional(),
  })
  .loose();
export type CommandExecWriteParams = z.infer<typeof CommandExecWriteParamsSchema>;

/** `command/exec/resize`: a new size for the pseudo-terminal of a `tty` command. */
export const CommandExecResizeParamsSchema = z
  .object({ processId: z.string(), size: CommandExecTerminalSizeSchema })
  .loose();
export type CommandExecResizeParams = z.infer<typeof CommandExecResizeParamsSchema>;

/** `command/exec/terminate`: kills a running command (its process group). */
export const CommandExecTerminateParamsSchema = z.object({ processId: z.string() }).loose();
export type CommandExecTerminateParams = z.infer<typeof CommandExecTerminateParamsSchema>;

/** The empty answers of `command/exec/write`, `command/exec/resize` and `.../terminate`. */
export type CommandExecWriteResponse = Record<string, never>;
export type CommandExecResizeResponse = Record<string, never>;
export type CommandExecTerminateResponse = Record<string, never>;
