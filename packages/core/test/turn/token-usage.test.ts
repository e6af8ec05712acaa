import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenUsageBreakdown } from '@codex-ts/protocol';
import {
  completed,
  functionCall,
  outputTextMessage,
  responseCreated,
  sseResponse,
  usage,
} from '@codex-ts/test-support';
import { paramsOf, runTurn, startHarness, type TurnHarness } from './turn-harness.js';

let h: TurnHarness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  expect(h.env.server.errors).toEqual([]);
  await h.cleanup();
});

function breakdown(parts: {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
}): TokenUsageBreakdown {
  return {
    totalTokens: parts.input + parts.output,
    inputTokens: parts.input,
    cachedInputTokens: parts.cached,
    cacheWriteInputTokens: 0,
    outputTokens: parts.output,
    reasoningOutputTokens: parts.reasoning,
  };
}

describe('thread/tokenUsage/updated', () => {
  it('accumulates total across responses and turns; last is the latest response', async () => {
    const u1 = { input: 100, cached: 40, output: 10, reasoning: 4 };
    const u2 = { input: 150, cached: 100, output: 20, reasoning: 0 };
    const u3 = { input: 300, cached: 250, output: 7, reasoning: 3 };
    h.env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_1', 'no_such_tool', {}),
        completed('resp_1', usage(u1)),
      ),
      sseResponse(
        responseCreated('resp_2'),
        outputTextMessage('one'),
        completed('resp_2', usage(u2)),
      ),
      sseResponse(
        responseCreated('resp_3'),
        outputTextMessage('two'),
        completed('resp_3', usage(u3)),
      ),
    );

    const turn1 = await runTurn(h, 'first');
    const turn2 = await runTurn(h, 'second');

    const updates1 = paramsOf(turn1.events, 'thread/tokenUsage/updated');
    const updates2 = paramsOf(turn2.events, 'thread/tokenUsage/updated');
    expect(updates1.map((u) => u.turnId)).toEqual([turn1.turn.id, turn1.turn.id]);
    expect(updates2.map((u) => u.turnId)).toEqual([turn2.turn.id]);
    for (const u of [...updates1, ...updates2]) expect(u.threadId).toBe(h.thread.id);

    const sum = (...us: Array<typeof u1>): typeof u1 => ({
      input: us.reduce((a, u) => a + u.input, 0),
      cached: us.reduce((a, u) => a + u.cached, 0),
      output: us.reduce((a, u) => a + u.output, 0),
      reasoning: us.reduce((a, u) => a + u.reasoning, 0),
    });
    // The harness's model is unknown to the catalog: the fallback window, 272,000 tokens at
    // 95%, is reported.
    const modelContextWindow = 258_400;
    expect([...updates1, ...updates2].map((u) => u.tokenUsage)).toEqual([
      { total: breakdown(u1), last: breakdown(u1), modelContextWindow },
      { total: breakdown(sum(u1, u2)), last: breakdown(u2), modelContextWindow },
      { total: breakdown(sum(u1, u2, u3)), last: breakdown(u3), modelContextWindow },
    ]);
  });

  it('sends no usage update for a response that reports no usage', async () => {
    h.env.server.enqueue(
      sseResponse(responseCreated('resp_1'), outputTextMessage('hi'), completed('resp_1', null)),
    );

    const { turn, events } = await runTurn(h, 'hello');

    expect(turn.status).toBe('completed');
    expect(paramsOf(events, 'thread/tokenUsage/updated')).toEqual([]);
  });
});
