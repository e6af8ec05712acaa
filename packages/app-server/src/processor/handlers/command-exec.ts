import type { CommandExecRequest, CommandExecResult } from '@codex-ts/core';
import { CommandExecParamsSchema, type CommandExecParams } from '@codex-ts/protocol';
import { InternalRpcError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import type { ProcessorServices } from '../request-handler.js';
import { defineHandler } from '../request-handler.js';
import { checkCommandExecParams, commandExecRequest } from './command-exec-request.js';

/**
 * `command/exec`: runs a one-off argv for the client, outside any thread, in the sandbox the
 * params ask for (else the configured one), with the configured environment policy, a time limit
 * (10 s unless given or disabled) and a per-stream output cap (1 MiB unless given or disabled);
 * answers `{exitCode, stdout, stderr}` once the process has exited. A timeout kills the process
 * group and reports exit code 124. A command that cannot start, or cannot be sandboxed here, is
 * a JSON-RPC internal error that says why.
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
    const { codexHome, env } = ctx.services;
    const config = await ctx.services.loadConfig({ codexHome, env });
    const request = commandExecRequest(params, config, env);
    let result: CommandExecResult;
    try {
      result = await runner(ctx.services)(request);
    } catch (err) {
      throw asRpcError(err);
    }
    ctx.respond({ exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr });
  },
});

type Runner = (request: CommandExecRequest) => Promise<CommandExecResult>;

/**
 * The thread manager's runner (it knows how this host sandboxes commands); core's own runner,
 * loaded on first use, when the manager offers none.
 */
function runner(services: ProcessorServices): Runner {
  const manager = services.threadManager;
  const own = manager.execCommand?.bind(manager);
  if (own) return own;
  return async (request) => {
    const core = await import('@codex-ts/core');
    return core.runCommandExec(request);
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
