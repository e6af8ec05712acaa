import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';

import { keyEvent } from '../input/key-event.js';
import { handleComposerKey } from './composer-keys.js';
import { initialComposerState, setComposerText, setTaskRunning } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';

function press(state: ComposerState, input: string, flags: Partial<Key> = {}): ComposerKeyResult {
  return handleComposerKey(state, keyEvent(input, flags));
}

function type(state: ComposerState, text: string): ComposerState {
  let next = state;
  for (const ch of text) next = press(next, ch).state;
  return next;
}

function show(state: ComposerState): string {
  const { text, cursor } = state.buffer;
  return `${text.slice(0, cursor)}|${text.slice(cursor)}`;
}

const ctrl = (letter: string) => [letter, { ctrl: true }] as const;
const alt = (letter: string) => [letter, { meta: true }] as const;

describe('composer editing keys', () => {
  it('types characters, including multi-byte ones', () => {
    expect(show(type(initialComposerState(), 'héllo 漢字 😀'))).toBe('héllo 漢字 😀|');
  });

  it('moves with Ctrl+A/E/B/F, Home/End and arrows', () => {
    let s = type(initialComposerState(), 'hello world');
    s = press(s, ...ctrl('a')).state;
    expect(show(s)).toBe('|hello world');
    s = press(s, ...ctrl('f')).state;
    s = press(s, '', { rightArrow: true }).state;
    expect(show(s)).toBe('he|llo world');
    s = press(s, ...ctrl('b')).state;
    s = press(s, '', { leftArrow: true }).state;
    expect(show(s)).toBe('|hello world');
    s = press(s, ...ctrl('e')).state;
    expect(show(s)).toBe('hello world|');
    s = press(s, '', { home: true }).state;
    expect(show(s)).toBe('|hello world');
    s = press(s, '', { end: true }).state;
    expect(show(s)).toBe('hello world|');
  });

  it('moves by words with Alt+B/F and Ctrl/Alt+arrows', () => {
    let s = type(initialComposerState(), 'one two three');
    s = press(s, ...alt('b')).state;
    expect(show(s)).toBe('one two |three');
    s = press(s, '', { leftArrow: true, ctrl: true }).state;
    expect(show(s)).toBe('one |two three');
    s = press(s, ...alt('f')).state;
    expect(show(s)).toBe('one two| three');
    s = press(s, '', { rightArrow: true, meta: true }).state;
    expect(show(s)).toBe('one two three|');
  });

  it('kills with Ctrl+K / Ctrl+U / Ctrl+W / Alt+Backspace and yanks with Ctrl+Y', () => {
    let s = type(initialComposerState(), 'git commit -m msg');
    s = press(s, ...ctrl('w')).state;
    expect(show(s)).toBe('git commit -m |');
    s = press(s, ...ctrl('y')).state;
    expect(show(s)).toBe('git commit -m msg|');
    s = press(s, '', { backspace: true, meta: true }).state;
    expect(show(s)).toBe('git commit -m |');
    s = press(s, ...ctrl('a')).state;
    s = press(s, ...alt('f')).state;
    s = press(s, ...ctrl('k')).state;
    expect(show(s)).toBe('git|');
    expect(s.killBuffer.text).toBe(' commit -m ');
    s = press(s, ...ctrl('u')).state;
    expect(show(s)).toBe('|');
    s = press(s, ...ctrl('y')).state;
    expect(show(s)).toBe('git|');
  });

  it('deletes with Backspace, Ctrl+H, Delete and Ctrl+D', () => {
    let s = type(initialComposerState(), 'abcd');
    s = press(s, '', { backspace: true }).state;
    s = press(s, ...ctrl('h')).state;
    expect(show(s)).toBe('ab|');
    s = press(s, ...ctrl('a')).state;
    s = press(s, '', { delete: true }).state;
    expect(show(s)).toBe('|b');
    const result = press(s, ...ctrl('d'));
    expect(result.handled).toBe(true);
    expect(show(result.state)).toBe('|');
  });

  it('inserts a newline with Shift+Enter, Alt+Enter, Ctrl+J (both encodings)', () => {
    let s = type(initialComposerState(), 'a');
    s = press(s, '\r', { return: true, shift: true }).state;
    s = type(s, 'b');
    s = press(s, '\r', { return: true, meta: true }).state;
    s = type(s, 'c');
    s = press(s, '\n').state;
    s = type(s, 'd');
    s = press(s, ...ctrl('j')).state;
    expect(show(s)).toBe('a\nb\nc\nd\n|');
  });

  it('treats multi-character input as a paste (carriage returns become newlines)', () => {
    const s = press(initialComposerState(), 'line one\rline two').state;
    expect(s.buffer.text).toBe('line one\nline two');
  });
});

