import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';

import { keyEvent } from '../input/key-event.js';
import { handleComposerKey } from './composer-keys.js';
import { initialComposerState, setPersistentHistory } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { handlePaste } from './paste.js';

function press(state: ComposerState, input: string, flags: Partial<Key> = {}): ComposerKeyResult {
  return handleComposerKey(state, keyEvent(input, flags));
}

function type(state: ComposerState, text: string): ComposerState {
  let next = state;
  for (const ch of text) next = press(next, ch).state;
  return next;
}

const up = (s: ComposerState) => press(s, '', { upArrow: true }).state;
const down = (s: ComposerState) => press(s, '', { downArrow: true }).state;
const enter = (s: ComposerState) => press(s, '\r', { return: true });
const ctrlR = (s: ComposerState) => press(s, 'r', { ctrl: true }).state;

describe('history walk', () => {
  it('walks persistent entries then session submissions, newest first', () => {
    let s = initialComposerState({ history: ['p1', 'p2'] });
    s = enter(type(s, 's1')).state;
    s = up(s);
    expect(s.buffer.text).toBe('s1');
    s = up(s);
    expect(s.buffer.text).toBe('p2');
    s = up(s);
    expect(s.buffer.text).toBe('p1');
    expect(press(s, '', { upArrow: true }).handled).toBe(false);
    s = down(s);
    expect(s.buffer.text).toBe('p2');
  });

  it('keeps the draft while browsing and restores it past the newest entry', () => {
    let s = type(initialComposerState({ history: ['old one', 'old two'] }), 'my draft');
    s = up(up(s));
    expect(s.buffer.text).toBe('old one');
    // Editing a recalled entry does not replace the draft.
    s = type(s, '!!');
    s = down(s);
    expect(s.buffer.text).toBe('old two');
    s = down(s);
    expect(s.buffer.text).toBe('my draft');
    expect(s.buffer.cursor).toBe('my draft'.length);
    expect(press(s, '', { downArrow: true }).handled).toBe(false);
  });

  it('supports Ctrl+P / Ctrl+N', () => {
    let s = initialComposerState({ history: ['a', 'b'] });
    s = press(s, 'p', { ctrl: true }).state;
    expect(s.buffer.text).toBe('b');
    s = press(s, 'n', { ctrl: true }).state;
    expect(s.buffer.text).toBe('');
  });

  it('does not record a submission twice in a row', () => {
    let s = initialComposerState();
    s = enter(type(s, 'same')).state;
    s = enter(type(s, 'same')).state;
    expect(s.history.session.map((entry) => entry.text)).toEqual(['same']);
  });

  it('puts the cursor at the end of the first line of a multi-line entry so Up keeps going', () => {
    let s = initialComposerState({ history: ['older', 'line 1\nline 2'] });
    s = up(s);
    expect(s.buffer.cursor).toBe('line 1'.length);
    s = up(s);
    expect(s.buffer.text).toBe('older');
  });

  it('recalls a session entry with its paste placeholder intact', () => {
    let s = handlePaste(initialComposerState(), 'x'.repeat(1500)).state;
    s = enter(s).state;
    s = up(s);
    expect(s.buffer.text).toBe('[Pasted Content 1500 chars]');
    const result = enter(s);
    expect(result.effect).toEqual({ type: 'submit', text: 'x'.repeat(1500), images: [] });
  });

  it('accepts the persistent history later (setPersistentHistory)', () => {
    const s = setPersistentHistory(initialComposerState(), ['from disk']);
    expect(up(s).buffer.text).toBe('from disk');
  });
});

describe('Ctrl+R history search', () => {
  const history = ['git status', 'npm test', 'git commit -m "fix"', 'ls'];

  it('previews the newest match, Ctrl+R finds older ones, Enter accepts', () => {
    let s = type(initialComposerState({ history }), 'draft');
    s = ctrlR(s);
    expect(s.search).toMatchObject({ query: '', status: 'idle' });
    expect(s.buffer.text).toBe('draft');
    s = type(s, 'git');
    expect(s.search).toMatchObject({ query: 'git', status: 'match' });
    expect(s.buffer.text).toBe('git commit -m "fix"');
    s = ctrlR(s);
    expect(s.buffer.text).toBe('git status');
    // No older match: stays on the oldest one.
    s = ctrlR(s);
    expect(s.buffer.text).toBe('git status');
    // Down / Ctrl+S go back to newer matches.
    s = press(s, 's', { ctrl: true }).state;
    expect(s.buffer.text).toBe('git commit -m "fix"');
    const accepted = enter(s);
    expect(accepted.effect).toBeUndefined();
    expect(accepted.state.search).toBeNull();
    expect(accepted.state.buffer).toEqual({ text: 'git commit -m "fix"', cursor: 19 });
  });

  it('Esc cancels and restores the draft', () => {
    let s = type(initialComposerState({ history }), 'draft');
    s = type(ctrlR(s), 'npm');
    expect(s.buffer.text).toBe('npm test');
    const cancelled = press(s, '', { escape: true });
    expect(cancelled.handled).toBe(true);
    expect(cancelled.state.search).toBeNull();
    expect(cancelled.state.buffer).toEqual({ text: 'draft', cursor: 5 });
  });

  it('shows no match and restores the draft when nothing matches; Backspace edits the query', () => {
    let s = type(initialComposerState({ history }), 'draft');
    s = type(ctrlR(s), 'lsx');
    expect(s.search?.status).toBe('no-match');
    expect(s.buffer.text).toBe('draft');
    expect(enter(s).state.search).not.toBeNull();
    s = press(s, '', { backspace: true }).state;
    expect(s.search).toMatchObject({ query: 'ls', status: 'match' });
    expect(s.buffer.text).toBe('ls');
  });

  it('is case-insensitive and skips duplicates of the current match', () => {
    let s = initialComposerState({ history: ['Deploy', 'deploy', 'Deploy'] });
    s = type(ctrlR(s), 'DEP');
    expect(s.search?.match).toBe(2);
    s = ctrlR(s);
    expect(s.search?.match).toBe(1);
  });

  it('takes all keys while active and sends pastes to the query', () => {
    let s = ctrlR(initialComposerState({ history }));
    expect(press(s, 't', { ctrl: true }).handled).toBe(true);
    s = handlePaste(s, 'commit').state;
    expect(s.search?.query).toBe('commit');
    expect(s.buffer.text).toBe('git commit -m "fix"');
    s = press(s, 'u', { ctrl: true }).state;
    expect(s.search).toMatchObject({ query: '', status: 'idle' });
  });
});
