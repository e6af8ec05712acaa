import { describe, expect, it } from 'vitest';
import type { ThreadItem, Turn } from '@codex-ts/protocol';
import { dropRolledBackTurns } from './rolled-back-turns.js';
import { planRevert, RevertUnavailableError, TurnNotFoundError } from './thread-revert.js';

function user(id: string): ThreadItem {
  return { type: 'userMessage', id, content: [{ type: 'text', text: id, text_elements: [] }] };
}

function turn(id: string, users: number): Turn {
  const items: ThreadItem[] = [];
  for (let i = 0; i < users; i++) items.push(user(`${id}-u${String(i)}`));
  items.push({ type: 'agentMessage', id: `${id}-a`, text: 'ok' });
  return {
    id,
    items,
    status: 'completed',
    error: null,
    startedAt: null,
    completedAt: null,
    durationMs: null,
  };
}

describe('planRevert', () => {
  it('counts the user messages of the dropped turns (steered input counts too)', () => {
    const turns = [turn('t1', 1), turn('t2', 2), turn('t3', 1)];
    expect(planRevert(turns, 't2')).toEqual({ droppedTurnIds: ['t2', 't3'], numTurns: 3 });
    expect(planRevert(turns, 't3')).toEqual({ droppedTurnIds: ['t3'], numTurns: 1 });
  });

  it('refuses an unknown turn and turns without user input', () => {
    expect(() => planRevert([turn('t1', 1)], 'nope')).toThrow(TurnNotFoundError);
    expect(() => planRevert([turn('t1', 1), turn('t2', 0)], 't2')).toThrow(RevertUnavailableError);
  });
});

describe('dropRolledBackTurns', () => {
  it('drops the last turns holding num_turns user messages', () => {
    const turns = [turn('t1', 1), turn('t2', 2), turn('t3', 1)];
    dropRolledBackTurns(turns, 3);
    expect(turns.map((t) => t.id)).toEqual(['t1']);
  });

  it('drops everything when asked for more than there is', () => {
    const turns = [turn('t1', 1), turn('t2', 1)];
    dropRolledBackTurns(turns, 5);
    expect(turns).toEqual([]);
  });

  it('keeps everything for zero', () => {
    const turns = [turn('t1', 1)];
    dropRolledBackTurns(turns, 0);
    expect(turns.map((t) => t.id)).toEqual(['t1']);
  });
});
