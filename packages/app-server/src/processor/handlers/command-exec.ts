import type {
  CommandExecOutputChunk,
  CommandExecProcess,
  CommandExecRequest,
} from '@codex-ts/core';
import { CommandExecParamsSchema, type CommandExecParams } from '@codex-ts/protocol';
import { InternalRpcError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import type { CommandExecSlot } from '../command-exec-processes.js';
import type { ConnectionState } from '../connection-state.js';
import type { ProcessorServices } from '../request-handler.js';
import { defineHandler } from '../request-handler.js';
import { checkCommandExecParams, commandExecRequest, isStreaming } from './command-exec-request.js';

/**
 * `command/exec`: runs a one-off argv for the client, outside any thread, in the sandbox the
 * params ask for (else the configured one), with the configured environment policy, a time limit
 * (10 s unless given or disabled) and a per-stream output cap (1 MiB unless given or disabled);
 * answers `{exitCode, stdout, stderr}` once the process has exited. A timeout kills the process
 * group and reports exit code 124. A command that cannot start, or cannot be sandboxed here, is
 * a JSON-RPC internal error that says why.
 *
 * With a client-supplied `processId` the command belongs to this connection (`command/exec/
 * write|resize|terminate` reach it; closing the connection kills it). `streamStdoutStderr` (and
 * `tty`) send the output as `command/exec/outputDelta` notifications to this connection only,
 * all before the response, whose stdout and stderr are then empty. A streamed command's request
 * is done once the process runs (as in Rust); the response follows when it exits.
 */
export const commandExecHandler = defineHandler({
  method: 'command/exec',
  requiresInitialize: true,
  parse(params) {
    const parsed = parseParams('command/exec', CommandExecParamsSchema, params);
    checkCommandExecParams(parsed);
    return parsed;
  },
  async handle(ctx, params: CommandExecParams) {
    // Admitted before the first await, so a write sent right after this request finds it.
    const slot = ctx.connection.commandExec.admit(params.processId ?? null);
    let process: CommandExecProcess;
    try {
      process = await start(ctx.services, ctx.connection, params);
    } catch (err) {
      slot.fail();
      throw asRpcError(err);
    }
    slot.attach(process);
    const answered = answerWhenDone(process, slot, ctx.respond);
    if (!isStreaming(params)) await answered;
  },
});

async function start(
  services: ProcessorServices,
  connection: ConnectionState,
  params: CommandExecParams,
): Promise<CommandExecProcess> {
  const { codexHome, env } = services;
  const config = await services.loadConfig({ codexHome, env });
  const processId = params.processId ?? '';
  const onOutput = (chunk: CommandExecOutputChunk): void => {
    connection.notify({
      method: 'command/exec/outputDelta',
      params: {
        processId,
        stream: chunk.stream,
        deltaBase64: chunk.data.toString('base64'),
        capReached: chunk.capReached,
      },
    });
  };
  return starter(services)(commandExecRequest(params, config, env, onOutput));
}

/** Frees the slot and answers once the command is over (after its last output delta). */
async function answerWhenDone(
  process: CommandExecProcess,
  slot: CommandExecSlot,
  respond: (result: { exitCode: number; stdout: string; stderr: string }) => void,
): Promise<void> {
  const result = await process.result;
  slot.finish();
  respond({ exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr });
}

type Starter = (request: CommandExecRequest) => Promise<CommandExecProcess>;

/**
 * The thread manager's runner (it knows how this host sandboxes commands); core's own runner,
 * loaded on first use, when the manager offers none.
 */
function starter(services: ProcessorServices): Starter {
  const manager = services.threadManager;
  const own = manager.startCommandExec?.bind(manager);
  if (own) return own;
  return async (request) => {
    const core = await import('@codex-ts/core');
    return core.startCommandExec(request);
  };
}

/** Start and sandbox failures of core (typed by `code`) become internal errors naming why. */
function asRpcError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (!(err instanceof Error) || typeof code !== 'string') return err;
  if (code === 'command_exec_spawn_failed') {
    return new InternalRpcError(`command/exec: ${err.message}`, { code }, { cause: err });
  }
  if (code === 'sandbox_unavailable' || code === 'invalid_sandbox_command') {
    return new InternalRpcError(
      `command/exec: the command cannot be sandboxed here: ${err.message}`,
      { code },
      { cause: err },
    );
  }
  return err;
}
