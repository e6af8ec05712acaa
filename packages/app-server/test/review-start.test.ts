import { describe, expect, it } from 'vitest';
import type { ServerToClientMessage } from '@codex-ts/app-server';
import { completed, outputTextMessage, responseCreated, sseResponse } from '@codex-ts/test-support';
import { useCoreHarness } from './helpers/core-harness.js';

// review/start over the real core against the fake Responses server. Every message the server
// sends is checked against the shared schema (RpcHarness.problems).

const core = useCoreHarness();

const REVIEW = {
  findings: [
    {
      title: 'Prefer Stylize helpers',
      body: 'Use .dim()/.bold() chaining instead of manual Style.',
      confidence_score: 0.9,
      priority: 1,
      code_location: { absolute_file_path: '/tmp/file.rs', line_range: { start: 10, end: 20 } },
    },
  ],
  overall_correctness: 'good',
  overall_explanation: 'Looks solid overall with minor polish suggested.',
  overall_confidence_score: 0.75,
};

/** `<kind> <method> [item type]` for each message after the thread started. */
function timeline(messages: ServerToClientMessage[]): string[] {
  return messages.map((m) => {
    if (!('method' in m)) return 'response';
    const item = (m.params as { item?: { type: string } } | undefined)?.item;
    return item ? `${m.method} ${item.type}` : m.method;
  });
}

describe('review/start', () => {
  it('runs a review turn inline and reports it as exitedReviewMode', async () => {
    core.env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        outputTextMessage(JSON.stringify(REVIEW), { deltas: 4 }),
        completed('resp_1'),
      ),
    );
    const threadId = await core.startThread();
    const from = core.harness.messages.length;
    const result = await core.harness.call<{
      turn: { id: string; status: string; items: unknown[] };
      reviewThreadId: string;
    }>('review/start', {
      threadId,
      delivery: 'inline',
      target: { type: 'commit', sha: '1234567deadbeef', title: 'Tidy UI colors' },
    });
    expect(result.reviewThreadId).toBe(threadId);
    expect(result.turn.status).toBe('inProgress');
    expect(result.turn.items).toEqual([
      {
        type: 'userMessage',
        id: result.turn.id,
        content: [{ type: 'text', text: 'commit 1234567: Tidy UI colors', text_elements: [] }],
      },
    ]);
    const done = await core.harness.waitForNotification('turn/completed');
    expect(done.params).toMatchObject({
      threadId,
      turn: { id: result.turn.id, status: 'completed' },
    });

    const after = core.harness.messages
      .slice(from)
      .filter((m) => !('method' in m) || !m.method.startsWith('thread/'));
    expect(timeline(after)).toEqual([
      'response',
      'turn/started',
      'item/started enteredReviewMode',
      'item/completed enteredReviewMode',
      'item/started userMessage',
      'item/completed userMessage',
      'item/started exitedReviewMode',
      'item/completed exitedReviewMode',
      'item/started agentMessage',
      'item/completed agentMessage',
      'turn/completed',
    ]);
    const items = after.flatMap((m) =>
      'method' in m && m.method === 'item/completed'
        ? [(m.params as { item: Record<string, unknown> }).item]
        : [],
    );
    expect(items[0]).toEqual({
      type: 'enteredReviewMode',
      id: result.turn.id,
      review: 'commit 1234567: Tidy UI colors',
    });
    const review = (items[2] as { review: string }).review;
    expect(items[2]).toMatchObject({ type: 'exitedReviewMode', id: result.turn.id });
    expect(review).toBe(
      'Looks solid overall with minor polish suggested.\n\nReview comment:\n\n' +
        '- Prefer Stylize helpers — /tmp/file.rs:10-20\n' +
        '  Use .dim()/.bold() chaining instead of manual Style.',
    );
    expect(items[3]).toMatchObject({ type: 'agentMessage', text: review });

    const request = core.env.server.modelRequests()[0]?.body as {
      input: unknown[];
      instructions: string;
    };
    expect(request.instructions).toContain('code reviewer');
    expect(JSON.stringify(request.input.at(-1))).toContain(
      'Review the code changes introduced by commit 1234567deadbeef (\\"Tidy UI colors\\").',
    );
  });

  it('refuses empty targets, unknown threads and other deliveries', async () => {
    const threadId = await core.startThread();
    const call = (params: Record<string, unknown>) =>
      core.harness.callError('review/start', { threadId, ...params });
    expect(await call({ target: { type: 'baseBranch', branch: '   ' } })).toMatchObject({
      code: -32600,
      message: 'branch must not be empty',
    });
    expect(await call({ target: { type: 'commit', sha: '\t', title: null } })).toMatchObject({
      code: -32600,
      message: 'sha must not be empty',
    });
    expect(await call({ target: { type: 'custom', instructions: '\n\n' } })).toMatchObject({
      code: -32600,
      message: 'instructions must not be empty',
    });
    const missing = '00000000-0000-7000-8000-000000000000';
    expect(
      await core.harness.callError('review/start', {
        threadId: missing,
        target: { type: 'uncommittedChanges' },
      }),
    ).toEqual({ code: -32600, message: `thread not found: ${missing}` });
    expect(
      await core.harness.callError('review/start', {
        threadId: 'not-a-uuid',
        target: { type: 'uncommittedChanges' },
      }),
    ).toMatchObject({ code: -32600, message: expect.stringMatching(/^invalid thread id: /) });
    expect(
      await call({ target: { type: 'uncommittedChanges' }, delivery: 'detached' }),
    ).toMatchObject({ code: -32602 });
    expect(await call({ target: { type: 'everything' } })).toMatchObject({ code: -32602 });
    expect(core.env.server.modelRequests()).toEqual([]);
  });
});
