import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rolloutItemsForEvent } from '../../src/rollout/event-mapper.js';
import { reconstructHistory } from '../../src/rollout/reconstruct-history.js';
import { tokenUsageFromRollout } from '../../src/rollout/rollout-conversions.js';
import { findRolloutPath } from '../../src/rollout/rollout-list.js';
import { readRollout } from '../../src/rollout/rollout-reader.js';
import { RolloutRecorder } from '../../src/rollout/rollout-recorder.js';
import { makeTempDir, removeDir, userText } from './rollout-helpers.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'rust-session.jsonl');
const RUST_THREAD = '0199e1a4-3b2c-7d41-9f0e-5a6b7c8d9e0f';

let home: string;
let path: string;

beforeEach(async () => {
  home = await makeTempDir('rollout-rust-');
  const day = join(home, 'sessions', '2025', '10', '14');
  await mkdir(day, { recursive: true });
  path = join(day, `rollout-2025-10-14T11-12-03-${RUST_THREAD}.jsonl`);
  await copyFile(FIXTURE, path);
});
afterEach(async () => {
  await removeDir(home);
});

describe('a rollout written by the Rust Codex', () => {
  it('is found by id, reads without warnings and reconstructs', async () => {
    expect(await findRolloutPath(home, RUST_THREAD)).toBe(path);
    const contents = await readRollout(path);
    expect(contents.warnings).toEqual([]);
    expect(contents.truncatedTail).toBe(false);
    expect(contents.meta).toMatchObject({
      id: RUST_THREAD,
      cwd: '/home/dev/acme-api',
      source: 'cli',
      model_provider: 'openai',
      git: { branch: 'main', repository_url: 'git@github.com:acme/acme-api.git' },
    });
    // A field this version does not know (`instructions`, from older files) is kept.
    expect(contents.meta.instructions).toBeNull();

    const thread = reconstructHistory(contents.items);
    expect(thread.history.map((item) => item.type)).toEqual([
      'message',
      'message',
      'message',
      'message',
      'reasoning',
      'function_call',
      'function_call_output',
      'custom_tool_call',
      'custom_tool_call_output',
      'message',
    ]);
    const reasoning = thread.history[4] as { encrypted_content?: string };
    expect(reasoning.encrypted_content).toMatch(/^gAAAAA/);
    expect((thread.history[9] as { end_turn?: boolean }).end_turn).toBe(true);
    expect(thread.userTurnCount).toBe(1);
    expect(thread.firstUserMessage).toBe('Why does GET /users return 500?');
    expect(thread.lastTurnContext).toMatchObject({
      model: 'gpt-5-codex',
      cwd: '/home/dev/acme-api',
      approval_policy: 'on-request',
      sandbox_policy: { type: 'workspace-write' },
      effort: 'medium',
      summary: 'auto',
    });
    expect(thread.tokenUsage?.model_context_window).toBe(272000);
    expect(tokenUsageFromRollout(thread.tokenUsage!.total_token_usage)).toEqual({
      inputTokens: 17034,
      cachedInputTokens: 14336,
      cacheWriteInputTokens: 0,
      outputTokens: 471,
      reasoningOutputTokens: 256,
      totalTokens: 17505,
    });
  });

  it('resumes: our lines append after the Rust ones and the next turn sees both', async () => {
    const before = await readFile(path, 'utf8');
    const recorder = await RolloutRecorder.resume(path);
    recorder.record([
      ...rolloutItemsForEvent({
        method: 'turn/started',
        params: {
          threadId: RUST_THREAD,
          turn: {
            id: '2',
            items: [],
            status: 'inProgress',
            error: null,
            startedAt: 1760433200,
            completedAt: null,
            durationMs: null,
          },
        },
      }),
      userText('Add a test for it.'),
    ]);
    await recorder.close();

    const after = await readFile(path, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const { items, warnings } = await readRollout(path);
    expect(warnings).toEqual([]);
    const thread = reconstructHistory(items);
    expect(thread.history).toHaveLength(11);
    expect(thread.history.at(-1)).toEqual({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'Add a test for it.' }],
    });
  });
});
