import {
  CommandExecResizeParamsSchema,
  CommandExecTerminateParamsSchema,
  CommandExecWriteParamsSchema,
  type CommandExecResizeParams,
  type CommandExecTerminateParams,
} from '@codex-ts/protocol';
import { InvalidParamsError, InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import { checkTerminalSize } from './command-exec-request.js';

// `command/exec/write`, `command/exec/resize` and `command/exec/terminate`: follow-up requests
// for a running `command/exec` of the same connection, by its client-supplied `processId`.

const WRITE = 'command/exec/write';
const RESIZE = 'command/exec/resize';
const TERMINATE = 'command/exec/terminate';

/** Validated `command/exec/write` params: the decoded bytes (null: none) and whether to close. */
interface WriteRequest {
  processId: string;
  data: Buffer | null;
  closeStdin: boolean;
}

/** Standard base64 with padding, as Rust's `STANDARD` engine decodes it. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Writes stdin bytes to a command started with `streamStdin` (or `tty`), closes its stdin, or
 * both (bytes first). Answers `{}` once the bytes were handed to the process.
 */
export const commandExecWriteHandler = defineHandler({
  method: WRITE,
  requiresInitialize: true,
  parse(params): WriteRequest {
    const parsed = parseParams(WRITE, CommandExecWriteParamsSchema, params);
    const closeStdin = parsed.closeStdin === true;
    const base64 = parsed.deltaBase64 ?? null;
    if (base64 === null && !closeStdin) {
      invalid(WRITE, 'deltaBase64', 'required unless closeStdin is true');
    }
    if (base64 !== null && !BASE64.test(base64)) {
      invalid(WRITE, 'deltaBase64', 'not valid base64');
    }
    const data = base64 === null ? null : Buffer.from(base64, 'base64');
    return { processId: parsed.processId, data, closeStdin };
  },
  async handle(ctx, params: WriteRequest) {
    const process = await ctx.connection.commandExec.find(WRITE, params.processId);
    try {
      if (params.data !== null && params.data.length > 0) await process.write(params.data);
      if (params.closeStdin) process.closeStdin();
    } catch (err) {
      throw controlError(WRITE, params.processId, err);
    }
    ctx.respond({});
  },
});

/** Resizes the pseudo-terminal of a command started with `tty: true`. */
export const commandExecResizeHandler = defineHandler({
  method: RESIZE,
  requiresInitialize: true,
  parse(params) {
    const parsed = parseParams(RESIZE, CommandExecResizeParamsSchema, params);
    checkTerminalSize(RESIZE, parsed.size);
    return parsed;
  },
  async handle(ctx, params: CommandExecResizeParams) {
    const process = await ctx.connection.commandExec.find(RESIZE, params.processId);
    try {
      process.resize(params.size);
    } catch (err) {
      throw controlError(RESIZE, params.processId, err, 'failed to resize PTY: ');
    }
    ctx.respond({});
  },
});

/**
 * Kills a running command and everything it started (its process group). Answers `{}` at once;
 * the `command/exec` response follows once the process is gone and its output drained.
 */
export const commandExecTerminateHandler = defineHandler({
  method: TERMINATE,
  requiresInitialize: true,
  parse: (params) => parseParams(TERMINATE, CommandExecTerminateParamsSchema, params),
  async handle(ctx, params: CommandExecTerminateParams) {
    const process = await ctx.connection.commandExec.find(TERMINATE, params.processId);
    process.terminate();
    ctx.respond({});
  },
});

/** Core's typed refusals (stdin not streamed or closed, no terminal) as invalid requests. */
function controlError(method: string, processId: string, err: unknown, prefix = ''): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (
    err instanceof Error &&
    (code === 'command_exec_stdin_unavailable' || code === 'command_exec_no_terminal')
  ) {
    return new InvalidRequestError(
      `${method}: ${prefix}${err.message} (process id ${JSON.stringify(processId)})`,
      { code },
      { cause: err },
    );
  }
  return err;
}

function invalid(method: string, field: string, problem: string): never {
  throw new InvalidParamsError(`Invalid params for ${method}: ${field}: ${problem}`, {
    issues: [{ path: field, message: problem }],
  });
}
