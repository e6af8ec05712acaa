import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appServerSchemaValidator,
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
  type SseScript,
} from '@codex-ts/test-support';
import { coreHarness } from './helpers/core-harness.js';
import type { RpcHarness } from './helpers/rpc-harness.js';

/**
 * `thread/revert` over the processor and the real core (rollouts in a temp CODEX_HOME). Every
 * message the server sends is checked against the shared schema by the harness; the request
 * params are checked here.
 */

let env: ModelTestEnv;
let harnesses: RpcHarness[];

interface TurnShape {
  id: string;
  items: Array<{ type: string; text?: string; content?: Array<{ text?: string }> }>;
}
interface ThreadShape {
  id: string;
  status: { type: string };
  turns: TurnShape[];
}

async function connect(): Promise<RpcHarness> {
  const harness = coreHarness(env);
  harnesses.push(harness);
  await harness.initialize();
  return harness;
}

function reply(text: string, id: string): SseScript {
  return sseResponse(responseCreated(id), outputTextMessage(text), completed(id));
}

function text(value: string) {
  return [{ type: 'text', text: value, text_elements: [] }];
}

/** Runs one turn to its end; returns its id. */
async function turn(harness: RpcHarness, threadId: string, prompt: string): Promise<string> {
  const seen = harness.notifications().filter((n) => n.method === 'turn/completed').length;
  const { turn: started } = await harness.call<{ turn: { id: string } }>('turn/start', {
    threadId,
    input: text(prompt),
  });
  await harness.waitFor(
    () => harness.notifications().filter((n) => n.method === 'turn/completed').length > seen,
    'turn/completed',
  );
  return started.id;
}

/** The user prompts of a thread's turns, in order. */
function prompts(thread: ThreadShape): string[] {
  return thread.turns.flatMap((t) =>
    t.items.filter((i) => i.type === 'userMessage').map((i) => i.content?.[0]?.text ?? ''),
  );
}

/** Calls thread/revert after checking its params against the shared schema. */
function revert(harness: RpcHarness, params: { threadId: string; beforeTurnId: string }) {
  expect(appServerSchemaValidator().validateRequestParams('thread/revert', params)).toBeNull();
  return harness.request('thread/revert', params);
}

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
  harnesses = [];
});

afterEach(async () => {
  for (const harness of harnesses) await harness.close();
  await env.cleanup();
  for (const harness of harnesses) expect(harness.problems).toEqual([]);
});

describe('thread/revert', () => {
  it('drops the turn and the later ones, answers with the thread and notifies', async () => {
    const harness = await connect();
    const { thread } = await harness.call<{ thread: ThreadShape }>('thread/start', {
      cwd: env.work.path,
    });
    env.server.enqueue(reply('one', 'r1'), reply('two', 'r2'), reply('three', 'r3'));
    await turn(harness, thread.id, 'first');
    const second = await turn(harness, thread.id, 'second');

    const response = await revert(harness, { threadId: thread.id, beforeTurnId: second });
    if (!('result' in response)) throw new Error(JSON.stringify(response.error));
    const result = response.result as { thread: ThreadShape };
    expect(result.thread.id).toBe(thread.id);
    expect(result.thread.turns).toEqual([]);
    expect(result.thread.status).toEqual({ type: 'idle' });
    const notice = await harness.waitForNotification('thread/reverted');
    expect(notice.params).toEqual({ threadId: thread.id });
    // The answer comes before the notification.
    const indexOf = (m: object) => harness.messages.indexOf(m as never);
    expect(indexOf(response)).toBeLessThan(indexOf(notice));

    const read = await harness.call<{ thread: ThreadShape }>('thread/read', {
      threadId: thread.id,
      includeTurns: true,
    });
    expect(prompts(read.thread)).toEqual(['first']);
    const resumed = await harness.call<{ thread: ThreadShape }>('thread/resume', {
      threadId: thread.id,
    });
    expect(prompts(resumed.thread)).toEqual(['first']);

    await turn(harness, thread.id, 'third');
    const input = (env.server.modelRequests()[2]?.body as { input: unknown[] }).input;
    expect(input.slice(-3)).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'first' }] },
      {
        type: 'message',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'one', annotations: [] }],
        status: 'completed',
      },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'third' }] },
    ]);
    expect(JSON.stringify(input)).not.toContain('"second"');
  });

  it('shows the shortened history to a server that resumes the stored thread', async () => {
    const first = await connect();
    const { thread } = await first.call<{ thread: ThreadShape }>('thread/start', {
      cwd: env.work.path,
    });
    env.server.enqueue(reply('one', 'r1'), reply('two', 'r2'));
    await turn(first, thread.id, 'first');
    const second = await turn(first, thread.id, 'second');
    await first.call('thread/revert', { threadId: thread.id, beforeTurnId: second });
    await first.close();

    const other = await connect();
    const resumed = await other.call<{ thread: ThreadShape }>('thread/resume', {
      threadId: thread.id,
    });
    expect(prompts(resumed.thread)).toEqual(['first']);
  });

  it('refuses while a turn runs, and an unknown thread or turn, naming the method', async () => {
    const harness = await connect();
    const { thread } = await harness.call<{ thread: ThreadShape }>('thread/start', {
      cwd: env.work.path,
    });
    env.server.enqueue(reply('one', 'r1'));
    const first = await turn(harness, thread.id, 'first');

    const unknownTurn = await harness.callError('thread/revert', {
      threadId: thread.id,
      beforeTurnId: 'no-such-turn',
    });
    expect(unknownTurn).toMatchObject({
      code: -32600,
      message: 'thread/revert: turn not found: no-such-turn',
    });

    const unknownThread = '00000000-0000-7000-8000-000000000000';
    expect(
      await harness.callError('thread/revert', { threadId: unknownThread, beforeTurnId: first }),
    ).toMatchObject({
      code: -32600,
      message: `thread/revert: thread not loaded: ${unknownThread}`,
    });

    env.server.enqueue({ kind: 'hang', events: [responseCreated('r2')] });
    const { turn: running } = await harness.call<{ turn: { id: string } }>('turn/start', {
      threadId: thread.id,
      input: text('second'),
    });
    const busy = await harness.callError('thread/revert', {
      threadId: thread.id,
      beforeTurnId: first,
    });
    expect(busy.code).toBe(-32600);
    expect(busy.message).toBe(
      `thread/revert: cannot revert thread ${thread.id} while turn ${running.id} is running; interrupt it first`,
    );
    await harness.call('turn/interrupt', { threadId: thread.id, turnId: running.id });

    expect(await harness.callError('thread/revert', { threadId: thread.id })).toMatchObject({
      code: -32602,
    });
  });
});
