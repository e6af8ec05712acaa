import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  type SseScript,
} from '@codex-ts/test-support';
import {
  RevertUnavailableError,
  ThreadBusyError,
  ThreadManager,
  TurnNotFoundError,
} from '../../src/index.js';
import { turnsFromRollout } from '../../src/thread/restore-thread.js';
import {
  beginTurn,
  doneItems,
  requestBodies,
  runTurn,
  startHarness,
  withoutId,
  type TurnHarness,
} from '../turn/turn-harness.js';

// `thread/revert` in core: the turn named and every later one leave the model history, so the
// next request no longer carries them; the rollout records Rust's `thread_rolled_back` line.

let h: TurnHarness | undefined;

afterEach(async () => {
  if (!h) return;
  expect(h.env.server.errors).toEqual([]);
  await h.cleanup();
  h = undefined;
});

function reply(text: string, id: string): SseScript {
  return sseResponse(responseCreated(id), outputTextMessage(text), completed(id));
}

function userMessage(text: string): Record<string, unknown> {
  return { type: 'message', role: 'user', content: [{ type: 'input_text', text }] };
}

/** Two finished turns ('first' -> 'one', 'second' -> 'two'); their ids and the first reply. */
async function twoTurns(t: TurnHarness) {
  const one = reply('one', 'resp_1');
  t.env.server.enqueue(one, reply('two', 'resp_2'));
  const first = await runTurn(t, 'first');
  const second = await runTurn(t, 'second');
  const [assistantOne] = doneItems(one);
  if (!assistantOne) throw new Error('the script has a message');
  return {
    firstId: first.turn.id,
    secondId: second.turn.id,
    assistantOne: withoutId(assistantOne),
  };
}

/** The `event_msg` payloads of a rollout file, in order. */
async function eventPayloads(path: string): Promise<Array<Record<string, unknown>>> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');
  return lines
    .map((l) => JSON.parse(l) as { type: string; payload: Record<string, unknown> })
    .filter((l) => l.type === 'event_msg')
    .map((l) => l.payload);
}

