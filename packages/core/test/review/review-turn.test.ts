import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent, MessageItem, ResponsesRequest, ThreadItem } from '@codex-ts/protocol';
import {
  completed,
  functionCall,
  outputTextMessage,
  responseCreated,
  sseResponse,
} from '@codex-ts/test-support';
import {
  InvalidReviewTargetError,
  REVIEW_FALLBACK_MESSAGE,
  REVIEW_INTERRUPTED_MESSAGE,
  reviewInstructions,
  ThreadBusyError,
  type CodexThread,
} from '../../src/index.js';
import {
  itemTimeline,
  NotificationLog,
  paramsOf,
  requestBodies,
  startHarness,
  textInput,
  type TurnHarness,
} from '../turn/turn-harness.js';

// A review turn against the fake Responses server: what it sends (review instructions, a fresh
// conversation), what it emits, and what the thread keeps afterwards.

let h: TurnHarness;
let thread: CodexThread;
let log: NotificationLog;

beforeEach(async () => {
  h = await startHarness();
  // A project AGENTS.md, which a review must not send.
  await writeFile(join(h.env.work.path, 'AGENTS.md'), 'Always answer in French.\n');
  thread = await h.manager.startThread({ config: h.config });
  log = new NotificationLog(thread);
});

afterEach(async () => {
  log.dispose();
  expect(h.env.server.errors).toEqual([]);
  await h.cleanup();
});

const REVIEW_JSON = {
  findings: [
    {
      title: '[P1] Wrong colour constant',
      body: 'The dim style uses the bold constant.\nSwap them.',
      confidence_score: 0.9,
      priority: 1,
      code_location: { absolute_file_path: '/tmp/ui.rs', line_range: { start: 10, end: 20 } },
    },
  ],
  overall_correctness: 'patch is incorrect',
  overall_explanation: 'One styling bug.',
  overall_confidence_score: 0.75,
};
const RENDERED = [
  'One styling bug.',
  '',
  'Review comment:',
  '',
  '- [P1] Wrong colour constant — /tmp/ui.rs:10-20',
  '  The dim style uses the bold constant.',
  '  Swap them.',
].join('\n');
const COMMIT_PROMPT =
  'Review the code changes introduced by commit 1234567deadbeef ("Tidy UI colors"). Provide prioritized, actionable findings.';

const reply = (id: string, text: string) =>
  sseResponse(responseCreated(id), outputTextMessage(text, { deltas: 3 }), completed(id));

async function runUserTurn(text: string): Promise<void> {
  const from = log.events.length;
  const turn = thread.startTurn(textInput(text));
  await log.waitForTurnCompleted(turn.id, from);
}

async function review(target: Parameters<CodexThread['startReview']>[0]) {
  const from = log.events.length;
  const started = thread.startReview(target);
  // `turn` is the finished turn (from turn/completed); `started` what startReview returned.
  return { ...(await log.waitForTurnCompleted(started.id, from)), started };
}

function texts(item: unknown): string[] {
  return ((item as MessageItem).content ?? []).map((c) => (c as { text?: string }).text ?? '');
}

function items(events: CoreEvent[], method: 'item/started' | 'item/completed'): ThreadItem[] {
  return paramsOf(events, method).map((p) => p.item);
}

