import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RolloutClosedError } from '../../src/rollout/rollout-errors.js';
import { readRollout } from '../../src/rollout/rollout-reader.js';
import { RolloutRecorder } from '../../src/rollout/rollout-recorder.js';
import { reconstructHistory } from '../../src/rollout/reconstruct-history.js';
import {
  assistantText,
  makeTempDir,
  removeDir,
  sampleMeta,
  THREAD_ID,
  tokenCount,
  turnContext,
  userEvent,
  userText,
} from './rollout-helpers.js';

let home: string;

beforeEach(async () => {
  home = await makeTempDir('rollout-recorder-');
});
afterEach(async () => {
  await removeDir(home);
});

function create(createdAt = new Date(2025, 4, 7, 17, 24, 21)): Promise<RolloutRecorder> {
  return RolloutRecorder.create({
    codexHome: home,
    threadId: THREAD_ID,
    createdAt,
    meta: sampleMeta('/work/project'),
    git: null,
  });
}

describe('RolloutRecorder', () => {
  it('names the file by local date and time and writes session_meta first', async () => {
    const recorder = await create();
    await recorder.close();
    expect(recorder.path).toBe(
      join(home, 'sessions', '2025', '05', '07', `rollout-2025-05-07T17-24-21-${THREAD_ID}.jsonl`),
    );
    const text = await readFile(recorder.path, 'utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['timestamp', 'type', 'payload']);
    expect(first.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(first.type).toBe('session_meta');
    expect(first.payload).toEqual({
      id: THREAD_ID,
      timestamp: new Date(2025, 4, 7, 17, 24, 21).toISOString(),
      cwd: '/work/project',
      originator: 'codex_cli_rs',
      cli_version: '0.0.0-test',
      source: 'exec',
      model_provider: 'openai',
      base_instructions: { text: 'You are a careful coding agent.' },
    });
  });

  it('round-trips record -> read -> reconstruct', async () => {
    const recorder = await create();
    recorder.record([turnContext(), userEvent('fix the bug'), userText('fix the bug')]);
    recorder.record([
      {
        type: 'response_item',
        payload: {
          type: 'function_call',
          call_id: 'call_1',
          name: 'exec_command',
          arguments: '{"cmd":"ls"}',
        },
      },
      {
        type: 'response_item',
        payload: { type: 'function_call_output', call_id: 'call_1', output: 'README.md' },
      },
      assistantText('done'),
      tokenCount(1200, 700),
      { type: 'event_msg', payload: { type: 'agent_message', message: 'done', phase: null } },
    ]);
    await recorder.flush();
    await recorder.close();

    const contents = await readRollout(recorder.path);
    expect(contents.warnings).toEqual([]);
    expect(contents.truncatedTail).toBe(false);
    expect(contents.meta.id).toBe(THREAD_ID);
    expect(contents.items.map((item) => item.type)).toEqual([
      'session_meta',
      'turn_context',
      'event_msg',
      'response_item',
      'response_item',
      'response_item',
      'response_item',
      'event_msg',
      'event_msg',
    ]);

    const thread = reconstructHistory(contents.items);
    expect(thread.history.map((item) => item.type)).toEqual([
      'message',
      'function_call',
      'function_call_output',
      'message',
    ]);
    expect(thread.userTurnCount).toBe(1);
    expect(thread.firstUserMessage).toBe('fix the bug');
    expect(thread.tokenUsage?.total_token_usage.total_tokens).toBe(1200);
    expect(thread.lastTurnContext?.model).toBe('gpt-5-codex');
  });

  it('keeps the order of many concurrent record calls', async () => {
    const recorder = await create();
    const calls = Array.from({ length: 400 }, (_, index) =>
      Promise.resolve().then(() => {
        recorder.record([userText(`message ${index}`), assistantText(`reply ${index}`)]);
      }),
    );
    await Promise.all(calls);
    await recorder.close();

    const { items, warnings } = await readRollout(recorder.path);
    expect(warnings).toEqual([]);
    const texts = items.slice(1).map((item) => {
      const payload = item.payload as { content: Array<{ text: string }> };
      return payload.content[0]!.text;
    });
    expect(texts).toHaveLength(800);
    texts.forEach((text, position) => {
      const index = Math.floor(position / 2);
      expect(text).toBe(position % 2 === 0 ? `message ${index}` : `reply ${index}`);
    });
  });

  it('drops items the persistence policy excludes', async () => {
    const recorder = await create();
    recorder.record([
      { type: 'event_msg', payload: { type: 'agent_message_delta', delta: 'par' } },
      { type: 'event_msg', payload: { type: 'exec_command_end', call_id: 'c' } },
      { type: 'event_msg', payload: { type: 'error', message: 'boom' } },
      { type: 'response_item', payload: { type: 'something_new' } },
      { type: 'event_msg', payload: { type: 'task_started', turn_id: 't1' } },
    ]);
    await recorder.close();
    const { items } = await readRollout(recorder.path);
    expect(items.slice(1).map((item) => item.payload.type)).toEqual(['task_started']);
  });

  it('flush resolves after the lines are in the file', async () => {
    const recorder = await create();
    recorder.record([userText('first')]);
    await recorder.flush();
    const text = await readFile(recorder.path, 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(2);
    expect(text).toContain('"first"');
    await recorder.close();
  });

  it('refuses record after close and closes only once', async () => {
    const recorder = await create();
    await recorder.close();
    await recorder.close();
    expect(() => recorder.record([userText('late')])).toThrow(RolloutClosedError);
    try {
      recorder.record([userText('late')]);
    } catch (error) {
      expect((error as RolloutClosedError).code).toBe('rollout_recorder_closed');
    }
  });

  it('resume appends to the existing file', async () => {
    const first = await create();
    first.record([userEvent('one'), userText('one')]);
    await first.close();

    const resumed = await RolloutRecorder.resume(first.path);
    resumed.record([userEvent('two'), userText('two')]);
    await resumed.close();

    const { items, warnings } = await readRollout(first.path);
    expect(warnings).toEqual([]);
    expect(items.filter((item) => item.type === 'session_meta')).toHaveLength(1);
    expect(reconstructHistory(items).userTurnCount).toBe(2);
  });

  it('resume after a torn last line keeps the next lines intact', async () => {
    const first = await create();
    first.record([userText('complete')]);
    await first.close();
    await appendFile(first.path, '{"timestamp":"2025-05-07T17:24:22.000Z","type":"resp');

    const resumed = await RolloutRecorder.resume(first.path);
    resumed.record([userText('after crash')]);
    await resumed.close();

    const { items, warnings, truncatedTail } = await readRollout(first.path);
    expect(truncatedTail).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 3, problem: 'invalid_json' });
    const texts = reconstructHistory(items).history.map(
      (item) => (item as { content: Array<{ text: string }> }).content[0]!.text,
    );
    expect(texts).toEqual(['complete', 'after crash']);
  });

  it('create writes forked_from_id and extra meta fields', async () => {
    const recorder = await RolloutRecorder.create({
      codexHome: home,
      threadId: THREAD_ID,
      meta: { ...sampleMeta('/w'), forked_from_id: 'parent', memory_mode: 'disabled', extra: 1 },
      git: { commit_hash: 'abc', branch: 'main' },
    });
    await recorder.close();
    const { meta } = await readRollout(recorder.path);
    expect(meta.forked_from_id).toBe('parent');
    expect(meta.memory_mode).toBe('disabled');
    expect(meta.extra).toBe(1);
    expect(meta.git).toEqual({ commit_hash: 'abc', branch: 'main' });
    expect((await stat(recorder.path)).isFile()).toBe(true);
  });
});
