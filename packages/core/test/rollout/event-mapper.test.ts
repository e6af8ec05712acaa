import type { CoreEvent, Turn } from '@codex-ts/protocol';
import { describe, expect, it } from 'vitest';
import { responseRolloutItems, rolloutItemsForEvent } from '../../src/rollout/event-mapper.js';
import {
  rolloutSandboxPolicy,
  rolloutSessionSource,
  sessionSourceFromRollout,
} from '../../src/rollout/rollout-conversions.js';
import { isPersistedRolloutItem } from '../../src/rollout/rollout-policy.js';

const T = { threadId: 'th', turnId: 'tu' };

function turn(overrides: Partial<Turn>): Turn {
  return {
    id: 'tu',
    items: [],
    status: 'completed',
    error: null,
    startedAt: 1760433200,
    completedAt: 1760433260,
    durationMs: 60000,
    ...overrides,
  };
}

function payloads(event: CoreEvent, options = {}): unknown[] {
  return rolloutItemsForEvent(event, options).map((item) => {
    expect(item.type).toBe('event_msg');
    return item.payload;
  });
}

describe('rolloutItemsForEvent', () => {
  it('maps turn start and the three endings', () => {
    const started = turn({ status: 'inProgress', completedAt: null, durationMs: null });
    expect(
      payloads(
        { method: 'turn/started', params: { threadId: 'th', turn: started } },
        {
          modelContextWindow: 272000,
        },
      ),
    ).toEqual([
      {
        type: 'task_started',
        turn_id: 'tu',
        started_at: 1760433200,
        model_context_window: 272000,
        collaboration_mode_kind: 'default',
      },
    ]);
    const answered = turn({ items: [{ type: 'agentMessage', id: 'm', text: 'all done' }] });
    expect(
      payloads({ method: 'turn/completed', params: { threadId: 'th', turn: answered } }),
    ).toEqual([
      {
        type: 'task_complete',
        turn_id: 'tu',
        last_agent_message: 'all done',
        completed_at: 1760433260,
        duration_ms: 60000,
      },
    ]);
    expect(
      payloads(
        { method: 'turn/completed', params: { threadId: 'th', turn: turn({ status: 'failed' }) } },
        { lastAgentMessage: 'partial' },
      ),
    ).toMatchObject([{ type: 'task_complete', last_agent_message: 'partial' }]);
    expect(
      payloads({
        method: 'turn/completed',
        params: { threadId: 'th', turn: turn({ status: 'interrupted' }) },
      }),
    ).toEqual([
      {
        type: 'turn_aborted',
        turn_id: 'tu',
        reason: 'interrupted',
        completed_at: 1760433260,
        duration_ms: 60000,
      },
    ]);
  });

  it('maps completed user, agent, reasoning and compaction items', () => {
    const completed = (item: Extract<CoreEvent, { method: 'item/completed' }>['params']['item']) =>
      ({ method: 'item/completed', params: { ...T, item, completedAtMs: 0 } }) as CoreEvent;
    expect(
      payloads(
        completed({
          type: 'userMessage',
          id: 'u',
          content: [
            { type: 'text', text: 'héllo ', text_elements: [] },
            { type: 'image', url: 'https://img/1.png' },
            {
              type: 'text',
              text: '@file',
              text_elements: [{ byteRange: { start: 0, end: 5 }, placeholder: '@file' }],
            },
            { type: 'localImage', path: '/tmp/shot.png' },
          ],
        }),
      ),
    ).toEqual([
      {
        type: 'user_message',
        message: 'héllo @file',
        images: ['https://img/1.png'],
        local_images: ['/tmp/shot.png'],
        text_elements: [{ byte_range: { start: 7, end: 12 }, placeholder: '@file' }],
      },
    ]);
    expect(payloads(completed({ type: 'agentMessage', id: 'a', text: 'hi' }))).toEqual([
      { type: 'agent_message', message: 'hi', phase: null, memory_citation: null },
    ]);
    const reasoning = completed({
      type: 'reasoning',
      id: 'r',
      summary: ['s1', 's2'],
      content: ['raw'],
    });
    expect(payloads(reasoning)).toEqual([
      { type: 'agent_reasoning', text: 's1' },
      { type: 'agent_reasoning', text: 's2' },
    ]);
    expect(payloads(reasoning, { includeRawReasoning: true })).toContainEqual({
      type: 'agent_reasoning_raw_content',
      text: 'raw',
    });
    expect(payloads(completed({ type: 'contextCompaction', id: 'c' }))).toEqual([
      { type: 'context_compacted' },
    ]);
    expect(payloads(completed({ type: 'webSearch', id: 'w', query: 'q' }))).toEqual([]);
  });

  it('maps token usage to token_count with Rust field names', () => {
    const breakdown = (n: number) => ({
      totalTokens: n,
      inputTokens: n,
      cachedInputTokens: 1,
      cacheWriteInputTokens: 0,
      outputTokens: 0,
      reasoningOutputTokens: 0,
    });
    const event: CoreEvent = {
      method: 'thread/tokenUsage/updated',
      params: {
        ...T,
        tokenUsage: { total: breakdown(50), last: breakdown(20), modelContextWindow: 1000 },
      },
    };
    expect(payloads(event)).toEqual([
      {
        type: 'token_count',
        info: {
          total_token_usage: {
            input_tokens: 50,
            cached_input_tokens: 1,
            output_tokens: 0,
            reasoning_output_tokens: 0,
            total_tokens: 50,
          },
          last_token_usage: {
            input_tokens: 20,
            cached_input_tokens: 1,
            output_tokens: 0,
            reasoning_output_tokens: 0,
            total_tokens: 20,
          },
          model_context_window: 1000,
        },
        rate_limits: null,
      },
    ]);
  });

  it('maps final errors (persisted in extended mode only) and ignores retried ones', () => {
    const error = (willRetry: boolean): CoreEvent => ({
      method: 'error',
      params: {
        ...T,
        willRetry,
        error: {
          message: 'stream cut',
          codexErrorInfo: { responseStreamDisconnected: { httpStatusCode: 502 } },
          additionalDetails: null,
        },
      },
    });
    expect(rolloutItemsForEvent(error(true))).toEqual([]);
    const items = rolloutItemsForEvent(error(false));
    expect(items.map((item) => item.payload)).toEqual([
      {
        type: 'error',
        message: 'stream cut',
        codex_error_info: { response_stream_disconnected: { http_status_code: 502 } },
      },
    ]);
    expect(isPersistedRolloutItem(items[0]!)).toBe(false);
    expect(isPersistedRolloutItem(items[0]!, 'extended')).toBe(true);
  });

  it('maps nothing for deltas and status changes', () => {
    expect(
      rolloutItemsForEvent({
        method: 'item/agentMessage/delta',
        params: { ...T, itemId: 'i', delta: 'x' },
      }),
    ).toEqual([]);
    expect(
      rolloutItemsForEvent({
        method: 'thread/status/changed',
        params: { threadId: 'th', status: { type: 'idle' } },
      }),
    ).toEqual([]);
  });
});

