import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEventMsg } from '../../src/rollout/event-msg.js';
import { RolloutMissingMetaError, RolloutReadError } from '../../src/rollout/rollout-errors.js';
import { serializeRolloutLine, type RolloutItem } from '../../src/rollout/rollout-line.js';
import { readRollout } from '../../src/rollout/rollout-reader.js';
import { makeTempDir, removeDir, THREAD_ID, userText } from './rollout-helpers.js';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('rollout-reader-');
});
afterEach(async () => {
  await removeDir(dir);
});

const META: RolloutItem = {
  type: 'session_meta',
  payload: {
    id: THREAD_ID,
    timestamp: '2025-05-07T17:24:21.000Z',
    cwd: '/w',
    originator: 'codex_cli_rs',
    cli_version: '0.50.0',
    source: 'cli',
    model_provider: 'openai',
    base_instructions: null,
  },
};

async function fileWith(...lines: string[]): Promise<string> {
  const path = join(dir, `rollout-2025-05-07T17-24-21-${THREAD_ID}.jsonl`);
  await writeFile(path, lines.join(''));
  return path;
}

const line = (item: RolloutItem) => serializeRolloutLine(item, '2025-05-07T17:24:22.000Z');

describe('readRollout', () => {
  it('ignores a truncated last line', async () => {
    const full = line(userText('kept'));
    const path = await fileWith(line(META), full, full.slice(0, 37));
    const contents = await readRollout(path);
    expect(contents.items).toHaveLength(2);
    expect(contents.warnings).toEqual([]);
    expect(contents.truncatedTail).toBe(true);
  });

  it('ignores an invalid last line even when it ends with a newline', async () => {
    const path = await fileWith(line(META), line(userText('kept')), '{"type":"response_item"}\n');
    const contents = await readRollout(path);
    expect(contents.items).toHaveLength(2);
    expect(contents.warnings).toEqual([]);
    expect(contents.truncatedTail).toBe(true);
  });

  it('skips a garbage line in the middle with a warning', async () => {
    const path = await fileWith(
      line(META),
      line(userText('before')),
      'this is not json\n',
      '{"timestamp":"x","type":"response_item","payload":{"type":"message","role":"user"}}\n',
      line(userText('after')),
    );
    const contents = await readRollout(path);
    expect(contents.items.map((item) => item.type)).toEqual([
      'session_meta',
      'response_item',
      'response_item',
    ]);
    expect(contents.warnings).toEqual([
      expect.objectContaining({ line: 3, problem: 'invalid_json' }),
      expect.objectContaining({ line: 4, problem: 'invalid_line' }),
    ]);
    expect(contents.truncatedTail).toBe(false);
  });

  it('skips lines of unknown type and keeps unknown fields and event types', async () => {
    const path = await fileWith(
      line(META).replace('"cwd"', '"future_meta_field":{"a":1},"cwd"'),
      '{"timestamp":"t","type":"hologram","payload":{"x":1}}\n',
      line({ type: 'event_msg', payload: { type: 'collab_waiting_end', call_id: 'c1' } }),
      line({
        type: 'response_item',
        payload: { type: 'message', role: 'user', content: [], future: true },
      }),
      line({ type: 'response_item', payload: { type: 'tool_search_call', call_id: 'x' } }),
    );
    const contents = await readRollout(path);
    expect(contents.meta.future_meta_field).toEqual({ a: 1 });
    expect(contents.warnings).toEqual([
      expect.objectContaining({ line: 2, problem: 'unknown_type' }),
    ]);
    expect(contents.items.map((item) => item.payload.type)).toEqual([
      undefined,
      'collab_waiting_end',
      'message',
      'tool_search_call',
    ]);
    expect((contents.items[2]!.payload as { future?: boolean }).future).toBe(true);
  });

  it('reads turn_started / turn_complete as task_started / task_complete', async () => {
    const path = await fileWith(
      line(META),
      '{"timestamp":"t","type":"event_msg","payload":{"type":"turn_started","turn_id":"a"}}\n',
      '{"timestamp":"t","type":"event_msg","payload":{"type":"turn_complete","turn_id":"a","last_agent_message":null}}\n',
    );
    const { items } = await readRollout(path);
    const events = items.flatMap((item) => (item.type === 'event_msg' ? [item.payload] : []));
    expect(events.map((event) => event.type)).toEqual(['task_started', 'task_complete']);
    expect(isEventMsg(events[0]!, 'task_started') && events[0].turn_id).toBe('a');
  });

  it('fails with a typed error when there is no session_meta', async () => {
    const path = await fileWith(line(userText('orphan')), line(userText('orphan 2')));
    const error = await readRollout(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RolloutMissingMetaError);
    expect((error as RolloutMissingMetaError).code).toBe('rollout_missing_session_meta');

    const empty = await fileWith('');
    await expect(readRollout(empty)).rejects.toMatchObject({
      code: 'rollout_missing_session_meta',
    });
  });

  it('fails with a typed error when the file cannot be read', async () => {
    const error = await readRollout(join(dir, 'missing.jsonl')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RolloutReadError);
    expect((error as RolloutReadError).code).toBe('rollout_read_failed');
    await mkdir(join(dir, 'a-directory'));
    await expect(readRollout(join(dir, 'a-directory'))).rejects.toMatchObject({
      code: 'rollout_read_failed',
    });
  });

  it('uses the first session_meta when a fork carries its parent meta too', async () => {
    const parent: RolloutItem = {
      type: 'session_meta',
      payload: { ...META.payload, id: '0199a213-0000-7000-8000-000000000001' } as never,
    };
    const path = await fileWith(line(META), line(parent), line(userText('x')));
    const contents = await readRollout(path);
    expect(contents.meta.id).toBe(THREAD_ID);
    expect(contents.items.filter((item) => item.type === 'session_meta')).toHaveLength(2);
  });
});
