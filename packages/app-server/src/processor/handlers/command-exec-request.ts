import { isAbsolute, resolve } from 'node:path';
import { extraWritableRoots, type ResolvedConfig } from '@codex-ts/config';
import type { CommandExecOutputChunk, CommandExecRequest } from '@codex-ts/core';
import type { CommandExecParams, SandboxPolicyParam } from '@codex-ts/protocol';
import { InvalidParamsError, InvalidRequestError } from '../../errors/rpc-errors.js';

/** Time limit when the client gives none (Rust's `DEFAULT_EXEC_COMMAND_TIMEOUT_MS`). */
export const COMMAND_EXEC_DEFAULT_TIMEOUT_MS = 10_000;
/** Bytes captured per stream when the client gives no cap (Rust's `DEFAULT_OUTPUT_BYTES_CAP`). */
export const COMMAND_EXEC_DEFAULT_OUTPUT_BYTES_CAP = 1024 * 1024;

const METHOD = 'command/exec';

/**
 * Checks what the schema cannot (combinations, signs, sizes, absolute roots), as the Rust app
 * server does. Throws JSON-RPC errors that name the method and the field.
 */
export function checkCommandExecParams(params: CommandExecParams): void {
  if (params.command.length === 0) {
    throw new InvalidRequestError(`${METHOD}: command must not be empty`);
  }
  if (isStreaming(params) && params.processId == null) {
    throw new InvalidRequestError(
      `${METHOD}: tty, streamStdin and streamStdoutStderr require a client-supplied processId`,
    );
  }
  if (params.size != null && params.tty !== true) {
    invalid('size', 'only valid with tty: true');
  }
  if (params.size != null) checkTerminalSize(METHOD, params.size);
  if (params.disableOutputCap === true && params.outputBytesCap != null) {
    invalid('outputBytesCap', 'cannot be combined with disableOutputCap');
  }
  if (params.disableTimeout === true && params.timeoutMs != null) {
    invalid('timeoutMs', 'cannot be combined with disableTimeout');
  }
  if (params.timeoutMs != null && params.timeoutMs < 0) {
    invalid('timeoutMs', `must not be negative (got ${String(params.timeoutMs)})`);
  }
  const policy = params.sandboxPolicy;
  if (policy?.type === 'workspaceWrite') {
    policy.writableRoots.forEach((root, i) => {
      if (!isAbsolute(root)) {
        invalid(`sandboxPolicy.writableRoots[${String(i)}]`, `must be an absolute path: ${root}`);
      }
    });
  }
}

/** Whether the client drives the command (PTY, stdin or output streaming). */
export function isStreaming(params: CommandExecParams): boolean {
  return params.tty === true || params.streamStdin === true || params.streamStdoutStderr === true;
}

/** A terminal needs at least one row and one column (Rust refuses 0 as invalid params). */
export function checkTerminalSize(method: string, size: { rows: number; cols: number }): void {
  if (size.rows === 0 || size.cols === 0) {
    invalid('size', 'rows and cols must be greater than 0', method);
  }
}

/**
 * The core request for validated params: cwd resolved against the server's cwd, the client's
 * sandbox policy or the configured one (both rooted at the server's cwd, as in Rust), the
 * configured environment policy, and the default time limit and output cap. `tty` implies
 * streamed stdin and output; streamed output goes to `onOutput`.
 */
export function commandExecRequest(
  params: CommandExecParams,
  config: ResolvedConfig,
  serverEnv: Record<string, string | undefined>,
  onOutput: (chunk: CommandExecOutputChunk) => void,
): CommandExecRequest {
  const tty = params.tty === true;
  return {
    ...(tty ? { tty, ...(params.size ? { size: params.size } : {}) } : {}),
    ...(tty || params.streamStdin === true ? { streamStdin: true } : {}),
    ...(tty || params.streamStdoutStderr === true ? { onOutput } : {}),
    argv: [...params.command],
    cwd: params.cwd == null ? config.cwd : resolve(config.cwd, params.cwd),
    env: {
      policy: config.shellEnvironmentPolicy,
      base: serverEnv,
      overrides: params.env ?? {},
    },
    sandbox:
      params.sandboxPolicy == null
        ? configuredSandbox(config)
        : requestedSandbox(params.sandboxPolicy, config.cwd),
    timeoutMs:
      params.disableTimeout === true ? null : (params.timeoutMs ?? COMMAND_EXEC_DEFAULT_TIMEOUT_MS),
    outputBytesCap:
      params.disableOutputCap === true
        ? null
        : (params.outputBytesCap ?? COMMAND_EXEC_DEFAULT_OUTPUT_BYTES_CAP),
  };
}

type SandboxInput = CommandExecRequest['sandbox'];

function configuredSandbox(config: ResolvedConfig): SandboxInput {
  const settings = config.sandboxWorkspaceWrite;
  return {
    mode: config.sandboxMode,
    cwd: config.cwd,
    writableRoots: config.sandboxMode === 'workspace-write' ? extraWritableRoots(config) : [],
    networkAccess: config.sandboxMode === 'workspace-write' ? settings.networkAccess : false,
    excludeTmpdirEnvVar: settings.excludeTmpdirEnvVar,
    excludeSlashTmp: settings.excludeSlashTmp,
  };
}

function requestedSandbox(policy: SandboxPolicyParam, cwd: string): SandboxInput {
  const base = { cwd, writableRoots: [], excludeTmpdirEnvVar: false, excludeSlashTmp: false };
  switch (policy.type) {
    case 'dangerFullAccess':
    // Someone else confines the process already: run it as it is.
    case 'externalSandbox':
      return { ...base, mode: 'danger-full-access', networkAccess: true };
    case 'readOnly':
      return { ...base, mode: 'read-only', networkAccess: policy.networkAccess };
    case 'workspaceWrite':
      return {
        mode: 'workspace-write',
        cwd,
        writableRoots: policy.writableRoots,
        networkAccess: policy.networkAccess,
        excludeTmpdirEnvVar: policy.excludeTmpdirEnvVar,
        excludeSlashTmp: policy.excludeSlashTmp,
      };
  }
}

function invalid(field: string, problem: string, method = METHOD): never {
  throw new InvalidParamsError(`Invalid params for ${method}: ${field}: ${problem}`, {
    issues: [{ path: field, message: problem }],
  });
}
