import { describe, expect, it } from 'vitest';
import {
  buildCompactedHistory,
  collectUserMessages,
  isContextualUserMessage,
} from '../../src/rollout/compacted-history.js';
import { dropLastUserTurns, reconstructHistory } from '../../src/rollout/reconstruct-history.js';
import type { RolloutItem } from '../../src/rollout/rollout-line.js';
import type { RolloutResponseItem } from '../../src/rollout/rollout-schemas.js';
import { assistantText, tokenCount, turnContext, userEvent, userText } from './rollout-helpers.js';

const SUMMARY_PREFIX =
  'You are resuming an in-progress task after context compaction. Here is the summary:\n';

function texts(history: readonly RolloutResponseItem[]): string[] {
  return history.map((item) => {
    const content = (item as { content?: Array<{ text?: string }> }).content;
    return `${(item as { role?: string }).role ?? item.type}:${content?.[0]?.text ?? ''}`;
  });
}

function payloads(items: RolloutItem[]): RolloutResponseItem[] {
  return items.flatMap((item) => (item.type === 'response_item' ? [item.payload] : []));
}

const ENV = userText('<environment_context>\n  <cwd>/w</cwd>\n</environment_context>');

describe('reconstructHistory and compaction', () => {
  it('replaces the history with replacement_history', () => {
    const replacement = payloads([userText('first ask'), userText(`${SUMMARY_PREFIX}S1`)]);
    const thread = reconstructHistory([
      userEvent('first ask'),
      userText('first ask'),
      assistantText('long answer'),
      { type: 'compacted', payload: { message: 'S1', replacement_history: replacement } },
      userEvent('second ask'),
      userText('second ask'),
      assistantText('ok'),
    ]);
    expect(texts(thread.history)).toEqual([
      'user:first ask',
      `user:${SUMMARY_PREFIX}S1`,
      'user:second ask',
      'assistant:ok',
    ]);
    expect(thread.userTurnCount).toBe(2);
  });

  it('rebuilds a summary-only compaction: context, real user messages, summary', () => {
    const initialContext = payloads([ENV]);
    const thread = reconstructHistory(
      [
        ENV,
        userText('first ask'),
        assistantText('answer 1'),
        userText('second ask'),
        assistantText('answer 2'),
        { type: 'compacted', payload: { message: `${SUMMARY_PREFIX}S1` } },
        userText('third ask'),
        { type: 'compacted', payload: { message: `${SUMMARY_PREFIX}S2` } },
      ],
      { initialContext },
    );
    // The first summary is not carried as a user message into the second rebuild.
    expect(texts(thread.history)).toEqual([
      'user:<environment_context>\n  <cwd>/w</cwd>\n</environment_context>',
      'user:first ask',
      'user:second ask',
      'user:third ask',
      `user:${SUMMARY_PREFIX}S2`,
    ]);
  });

  it('keeps only the newest user messages that fit the token budget', () => {
    const history = buildCompactedHistory(
      [],
      ['a'.repeat(400), 'b'.repeat(40), 'c'.repeat(40)],
      '',
      30,
    );
    const result = texts(history);
    expect(result).toHaveLength(4);
    expect(result[0]).toMatch(/^user:a.*truncated/s);
    expect(result[0]!.length).toBeLessThan(400);
    expect(result.slice(1)).toEqual([
      `user:${'b'.repeat(40)}`,
      `user:${'c'.repeat(40)}`,
      'user:(no summary available)',
    ]);
  });

  it('recognises context messages', () => {
    const agents = payloads([
      userText('# AGENTS.md instructions for /w\n\n<INSTRUCTIONS>\nbe nice\n</INSTRUCTIONS>'),
    ])[0]!;
    expect(isContextualUserMessage(agents)).toBe(true);
    expect(isContextualUserMessage(payloads([ENV])[0]!)).toBe(true);
    expect(isContextualUserMessage(payloads([userText('hello')])[0]!)).toBe(false);
    expect(collectUserMessages(payloads([ENV, userText('hi'), assistantText('yo')]))).toEqual([
      'hi',
    ]);
  });

  it('applies thread rollbacks to history and turn count', () => {
    const thread = reconstructHistory([
      ENV,
      userEvent('one'),
      userText('one'),
      assistantText('r1'),
      userEvent('two'),
      userText('two'),
      assistantText('r2'),
      userEvent('three'),
      userText('three'),
      { type: 'event_msg', payload: { type: 'thread_rolled_back', num_turns: 2 } },
    ]);
    expect(texts(thread.history)).toEqual([
      'user:<environment_context>\n  <cwd>/w</cwd>\n</environment_context>',
      'user:one',
      'assistant:r1',
    ]);
    expect(thread.userTurnCount).toBe(1);
    expect(texts(dropLastUserTurns(thread.history, 5))).toEqual([
      'user:<environment_context>\n  <cwd>/w</cwd>\n</environment_context>',
    ]);
  });

  it('reports the last token usage, turn context and thread name', () => {
    const thread = reconstructHistory([
      turnContext({ model: 'old-model' }),
      tokenCount(100, 100),
      { type: 'event_msg', payload: { type: 'token_count', info: null, rate_limits: null } },
      turnContext({ model: 'new-model', effort: 'high' }),
      tokenCount(300, 200),
      {
        type: 'event_msg',
        payload: { type: 'thread_name_updated', thread_id: 't', thread_name: 'bugfix' },
      },
    ]);
    expect(thread.tokenUsage?.total_token_usage.total_tokens).toBe(300);
    expect(thread.tokenUsage?.last_token_usage.total_tokens).toBe(200);
    expect(thread.lastTurnContext).toMatchObject({ model: 'new-model', effort: 'high' });
    expect(thread.threadName).toBe('bugfix');
  });

  it('derives the preview from user messages when there are no user events', () => {
    const thread = reconstructHistory([
      ENV,
      userText('## My request for Codex:\n  explain this repo '),
      assistantText('sure'),
      userText('thanks'),
    ]);
    expect(thread.firstUserMessage).toBe('explain this repo');
    expect(thread.userTurnCount).toBe(2);
  });

  it('leaves out ghost snapshots and system messages', () => {
    const thread = reconstructHistory([
      { type: 'response_item', payload: { type: 'ghost_snapshot', ghost_commit: { id: 'x' } } },
      {
        type: 'response_item',
        payload: { type: 'message', role: 'system', content: [{ type: 'input_text', text: 's' }] },
      },
      userText('hi'),
    ]);
    expect(texts(thread.history)).toEqual(['user:hi']);
  });
});
