import { threadConfigMap } from '@codex-ts/config';
import type { ThreadStartParams } from '@codex-ts/protocol';
import type { TuiOptions } from './tui-options.js';

/**
 * `thread/start` params for an interactive session: flags become explicit settings, `-c` pairs
 * (plus `--profile` / `--strict-config`) the config map. Unlike `codex exec`, approvals stay as
 * configured: the user is there to answer them.
 */
export function tuiThreadStartParams(opts: TuiOptions, cwd: string): ThreadStartParams {
  const config = threadConfigMap(opts, cwd);
  let sandbox = opts.sandbox;
  let approvalPolicy = opts.approvalPolicy;
  if (opts.fullAuto) {
    sandbox = 'workspace-write';
    approvalPolicy = 'on-request';
  }
  if (opts.yolo) {
    sandbox = 'danger-full-access';
    approvalPolicy = 'never';
  }
  return { cwd, model: opts.model, sandbox, approvalPolicy, config };
}

/** Whether the flags chose the sandbox or approvals (then the trust prompt is not shown). */
export function flagsChosePermissions(opts: TuiOptions): boolean {
  return opts.fullAuto || opts.yolo || opts.sandbox !== null || opts.approvalPolicy !== null;
}
