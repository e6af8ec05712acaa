import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';

import { keyEvent } from '../input/key-event.js';
import { handleComposerKey } from './composer-keys.js';
import { initialComposerState, setSlashCommands } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { filterCommands, findSlashToken, parseSlashCommand } from './slash-popup.js';
import { findAtToken } from './file-popup.js';
import { setFileSearchResults } from './popup-keys.js';

function press(state: ComposerState, input: string, flags: Partial<Key> = {}): ComposerKeyResult {
  return handleComposerKey(state, keyEvent(input, flags));
}

function type(state: ComposerState, text: string): ComposerState {
  let next = state;
  for (const ch of text) next = press(next, ch).state;
  return next;
}

const show = (s: ComposerState) =>
  `${s.buffer.text.slice(0, s.buffer.cursor)}|${s.buffer.text.slice(s.buffer.cursor)}`;

const results = [
  { path: 'src/main.ts', indices: [4, 5] },
  { path: 'docs/my notes.md', indices: [5] },
  { path: 'src/mod.rs', indices: [4] },
];

describe('@ file popup', () => {
  it('finds the @token around the cursor', () => {
    expect(findAtToken('see @src/ma now', 11)).toEqual({ start: 4, end: 11, query: 'src/ma' });
    expect(findAtToken('mail a@b.c', 10)).toBeNull();
    expect(findAtToken('@', 1)).toEqual({ start: 0, end: 1, query: '' });
  });

  it('opens on @, asks the App to search as the query changes, ignores stale results', () => {
    let s = type(initialComposerState(), 'look at ');
    let r = press(s, '@');
    expect(r.state.popup).toMatchObject({ kind: 'file', query: '' });
    expect(r.effect).toBeUndefined();
    r = press(r.state, 'm');
    expect(r.effect).toEqual({ type: 'file-search', query: 'm' });
    r = press(r.state, 'a');
    expect(r.effect).toEqual({ type: 'file-search', query: 'ma' });
    s = setFileSearchResults(r.state, 'm', results);
    expect(s.popup).toMatchObject({ waiting: true, results: [] });
    s = setFileSearchResults(s, 'ma', results);
    expect(s.popup).toMatchObject({ waiting: false, results, selected: 0 });
    // A longer query keeps the list while its search runs.
    r = press(s, 'i');
    expect(r.state.popup).toMatchObject({ waiting: true, results });
  });

  it('keeps at most 8 results', () => {
    let s = type(initialComposerState(), '@a');
    const many = Array.from({ length: 20 }, (_, i) => ({ path: `a${i}`, indices: [0] }));
    s = setFileSearchResults(s, 'a', many);
    expect(s.popup?.kind === 'file' && s.popup.results.length).toBe(8);
  });

  it('selects with Up/Down/Ctrl+P/N and inserts with Tab, replacing the token', () => {
    let s = type(initialComposerState(), 'open @ma please');
    s = { ...s, buffer: { ...s.buffer, cursor: 8 } };
    s = press(s, '', { leftArrow: true }).state;
    s = setFileSearchResults(s, 'ma', results);
    s = press(s, '', { downArrow: true }).state;
    s = press(s, 'n', { ctrl: true }).state;
    s = press(s, 'n', { ctrl: true }).state; // clamps at the last row
    s = press(s, 'p', { ctrl: true }).state;
    s = press(s, '', { upArrow: true }).state;
    s = press(s, '', { downArrow: true }).state;
    const r = press(s, '', { tab: true });
    expect(show(r.state)).toBe('open "docs/my notes.md" |please');
    expect(r.state.popup).toBeNull();
  });

  it('inserts with Enter (no submit) and adds a space', () => {
    let s = type(initialComposerState(), '@ma');
    s = setFileSearchResults(s, 'ma', results);
    const r = press(s, '\r', { return: true });
    expect(r.effect).toBeUndefined();
    expect(show(r.state)).toBe('src/main.ts |');
  });

  it('Esc closes the popup for that token only; Esc is then unhandled', () => {
    let s = type(initialComposerState(), '@ma');
    const closed = press(s, '', { escape: true });
    expect(closed).toMatchObject({ handled: true });
    expect(closed.state.popup).toBeNull();
    expect(press(closed.state, '', { escape: true }).handled).toBe(false);
    s = press(closed.state, '', { leftArrow: true }).state;
    expect(s.popup).toBeNull();
    s = press(s, '', { end: true }).state;
    const more = press(s, 'x');
    expect(more.state.popup).toMatchObject({ kind: 'file', query: 'max' });
    expect(more.effect).toEqual({ type: 'file-search', query: 'max' });
  });

  it('Enter without results closes the popup; typing a space closes it too', () => {
    const s = type(initialComposerState(), '@zz');
    expect(press(s, '\r', { return: true }).state.popup).toBeNull();
    expect(type(s, ' ').popup).toBeNull();
  });
});

