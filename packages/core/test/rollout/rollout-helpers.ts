import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RolloutItem } from '../../src/rollout/rollout-line.js';
import type { SessionMetaInit } from '../../src/rollout/rollout-recorder.js';
import type { TurnContextItem } from '../../src/rollout/rollout-schemas.js';

export const THREAD_ID = '0199a213-81c0-7800-8aa1-bbab2a035a53';

export async function makeTempDir(prefix: string): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function sampleMeta(cwd: string): SessionMetaInit {
  return {
    cwd,
    originator: 'codex_cli_rs',
    cli_version: '0.0.0-test',
    source: 'exec',
    model_provider: 'openai',
    base_instructions: { text: 'You are a careful coding agent.' },
  };
}

export function userText(text: string): RolloutItem {
  return {
    type: 'response_item',
    payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
  };
}

export function assistantText(text: string): RolloutItem {
  return {
    type: 'response_item',
    payload: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] },
  };
}

export function userEvent(message: string): RolloutItem {
  return {
    type: 'event_msg',
    payload: { type: 'user_message', message, images: [], local_images: [], text_elements: [] },
  };
}

export function turnContext(overrides: Partial<TurnContextItem> = {}): RolloutItem {
  return {
    type: 'turn_context',
    payload: {
      cwd: '/work/project',
      approval_policy: 'on-request',
      sandbox_policy: { type: 'workspace-write', network_access: false },
      model: 'gpt-5-codex',
      effort: 'medium',
      summary: 'auto',
      ...overrides,
    },
  };
}

export function tokenCount(total: number, last: number): RolloutItem {
  const usage = (n: number) => ({
    input_tokens: n,
    cached_input_tokens: 0,
    output_tokens: 0,
    reasoning_output_tokens: 0,
    total_tokens: n,
  });
  return {
    type: 'event_msg',
    payload: {
      type: 'token_count',
      info: {
        total_token_usage: usage(total),
        last_token_usage: usage(last),
        model_context_window: 272000,
      },
      rate_limits: null,
    },
  };
}
