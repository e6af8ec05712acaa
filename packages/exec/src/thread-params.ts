import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { threadConfigMap } from '@codex-ts/config';
import type { ThreadResumeParams, ThreadStartParams, UserInput } from '@codex-ts/protocol';
import { ExecUsageError, type ExecOptions } from './exec-options.js';

/**
 * `thread/start` params for a run: flags become explicit settings, `-c` pairs (plus `--profile`
 * as `profile` and `--strict-config` as `strict_config`) the config map.
 */
export function threadStartParams(opts: ExecOptions, cwd: string): ThreadStartParams {
  const config = threadConfigMap(opts, cwd);
  let sandbox = opts.sandbox;
  let approvalPolicy: ThreadStartParams['approvalPolicy'] = null;
  if (opts.fullAuto) sandbox = 'workspace-write';
  if (opts.yolo) {
    sandbox = 'danger-full-access';
    approvalPolicy = 'never';
  }
  // Headless runs cannot answer approval prompts: never ask unless config says otherwise.
  if (approvalPolicy === null && !('approval_policy' in config)) approvalPolicy = 'never';
  return {
    cwd,
    model: opts.model,
    sandbox,
    approvalPolicy,
    config,
    ephemeral: opts.ephemeral,
  };
}

/**
 * `thread/resume` params for `codex exec resume`: the settings a new run would start with (the
 * current directory, flags, `-c` pairs), without `ephemeral` (a resumed thread keeps its rollout).
 */
export function threadResumeParams(start: ThreadStartParams, threadId: string): ThreadResumeParams {
  const { ephemeral: _ephemeral, ...settings } = start;
  return { ...settings, threadId };
}

/** Reads `--output-schema FILE`: it must hold a JSON object. */
export function readOutputSchema(file: string, cwd: string): unknown {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ExecUsageError(`cannot read --output-schema ${path}: ${(err as Error).message}`);
  }
  try {
    const schema: unknown = JSON.parse(text);
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw new Error('the schema must be a JSON object');
    }
    return schema;
  } catch (err) {
    throw new ExecUsageError(`invalid --output-schema ${path}: ${(err as Error).message}`);
  }
}

export function turnInput(prompt: string, images: string[], cwd: string): UserInput[] {
  return [
    ...images.map((p): UserInput => ({ type: 'localImage', path: resolve(cwd, p) })),
    { type: 'text', text: prompt, text_elements: [] },
  ];
}
