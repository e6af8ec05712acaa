import type { TurnOverrides } from '@codex-ts/core';
import { TurnStartParamsSchema, type SandboxMode, type TurnStartParams } from '@codex-ts/protocol';
import { ThreadNotFoundError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';

/**
 * `turn/start`: starts a turn on a live thread and answers `{turn}` (status `inProgress`). The
 * turn's notifications are held back on this connection until the answer has been sent.
 */
export const turnStartHandler = defineHandler({
  method: 'turn/start',
  requiresInitialize: true,
  parse: (params) => parseParams('turn/start', TurnStartParamsSchema, params),
  handle(ctx, params: TurnStartParams) {
    const thread = ctx.services.threadManager.getThread(params.threadId);
    if (!thread) {
      throw new ThreadNotFoundError(params.threadId);
    }
    const release = ctx.connection.hold(thread.id);
    try {
      const turn = thread.startTurn(params.input, turnOverrides(params));
      ctx.respond({ turn });
    } finally {
      release();
    }
  },
});

function turnOverrides(params: TurnStartParams): TurnOverrides {
  const overrides: TurnOverrides = {};
  if (params.cwd != null) overrides.cwd = params.cwd;
  if (params.approvalPolicy != null) overrides.approvalPolicy = params.approvalPolicy;
  if (params.model != null) overrides.model = params.model;
  if (params.effort != null) overrides.effort = params.effort;
  if (params.summary != null) overrides.summary = params.summary;
  if (params.sandboxPolicy != null) overrides.sandboxMode = sandboxModeOf(params.sandboxPolicy);
  if (params.outputSchema != null) overrides.outputSchema = params.outputSchema;
  return overrides;
}

/**
 * The sandbox mode a turn's `sandboxPolicy` selects (its writable roots and network flag come from
 * config, as for `thread/start`'s `sandbox`); an external sandbox means none of ours.
 */
function sandboxModeOf(policy: NonNullable<TurnStartParams['sandboxPolicy']>): SandboxMode {
  switch (policy.type) {
    case 'readOnly':
      return 'read-only';
    case 'workspaceWrite':
      return 'workspace-write';
    case 'dangerFullAccess':
    case 'externalSandbox':
      return 'danger-full-access';
  }
}
