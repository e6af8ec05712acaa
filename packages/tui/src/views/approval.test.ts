import {
  CommandExecutionRequestApprovalResponseSchema,
  FileChangeRequestApprovalResponseSchema,
} from '@codex-ts/protocol';
import { describe, expect, it } from 'vitest';
import {
  handleApprovalKey,
  handleApprovalPaste,
  initialApprovalState,
  type ApprovalState,
} from './approval.js';
import { execRequest, patchRequest } from './approval-fixtures.js';
import { key, typeText } from './test-helpers.js';

const amended = execRequest({ proposedExecpolicyAmendment: ['npm', 'install'] });

function labels(state: ApprovalState): string[] {
  return state.options.items.map((i) => i.label);
}

describe('approval state', () => {
  it('offers the command choices, with the prefix one only when proposed', () => {
    expect(labels(initialApprovalState(execRequest()))).toEqual([
      'Yes, proceed (y)',
      "Yes, and don't ask again for this command (a)",
      'No, and tell Codex what to do differently (n)',
    ]);
    expect(labels(initialApprovalState(amended))[2]).toBe(
      "Yes, and don't ask again for commands that start with `npm install` (p)",
    );
    expect(labels(initialApprovalState(patchRequest()))).toEqual([
      'Yes, proceed (y)',
      "Yes, and don't ask again for these files (a)",
      'No, and tell Codex what to do differently (n)',
    ]);
  });

  it('answers with the exact decision for each shortcut', () => {
    const s = initialApprovalState(amended);
    const decision = (c: string): unknown => {
      const effect = handleApprovalKey(s, key.char(c)).effect;
      return effect?.response.decision;
    };
    expect(decision('y')).toBe('accept');
    expect(decision('a')).toBe('acceptForSession');
    expect(decision('p')).toEqual({
      acceptWithExecpolicyAmendment: { execpolicy_amendment: ['npm', 'install'] },
    });
    for (const c of ['y', 'a', 'p']) {
      const effect = handleApprovalKey(s, key.char(c)).effect;
      expect(effect?.method).toBe('item/commandExecution/requestApproval');
      expect(
        CommandExecutionRequestApprovalResponseSchema.safeParse(effect?.response).success,
      ).toBe(true);
    }
  });

  it('p does nothing without a proposed amendment', () => {
    const r = handleApprovalKey(initialApprovalState(execRequest()), key.char('p'));
    expect(r.effect).toBeUndefined();
    expect(r.handled).toBe(false);
  });

  it('Esc cancels; Enter picks the highlighted choice; digits pick directly', () => {
    const s = initialApprovalState(patchRequest());
    const cancel = handleApprovalKey(s, key.esc).effect;
    expect(cancel).toEqual({
      type: 'answer',
      method: 'item/fileChange/requestApproval',
      response: { decision: 'cancel' },
      feedback: null,
    });
    expect(FileChangeRequestApprovalResponseSchema.safeParse(cancel?.response).success).toBe(true);
    expect(handleApprovalKey(s, key.enter).effect?.response.decision).toBe('accept');
    const down = handleApprovalKey(s, key.down).state;
    expect(handleApprovalKey(down, key.enter).effect?.response.decision).toBe('acceptForSession');
    expect(handleApprovalKey(s, key.char('2')).effect?.response.decision).toBe('acceptForSession');
  });

  it('n opens the feedback box; Enter declines with the text', () => {
    let s = handleApprovalKey(initialApprovalState(execRequest()), key.char('n')).state;
    expect(s.mode).toBe('feedback');
    s = typeText(s, 'use pnpm', handleApprovalKey);
    s = handleApprovalPaste(s, ' instead');
    const r = handleApprovalKey(s, key.enter);
    expect(r.effect).toEqual({
      type: 'answer',
      method: 'item/commandExecution/requestApproval',
      response: { decision: 'decline' },
      feedback: 'use pnpm instead',
    });
  });

  it('feedback: y/n are text, Esc goes back, empty feedback is null', () => {
    let s = handleApprovalKey(initialApprovalState(patchRequest()), key.char('n')).state;
    s = typeText(s, 'yn', handleApprovalKey);
    expect(s.mode).toBe('feedback');
    const back = handleApprovalKey(s, key.esc).state;
    expect(back.mode).toBe('choose');
    const again = handleApprovalKey(back, key.char('n')).state;
    expect(handleApprovalKey(again, key.ctrl('u')).state.feedback.chars).toEqual([]);
    const empty = handleApprovalKey(handleApprovalKey(again, key.ctrl('u')).state, key.enter);
    expect(empty.effect?.feedback).toBeNull();
    expect(empty.effect?.response.decision).toBe('decline');
    expect(handleApprovalKey(s, key.ctrl('c')).handled).toBe(false);
  });

  it('e toggles the full view', () => {
    const s = initialApprovalState(patchRequest());
    expect(handleApprovalKey(s, key.char('e')).state.expanded).toBe(true);
  });
});