describe('a review turn', () => {
  it('samples with the review instructions over a fresh conversation and reports the review', async () => {
    h.env.server.enqueue(
      reply('resp_0', 'Bonjour'),
      sseResponse(
        responseCreated('resp_1'),
        outputTextMessage('Let me look at the commit.'),
        functionCall('call_1', 'exec_command', { cmd: 'echo reviewing' }),
        completed('resp_1'),
      ),
      reply('resp_2', JSON.stringify(REVIEW_JSON)),
      reply('resp_3', 'Fixed.'),
    );
    await runUserTurn('hello');

    const result = await review({
      type: 'commit',
      sha: '1234567deadbeef',
      title: 'Tidy UI colors',
    });
    const { turn, events } = result;
    expect(result.started.items).toEqual([
      {
        type: 'userMessage',
        id: turn.id,
        content: [{ type: 'text', text: 'commit 1234567: Tidy UI colors', text_elements: [] }],
      },
    ]);
    expect(turn.status).toBe('completed');

    // The requests: review instructions, the context without AGENTS.md, the prompt; no history.
    const [first, r1, r2] = requestBodies(h) as [
      ResponsesRequest,
      ResponsesRequest,
      ResponsesRequest,
    ];
    expect(r1.instructions).toBe(reviewInstructions());
    expect(r1.input).toHaveLength(3);
    expect(r1.input[0]).toEqual(first.input[0]);
    const context = first.input[1] as MessageItem;
    expect(texts(context)[0]).toContain('Always answer in French.');
    expect(r1.input[1]).toEqual({ ...context, content: context.content.slice(1) });
    expect(r1.input[2]).toEqual({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: COMMIT_PROMPT }],
    });
    const toolNames = (r: ResponsesRequest) =>
      r.tools.map((t) => (t as { name?: string; type: string }).name ?? t.type);
    // The reviewer gets the thread's tools but no image viewing and no hosted web search.
    expect(toolNames(first)).toContain('web_search');
    expect(toolNames(r1)).toEqual(
      toolNames(first).filter((n) => n !== 'view_image' && n !== 'web_search'),
    );
    expect(r1.prompt_cache_key).toBe(thread.id);
    expect(r1.text?.format).toBeUndefined();
    expect(r2.instructions).toBe(reviewInstructions());
    expect(r2.input.slice(0, 3)).toEqual(r1.input);
    expect(r2.input.map((i) => i.type)).toEqual([
      'message',
      'message',
      'message',
      'message',
      'function_call',
      'function_call_output',
    ]);

    // The notifications: entered, the request, the reviewer's work, exited, the answer.
    expect(paramsOf(events, 'turn/started')[0]?.turn.items).toEqual([]);
    expect(itemTimeline(events).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'item/started enteredReviewMode',
      'item/completed enteredReviewMode',
      'item/started userMessage',
      'item/completed userMessage',
      'item/started commandExecution',
      'item/completed commandExecution',
      'item/started exitedReviewMode',
      'item/completed exitedReviewMode',
      'item/started agentMessage',
      'item/completed agentMessage',
    ]);
    const done = items(events, 'item/completed');
    expect(done[0]).toEqual({
      type: 'enteredReviewMode',
      id: turn.id,
      review: 'commit 1234567: Tidy UI colors',
    });
    expect(done[1]).toMatchObject({
      type: 'userMessage',
      content: [{ type: 'text', text: COMMIT_PROMPT, text_elements: [] }],
    });
    expect(done[3]).toEqual({ type: 'exitedReviewMode', id: turn.id, review: RENDERED });
    expect(done[4]).toMatchObject({ type: 'agentMessage', text: RENDERED });
    expect(paramsOf(events, 'item/agentMessage/delta')).toEqual([]);

    // The next turn sees the review's report and answer, not the reviewer's conversation.
    await runUserTurn('fix it');
    const next = requestBodies(h)[3] as ResponsesRequest;
    const tail = next.input.slice(first.input.length + 1);
    expect(tail.map((i) => (i as MessageItem).role)).toEqual(['user', 'assistant', 'user']);
    const report = texts(tail[0])[0] ?? '';
    expect(report).toMatch(
      /^<user_action>\n {2}<context>.+<\/context>\n {2}<action>review<\/action>/,
    );
    expect(report).toContain(`One styling bug.\n\nReview comment:\n\n- [P1] Wrong colour constant`);
    expect(tail[1]).toEqual({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'output_text', text: RENDERED }],
    });
    expect(JSON.stringify(next.input)).not.toContain('echo reviewing');
    expect(JSON.stringify(next.input)).not.toContain(COMMIT_PROMPT);

    // The rollout: the review mode events around the review, the report and answer as items.
    await thread.flushRollout();
    const lines = (await readFile(thread.rolloutPath() ?? '', 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; payload: Record<string, unknown> });
    const events_ = lines.filter((l) => l.type === 'event_msg').map((l) => l.payload);
    expect(events_.find((e) => e['type'] === 'entered_review_mode')).toEqual({
      type: 'entered_review_mode',
      target: { type: 'commit', sha: '1234567deadbeef', title: 'Tidy UI colors' },
      user_facing_hint: 'commit 1234567: Tidy UI colors',
    });
    expect(events_.find((e) => e['type'] === 'exited_review_mode')).toEqual({
      type: 'exited_review_mode',
      review_output: REVIEW_JSON,
    });
    const responseTexts = lines
      .filter((l) => l.type === 'response_item')
      .map((l) => JSON.stringify(l.payload));
    expect(responseTexts.some((t) => t.includes('echo reviewing'))).toBe(false);
    expect(responseTexts.filter((t) => t.includes('Wrong colour constant'))).toHaveLength(2);
  });

  it('shows a final message that is not JSON as it is', async () => {
    h.env.server.enqueue(reply('resp_1', 'Looks good to me, no issues.'));
    const { turn, events } = await review({ type: 'uncommittedChanges' });
    expect(turn.status).toBe('completed');
    const done = items(events, 'item/completed');
    expect(done.map((i) => i.type)).toEqual([
      'enteredReviewMode',
      'userMessage',
      'exitedReviewMode',
      'agentMessage',
    ]);
    expect(done[0]).toMatchObject({ review: 'current changes' });
    expect(done[2]).toMatchObject({ review: 'Looks good to me, no issues.' });
    expect(done[3]).toMatchObject({ text: 'Looks good to me, no issues.' });
  });

  it('exits review mode with the fallback when interrupted', async () => {
    h.env.server.enqueue({ kind: 'hang', events: [responseCreated('resp_1')] });
    const from = log.events.length;
    const turn = thread.startReview({ type: 'custom', instructions: 'Check the parser' });
    expect(() => thread.startReview({ type: 'uncommittedChanges' })).toThrow(ThreadBusyError);
    expect(() => thread.steer(textInput('more'), turn.id)).toThrow(/no running turn to steer/);
    await h.env.server.waitForRequests(1);
    await thread.interrupt(turn.id);
    const { turn: ended, events } = await log.waitForTurnCompleted(turn.id, from);
    expect(ended.status).toBe('interrupted');
    const done = items(events, 'item/completed');
    expect(done.slice(-2)).toEqual([
      { type: 'exitedReviewMode', id: turn.id, review: REVIEW_FALLBACK_MESSAGE },
      expect.objectContaining({ type: 'agentMessage', text: REVIEW_INTERRUPTED_MESSAGE }),
    ]);
  });

  it('refuses empty targets before anything starts', () => {
    expect(() => thread.startReview({ type: 'baseBranch', branch: ' ' })).toThrow(
      InvalidReviewTargetError,
    );
    expect(thread.activeTurnId()).toBeNull();
    expect(log.events).toEqual([]);
  });
});