const commands = [
  { name: 'model', description: 'choose what model and reasoning effort to use' },
  { name: 'approvals', description: 'choose what Codex can do without approval' },
  { name: 'new', description: 'start a new chat' },
  { name: 'mention', description: 'mention a file' },
  { name: 'status', description: 'show current session configuration' },
];

describe('/ slash popup', () => {
  it('filters by prefix first, then fuzzy', () => {
    expect(filterCommands(commands, 'm').map((m) => m.command.name)).toEqual(['model', 'mention']);
    expect(filterCommands(commands, 'st').map((m) => m.command.name)).toEqual(['status']);
    const fuzzy = filterCommands(commands, 'apr');
    expect(fuzzy.map((m) => m.command.name)).toEqual(['approvals']);
    expect(fuzzy[0]?.indices).toEqual([0, 1, 3]);
    expect(filterCommands(commands, '').length).toBe(5);
  });

  it('opens only for a leading / with the cursor in the first word', () => {
    expect(findSlashToken('/mo', 3)).toEqual({ end: 3, filter: 'mo' });
    expect(findSlashToken('/model x', 8)).toBeNull();
    expect(findSlashToken('a /mo', 5)).toBeNull();
  });

  it('opens, filters, wraps the selection and completes with Tab', () => {
    let s = press(initialComposerState({ commands }), '/').state;
    expect(s.popup).toMatchObject({ kind: 'slash', filter: '', selected: 0 });
    s = press(s, '', { upArrow: true }).state;
    expect(s.popup).toMatchObject({ selected: 4 });
    s = type(s, 'm');
    expect(s.popup?.kind === 'slash' && s.popup.matches.length).toBe(2);
    s = press(s, '', { downArrow: true }).state;
    const r = press(s, '', { tab: true });
    expect(show(r.state)).toBe('/mention |');
    expect(r.state.popup).toBeNull();
  });

  it('runs the selected command with Enter', () => {
    const s = type(initialComposerState({ commands }), '/sta');
    const r = press(s, '\r', { return: true });
    expect(r.effect).toEqual({ type: 'slash', name: 'status', args: '' });
    expect(r.state.buffer.text).toBe('');
  });

  it('runs "/name args" typed in full', () => {
    const s = type(initialComposerState({ commands }), '/model gpt-5 high');
    expect(s.popup).toBeNull();
    expect(press(s, '\r', { return: true }).effect).toEqual({
      type: 'slash',
      name: 'model',
      args: 'gpt-5 high',
    });
  });

  it('runs with Enter in the popup, keeping the arguments after the word', () => {
    let s = type(initialComposerState({ commands }), '/mo args');
    s = { ...s, buffer: { ...s.buffer, cursor: 3 } };
    s = press(s, 'd').state;
    expect(s.popup).toMatchObject({ kind: 'slash', filter: 'mod' });
    expect(press(s, '\r', { return: true }).effect).toEqual({
      type: 'slash',
      name: 'model',
      args: 'args',
    });
  });

  it('sends unknown /words as a message; the popup stays closed when nothing matches', () => {
    const s = type(initialComposerState({ commands }), '/tmp/file.txt');
    expect(s.popup).toBeNull();
    expect(press(s, '\r', { return: true }).effect).toEqual({
      type: 'submit',
      text: '/tmp/file.txt',
      images: [],
    });
  });

  it('Esc closes it until the word changes', () => {
    let s = type(initialComposerState({ commands }), '/m');
    s = press(s, '', { escape: true }).state;
    expect(s.popup).toBeNull();
    s = type(s, 'o');
    expect(s.popup).toMatchObject({ kind: 'slash', filter: 'mo' });
  });

  it('parses slash commands', () => {
    expect(parseSlashCommand('/new', commands)).toEqual({ name: 'new', args: '' });
    expect(parseSlashCommand('  /mention  a b\nc ', commands)).toEqual({
      name: 'mention',
      args: 'a b\nc',
    });
    expect(parseSlashCommand('/unknown', commands)).toBeNull();
  });

  it('picks up commands given later', () => {
    let s = press(initialComposerState(), '/').state;
    expect(s.popup).toBeNull();
    s = setSlashCommands(s, commands);
    expect(s.popup).toMatchObject({ kind: 'slash' });
  });
});
