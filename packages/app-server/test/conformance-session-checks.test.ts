import { describe, expect, it } from 'vitest';
import { checkClientMessage, checkServerMessage } from './helpers/conformance-checks.js';
import { lifecycleProblems } from './helpers/conformance-order.js';

/**
 * Negative controls for the conformance session's checks: each must refuse a message the
 * protocol forbids, so a green session means the messages were checked, not waved through.
 */

const threadId = '01a20bc2-d122-7a50-802a-4feab33f2fa6';
const turn = (id: string, status: string) => ({
  id,
  items: [],
  status,
  error: null,
  startedAt: 1,
  completedAt: null,
  durationMs: null,
});
const note = (method: string, params: Record<string, unknown>) => ({ method, params });
const item = (id: string) => ({ type: 'agentMessage', id, text: '' });

describe('conformance checks refuse what the protocol forbids', () => {
  it('checks server notifications by method, and their envelope', () => {
    const ok = note('turn/started', { threadId, turn: turn('t1', 'inProgress') });
    expect(checkServerMessage({ ...ok, emittedAtMs: 5 }, undefined)).toEqual([]);
    const bad = note('turn/started', { threadId, turn: turn('t1', 'sleeping') });
    expect(checkServerMessage(bad, undefined)).not.toEqual([]);
    expect(checkServerMessage({ ...ok, jsonrpc: '2.0' }, undefined)).not.toEqual([]);
    expect(checkServerMessage({ ...ok, emittedAtMs: 'now' }, undefined)).not.toEqual([]);
    expect(checkServerMessage(note('turn/teleported', {}), undefined)).not.toEqual([]);
  });

  it('checks responses against the method they answer, and error envelopes', () => {
    expect(checkServerMessage({ id: 'a', result: { data: 'none' } }, 'thread/list')).not.toEqual(
      [],
    );
    expect(checkServerMessage({ id: 'a', result: {} }, 'thread/start')).not.toEqual([]);
    expect(checkServerMessage({ id: 'a', result: {} }, undefined)).not.toEqual([]);
    expect(
      checkServerMessage({ id: null, error: { code: -32700, message: 'x' } }, undefined),
    ).toEqual([]);
    expect(
      checkServerMessage({ id: 'a', error: { code: 'x', message: 1 } }, 'thread/list'),
    ).toEqual(['error.code is not an integer', 'error.message is not a string']);
  });

  it('checks server requests and the answers to them', () => {
    const request = { id: 0, method: 'item/commandExecution/requestApproval', params: {} };
    expect(checkServerMessage(request, undefined)).not.toEqual([]);
    expect(checkServerMessage({ ...request, method: 'item/mind/read' }, undefined)).not.toEqual([]);
    const method = request.method;
    expect(checkClientMessage({ id: 0, result: { decision: 'accept' } }, method)).toEqual([]);
    expect(checkClientMessage({ id: 0, result: { decision: 'maybe' } }, method)).not.toEqual([]);
  });

  it('checks client requests and notifications', () => {
    const list = { id: 'c-1', method: 'thread/list', params: {} };
    expect(checkClientMessage(list)).toEqual([]);
    expect(checkClientMessage({ ...list, params: { limit: 'ten' } })).not.toEqual([]);
    expect(checkClientMessage({ ...list, id: 1.5 })).not.toEqual([]);
    expect(checkClientMessage({ method: 'initialized' })).toEqual([]);
    expect(checkClientMessage({ method: 'exit' })).not.toEqual([]);
  });

  it('finds misordered and duplicated lifecycle notifications', () => {
    const started = note('turn/started', { threadId, turn: turn('t1', 'inProgress') });
    const done = note('turn/completed', { threadId, turn: turn('t1', 'completed') });
    const itemStarted = note('item/started', { threadId, turnId: 't1', item: item('i1') });
    const itemDone = note('item/completed', { threadId, turnId: 't1', item: item('i1') });
    const delta = note('item/agentMessage/delta', {
      threadId,
      turnId: 't1',
      itemId: 'i1',
      delta: 'x',
    });
    expect(lifecycleProblems([started, itemStarted, delta, itemDone, done])).toEqual([]);
    for (const wrong of [
      [itemStarted, started, itemDone, done],
      [started, itemDone, itemStarted, done],
      [started, itemStarted, itemDone, delta, done],
      [started, itemStarted, itemDone, itemDone, done],
      [started, itemStarted, done],
      [started, itemStarted, itemDone, done, done],
      [started, started, done],
    ]) {
      expect(lifecycleProblems(wrong)).not.toEqual([]);
    }
  });
});