describe('thread revert', () => {
  it('drops the turn and what followed from the next model request', async () => {
    const t = (h = await startHarness());
    const { firstId, secondId, assistantOne } = await twoTurns(t);
    const [req1, req2] = requestBodies(t);
    if (!req1 || !req2) throw new Error('expected two requests');
    expect(req1.input.at(-1)).toEqual(userMessage('first'));
    expect(req2.input).toEqual([...req1.input, assistantOne, userMessage('second')]);

    const from = t.log.events.length;
    await t.thread.revert(secondId);
    expect(t.log.events.slice(from)).toEqual([
      { method: 'thread/reverted', params: { threadId: t.thread.id } },
    ]);

    t.env.server.enqueue(reply('three', 'resp_3'));
    await runTurn(t, 'third');
    const req3 = requestBodies(t)[2];
    expect(req3?.input).toEqual([...req1.input, assistantOne, userMessage('third')]);

    const path = t.thread.rolloutPath() as string;
    await t.thread.flushRollout();
    const events = await eventPayloads(path);
    expect(events.filter((e) => e['type'] === 'thread_rolled_back')).toEqual([
      { type: 'thread_rolled_back', num_turns: 1 },
    ]);
    const turns = await turnsFromRollout(path);
    expect(turns.map((turn) => turn.id)).toEqual([firstId, expect.any(String)]);
    expect(turns[1]?.id).not.toBe(secondId);
  });

  it('writes a rollout that resumes with the shortened history', async () => {
    const t = (h = await startHarness());
    const { firstId, secondId, assistantOne } = await twoTurns(t);
    await t.thread.revert(secondId);
    const path = t.thread.rolloutPath() as string;
    const threadId = t.thread.id;
    await t.manager.shutdown();

    const raw = await readFile(path, 'utf8');
    expect(raw).toMatch(
      /"type":"event_msg","payload":\{"type":"thread_rolled_back","num_turns":1\}\}\n$/,
    );
    expect((await turnsFromRollout(path)).map((turn) => turn.id)).toEqual([firstId]);

    const manager = new ThreadManager({
      env: t.processEnv,
      sessionSource: 'exec',
      cliVersion: '0.0.0-test',
    });
    try {
      const resumed = await manager.resumeThread({ config: t.config, threadId });
      t.env.server.enqueue(reply('three', 'resp_3'));
      const done = new Promise<void>((resolve) => {
        resumed.subscribe((e) => {
          if (e.method === 'turn/completed') resolve();
        });
      });
      resumed.startTurn([{ type: 'text', text: 'third', text_elements: [] }]);
      await done;
      const [req1, , req3] = requestBodies(t);
      expect(req3?.input).toEqual([...(req1?.input ?? []), assistantOne, userMessage('third')]);
    } finally {
      await manager.shutdown();
    }
  });

  it('reverts every turn when told the first, and again after that', async () => {
    const t = (h = await startHarness());
    const { firstId } = await twoTurns(t);
    await t.thread.revert(firstId);
    t.env.server.enqueue(reply('again', 'resp_3'));
    const third = await runTurn(t, 'again');
    const [req1, , req3] = requestBodies(t);
    const prefix = req1?.input.slice(0, -1) ?? [];
    expect(req3?.input).toEqual([...prefix, userMessage('again')]);

    await t.thread.revert(third.turn.id);
    const path = t.thread.rolloutPath() as string;
    const rolledBack = (await eventPayloads(path)).filter(
      (e) => e['type'] === 'thread_rolled_back',
    );
    expect(rolledBack).toEqual([
      { type: 'thread_rolled_back', num_turns: 2 },
      { type: 'thread_rolled_back', num_turns: 1 },
    ]);
    expect(await turnsFromRollout(path)).toEqual([]);
  });

  it('drops input steered into a reverted turn too', async () => {
    const t = (h = await startHarness());
    const one = reply('one', 'resp_1');
    // The steered input arrives while the second turn samples: it samples once more for it.
    t.env.server.enqueue(one, reply('two', 'resp_2'), reply('two more', 'resp_3'));
    await runTurn(t, 'first');
    const second = beginTurn(t, 'second');
    t.thread.steer([{ type: 'text', text: 'and more', text_elements: [] }], second.turn.id);
    await second.done;
    const sent = requestBodies(t);
    expect(sent.at(-1)?.input).toContainEqual(userMessage('and more'));

    await t.thread.revert(second.turn.id);
    t.env.server.enqueue(reply('three', 'resp_4'));
    await runTurn(t, 'third');
    const [assistantOne] = doneItems(one);
    expect(requestBodies(t)[sent.length]?.input).toEqual([
      ...(sent[0]?.input ?? []),
      withoutId(assistantOne ?? {}),
      userMessage('third'),
    ]);
    const path = t.thread.rolloutPath() as string;
    expect((await eventPayloads(path)).filter((e) => e['type'] === 'thread_rolled_back')).toEqual([
      { type: 'thread_rolled_back', num_turns: 2 },
    ]);
    expect(await turnsFromRollout(path)).toHaveLength(2);
  });

  it('refuses while a turn runs, an unknown or reverted turn, and an ephemeral thread', async () => {
    const t = (h = await startHarness());
    const { secondId } = await twoTurns(t);
    await expect(t.thread.revert('no-such-turn')).rejects.toBeInstanceOf(TurnNotFoundError);

    t.env.server.enqueue({ kind: 'hang', events: [responseCreated('resp_3')] });
    const running = beginTurn(t, 'third');
    const refusal = t.thread.revert(secondId);
    await expect(refusal).rejects.toBeInstanceOf(ThreadBusyError);
    await expect(refusal).rejects.toMatchObject({ code: 'thread_busy' });
    await t.thread.interrupt(running.turn.id);
    await running.done;

    await t.thread.revert(secondId);
    await expect(t.thread.revert(secondId)).rejects.toMatchObject({ code: 'turn_not_found' });

    const ephemeral = await t.manager.startThread({ config: t.config, ephemeral: true });
    await expect(ephemeral.revert(secondId)).rejects.toBeInstanceOf(RevertUnavailableError);
  });
});
