import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completed,
  functionCall,
  outputTextMessage,
  responseCreated,
  sseResponse,
} from '@codex-ts/test-support';
import {
  itemsOf,
  requestBodies,
  runTurn,
  startHarness,
  type TurnHarness,
} from '../turn/turn-harness.js';
import { isAlive, waitUntilDead } from './unified-exec-helpers.js';

let h: TurnHarness;
let cleaned = false;

beforeEach(async () => {
  h = await startHarness();
  cleaned = false;
});

afterEach(async () => {
  if (!cleaned) await h.cleanup();
});

describe('unified exec sessions of a thread', () => {
  it('outlive the turn that started them and die with the thread', async () => {
    h.env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_bg', 'exec_command', {
          cmd: 'sleep 30 & echo $! > child.pid; echo $$ > shell.pid; echo ready; wait',
          yield_time_ms: 300,
        }),
        completed('resp_1'),
      ),
      sseResponse(responseCreated('resp_2'), outputTextMessage('started'), completed('resp_2')),
    );

    const { turn, events } = await runTurn(h, 'start a server');
    expect(turn.status).toBe('completed');

    // The model learns the session id; the item stays in progress.
    const second = requestBodies(h)[1];
    const output = second?.input.find(
      (item) => item.type === 'function_call_output' && item.call_id === 'call_bg',
    );
    const text = output?.type === 'function_call_output' ? String(output.output) : '';
    const m =
      /Process running with session ID (\d+)\nOriginal token count: \d+\nOutput:\nready\n$/.exec(
        text,
      );
    expect(m, text).not.toBeNull();
    expect(itemsOf(events, 'item/started', 'commandExecution')[0]?.processId).toBe(m?.[1]);
    expect(itemsOf(events, 'item/completed', 'commandExecution')).toEqual([]);

    const child = Number((await readFile(join(h.env.work.path, 'child.pid'), 'utf8')).trim());
    const shell = Number((await readFile(join(h.env.work.path, 'shell.pid'), 'utf8')).trim());
    expect(isAlive(child)).toBe(true);
    expect(isAlive(shell)).toBe(true);

    // Shutting the thread down kills the session's whole process group.
    await h.thread.shutdown();
    expect(await waitUntilDead(child, 2000)).toBe(true);
    expect(await waitUntilDead(shell, 2000)).toBe(true);
    const done = itemsOf(h.log.events, 'item/completed', 'commandExecution');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ id: 'call_bg', status: 'failed', aggregatedOutput: 'ready\n' });
    await h.cleanup();
    cleaned = true;
  });
});