describe('conversions and policy', () => {
  it('converts sources and sandbox policies to the on-disk shapes', () => {
    expect(rolloutSessionSource('appServer')).toBe('mcp');
    expect(sessionSourceFromRollout('mcp')).toBe('appServer');
    expect(sessionSourceFromRollout(undefined)).toBe('vscode');
    expect(sessionSourceFromRollout({ subagent: 'review' })).toBe('unknown');
    expect(rolloutSandboxPolicy({ type: 'readOnly', networkAccess: false })).toEqual({
      type: 'read-only',
    });
    expect(
      rolloutSandboxPolicy({
        type: 'workspaceWrite',
        writableRoots: [],
        networkAccess: true,
        excludeTmpdirEnvVar: false,
        excludeSlashTmp: true,
      }),
    ).toEqual({
      type: 'workspace-write',
      network_access: true,
      exclude_tmpdir_env_var: false,
      exclude_slash_tmp: true,
    });
  });

  it('persists the Rust response item kinds and nothing else', () => {
    const [message, other] = responseRolloutItems([
      { type: 'message', role: 'user', content: [] },
      { type: 'item_reference' },
    ]);
    expect(isPersistedRolloutItem(message!)).toBe(true);
    expect(isPersistedRolloutItem(other!)).toBe(false);
    expect(
      isPersistedRolloutItem({
        type: 'event_msg',
        payload: { type: 'item_completed', item: { type: 'Plan', id: 'p', text: '1.' } },
      }),
    ).toBe(true);
  });
});
