import { describe, expect, it } from 'vitest';
import type { ServerNotificationMessage } from '@codex-ts/app-server';
import { completed, outputTextMessage, responseCreated, sseResponse } from '@codex-ts/test-support';
import { useCoreHarness } from './helpers/core-harness.js';

// turn/steer over the real core against the fake Responses server: steered input joins the
// running turn's next model request. Every message is checked against the schema.

const core = useCoreHarness();

const text = (t: string) => [{ type: 'text', text: t, text_elements: [] }];
const reply = (id: string, words: string, delayMs = 0) => ({
  ...sseResponse(responseCreated(id), outputTextMessage(words), completed(id)),
  delayMs,
});

/** The user messages' texts of a recorded model request, in order. */
function userTexts(body: unknown): string[] {
  const input = (body as { input: Array<Record<string, unknown>> }).input;
  return input
    .filter((item) => item['type'] === 'message' && item['role'] === 'user')
    .flatMap((item) => item['content'] as Array<{ type: string; text?: string }>)
    .filter((part) => part.type === 'input_text')
    .map((part) => part.text ?? '');
}

describe('turn/steer', () => {
  it('adds input to the running turn; the next model request carries it', async () => {
    core.env.server.enqueue(
      reply('resp_1', 'Working on it', 400),
      reply('resp_2', 'Done, with both'),
    );
    const threadId = await core.startThread();
    const { turn } = await core.harness.call<{ turn: { id: string } }>('turn/start', {
      threadId,
      input: text('first request'),
    });
    await core.env.server.waitForRequests(1);
    expect(
      await core.harness.call('turn/steer', {
        threadId,
        expectedTurnId: turn.id,
        input: text('also do this'),
      }),
    ).toEqual({ turnId: turn.id });
    const done = await core.harness.waitForNotification('turn/completed');
    expect(done.params).toMatchObject({ turn: { id: turn.id, status: 'completed' } });

    const requests = core.env.server.modelRequests();
    expect(requests).toHaveLength(2);
    const first = userTexts(requests[0]?.body);
    const second = userTexts(requests[1]?.body);
    expect(first.at(-1)).toBe('first request');
    expect(first).not.toContain('also do this');
    expect(second.slice(-2)).toEqual(['first request', 'also do this']);
    const input = (requests[1]?.body as { input: Array<Record<string, unknown>> }).input;
    const roles = input.slice(-3).map((item) => item['role']);
    expect(roles).toEqual(['user', 'assistant', 'user']);

    const items = core.harness
      .notifications()
      .filter((n): n is ServerNotificationMessage => n.method === 'item/completed')
      .map((n) => (n.params as { item: { type: string; content?: unknown } }).item);
    const userItems = items.filter((item) => item.type === 'userMessage');
    expect(userItems.map((item) => item.content)).toEqual([
      text('first request'),
      text('also do this'),
    ]);
  });

  it('refuses without a running turn, for another turn, with empty input and bad ids', async () => {
    core.env.server.enqueue(reply('resp_1', 'Hello'), reply('resp_2', 'Slow', 600));
    const threadId = await core.startThread();
    const { turn } = await core.harness.call<{ turn: { id: string } }>('turn/start', {
      threadId,
      input: text('hi'),
    });
    await core.harness.waitForNotification('turn/completed');
    const steer = (params: Record<string, unknown>) =>
      core.harness.callError('turn/steer', {
        threadId,
        expectedTurnId: turn.id,
        input: text('x'),
        ...params,
      });
    expect(await steer({})).toEqual({ code: -32600, message: 'no active turn to steer' });

    const second = await core.harness.call<{ turn: { id: string } }>('turn/start', {
      threadId,
      input: text('again'),
    });
    expect(await steer({})).toEqual({
      code: -32600,
      message: `expected active turn id \`${turn.id}\` but found \`${second.turn.id}\``,
    });
    expect(await steer({ expectedTurnId: second.turn.id, input: [] })).toEqual({
      code: -32600,
      message: 'input must not be empty',
    });
    expect(await steer({ expectedTurnId: '' })).toEqual({
      code: -32600,
      message: 'expectedTurnId must not be empty',
    });
    const unknown = '019a0000-0000-7000-8000-00000000beef';
    expect(await steer({ threadId: unknown })).toEqual({
      code: -32600,
      message: `thread not found: ${unknown}`,
    });
    expect((await steer({ threadId: 'nope' })).message).toMatch(/^invalid thread id: /);
    const missing = await core.harness.callError('turn/steer', { threadId, input: text('x') });
    expect(missing).toMatchObject({ code: -32602 });
    expect(missing.message).toContain('expectedTurnId');
    await core.harness.waitForNotification('turn/completed', (n) =>
      JSON.stringify(n.params).includes(second.turn.id),
    );
    expect(core.env.server.modelRequests()).toHaveLength(2);
  });
});
