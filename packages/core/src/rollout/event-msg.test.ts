import { describe, expect, it } from 'vitest';
import { KNOWN_EVENT_TYPES, eventMsgSchemas, parseEventMsg } from './event-msg.js';

describe('event_msg schemas', () => {
  it('KNOWN_EVENT_TYPES lists exactly the modelled events', () => {
    expect([...KNOWN_EVENT_TYPES].sort()).toEqual(Object.keys(eventMsgSchemas().known).sort());
  });

  it('builds the schemas once', () => {
    expect(eventMsgSchemas()).toBe(eventMsgSchemas());
  });

  it('validates known events, reads aliases, and keeps unknown ones', () => {
    expect(parseEventMsg({ type: 'turn_started', turn_id: 't1' })).toEqual({
      ok: true,
      event: { type: 'task_started', turn_id: 't1' },
    });
    expect(parseEventMsg({ type: 'exec_command_end', call_id: 'c' })).toEqual({
      ok: true,
      event: { type: 'exec_command_end', call_id: 'c' },
    });
    expect(parseEventMsg({ type: 'agent_message' }).ok).toBe(false);
    expect(parseEventMsg({ message: 'no type' }).ok).toBe(false);
  });
});