describe('composer effects', () => {
  it('submits on Enter and clears the composer', () => {
    const s = type(initialComposerState(), '  explain this  ');
    const result = press(s, '\r', { return: true });
    expect(result.effect).toEqual({ type: 'submit', text: 'explain this', images: [] });
    expect(result.state.buffer.text).toBe('');
  });

  it('does nothing for an empty or blank submit', () => {
    const empty = press(initialComposerState(), '\r', { return: true });
    expect(empty).toMatchObject({ handled: true });
    expect(empty.effect).toBeUndefined();
    const blank = press(type(initialComposerState(), '   '), '\r', { return: true });
    expect(blank.effect).toBeUndefined();
  });

  it('runs !cmd as a shell command', () => {
    const result = press(type(initialComposerState(), '!ls -la'), '\r', { return: true });
    expect(result.effect).toEqual({ type: 'shell', command: 'ls -la' });
  });

  it('queues with Tab while a task runs; Tab is unhandled otherwise', () => {
    const idle = type(initialComposerState(), 'next step');
    expect(press(idle, '', { tab: true }).handled).toBe(false);
    const running = setTaskRunning(idle, true);
    const result = press(running, '', { tab: true });
    expect(result.effect).toEqual({ type: 'queue', text: 'next step', images: [] });
    expect(result.state.buffer.text).toBe('');
    expect(press(result.state, '', { tab: true }).effect).toBeUndefined();
  });

  it('Enter still submits while a task runs', () => {
    const s = setTaskRunning(type(initialComposerState(), 'steer'), true);
    expect(press(s, '\r', { return: true }).effect).toMatchObject({
      type: 'submit',
      text: 'steer',
    });
  });

  it('Ctrl+C clears a non-empty composer and is unhandled on an empty one', () => {
    const s = type(initialComposerState(), 'draft');
    const cleared = press(s, ...ctrl('c'));
    expect(cleared).toMatchObject({ handled: true, effect: { type: 'cleared' } });
    expect(cleared.state.buffer.text).toBe('');
    expect(press(cleared.state, ...ctrl('c')).handled).toBe(false);
    // The cleared text can be recalled with Up.
    expect(press(cleared.state, '', { upArrow: true }).state.buffer.text).toBe('draft');
  });

  it('Ctrl+D and Esc are unhandled on an empty composer', () => {
    const s = initialComposerState();
    expect(press(s, ...ctrl('d')).handled).toBe(false);
    expect(press(s, '', { escape: true }).handled).toBe(false);
    expect(press(type(s, 'x'), '', { escape: true }).handled).toBe(false);
  });

  it('leaves unknown control keys and key releases to the App', () => {
    const s = type(initialComposerState(), 'x');
    expect(press(s, ...ctrl('t')).handled).toBe(false);
    expect(press(s, 'y', { eventType: 'release' }).handled).toBe(false);
  });

  it('setComposerText replaces the content with the cursor at the end', () => {
    const s = setComposerText(type(initialComposerState(), 'old'), 'previous message');
    expect(show(s)).toBe('previous message|');
  });
});

describe('Up/Down inside multi-line text', () => {
  it('moves between lines before walking the history', () => {
    let s = initialComposerState({ history: ['older'] });
    s = type(s, 'first');
    s = press(s, '\n').state;
    s = type(s, 'second');
    s = press(s, '', { upArrow: true }).state;
    expect(show(s)).toBe('first|\nsecond');
    s = press(s, '', { downArrow: true }).state;
    expect(show(s)).toBe('first\nsecond|'); // the column is kept
    expect(press(s, '', { downArrow: true }).handled).toBe(false);
  });

  it('moves between wrapped rows when the wrap width is known', () => {
    let s: ComposerState = { ...initialComposerState(), wrapWidth: 10 };
    s = type(s, 'the quick brown fox');
    s = press(s, '', { upArrow: true }).state;
    expect(show(s)).toBe('the quick| brown fox');
  });
});
