import type { Key } from 'ink';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

import { keyEvent } from '../input/key-event.js';
import { handleComposerKey } from './composer-keys.js';
import { composerCursor, composerLines, composerTextWidth } from './composer-render.js';
import { initialComposerState, setComposerWidth, setTaskRunning } from './composer-state.js';
import type { ComposerState } from './composer-state.js';
import { ComposerView, FilePopupView, HistorySearchView, SlashPopupView } from './composer-view.js';
import { handlePaste } from './paste.js';
import { setFileSearchResults } from './popup-keys.js';

function press(state: ComposerState, input: string, flags: Partial<Key> = {}): ComposerState {
  return handleComposerKey(state, keyEvent(input, flags)).state;
}

function type(state: ComposerState, text: string): ComposerState {
  let next = state;
  for (const ch of text) next = press(next, ch);
  return next;
}

function widest(frame: string | undefined): number {
  return Math.max(0, ...(frame ?? '').split('\n').map((line) => stringWidth(line)));
}

const commands = [
  'model',
  'approvals',
  'new',
  'resume',
  'init',
  'compact',
  'diff',
  'mention',
  'status',
  'mcp',
  'logout',
  'quit',
].map((name) => ({ name, description: `what /${name} does, described at some length here` }));

const files = [
  { path: 'src/main.ts', indices: [4, 5, 6] },
  {
    path: 'packages/tui/src/composer/very/deep/directory/structure/main-module.ts',
    indices: [58, 59],
  },
  { path: 'docs/manual.md', indices: [5, 6] },
];

function frameOf(node: React.ReactElement): string {
  const { lastFrame, unmount } = render(node);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe.each([80, 40])('composer views at %i columns', (width) => {
  const base = setComposerWidth(initialComposerState({ commands }), composerTextWidth(width));
  const view = (state: ComposerState, extra: Record<string, unknown> = {}) => {
    const frame = frameOf(<ComposerView state={state} width={width} color={false} {...extra} />);
    expect(widest(frame)).toBeLessThanOrEqual(width);
    return frame;
  };

  it('shows the placeholder and key hints when empty', () => {
    expect(view(base)).toMatchSnapshot();
    expect(view(setTaskRunning(base, true))).toMatchSnapshot();
  });

  it('wraps multi-line text with wide characters', () => {
    let s = type(base, 'Refactor the parser so that 漢字 and emoji 😀 survive a round trip');
    s = press(s, '\n');
    s = type(s, 'then run the tests');
    s = press(s, '', { upArrow: true });
    expect(view(s)).toMatchSnapshot();
  });

  it('scrolls to keep the cursor within maxRows', () => {
    const s = type(base, Array.from({ length: 8 }, (_, i) => `line ${i + 1}`).join('\n'));
    const frame = view(s, { maxRows: 3 });
    expect(frame).toContain('line 8');
    expect(frame).not.toContain('line 5');
    expect(frame).toMatchSnapshot();
  });

  it('shows paste and image placeholders', () => {
    let s = type(base, 'summarise ');
    s = handlePaste(s, 'x'.repeat(5000)).state;
    s = handlePaste(s, '/tmp/diagram.png', { isFile: () => true }).state;
    s = type(s, 'please');
    expect(view(s)).toMatchSnapshot();
  });

  it('shows the @ popup: hint, searching, results', () => {
    let s = type(base, 'look at @');
    expect(view(s)).toMatchSnapshot();
    s = type(s, 'main');
    expect(view(s)).toContain('searching…');
    s = setFileSearchResults(s, 'main', files);
    s = press(s, '', { downArrow: true });
    expect(view(s)).toMatchSnapshot();
    expect(view(setFileSearchResults(type(s, 'x'), 'mainx', []))).toContain('no matches');
  });

  it('shows the / popup filtered and scrolled', () => {
    expect(view(type(base, '/m'))).toMatchSnapshot();
    let s = type(base, '/');
    for (let i = 0; i < 9; i += 1) s = press(s, '', { downArrow: true });
    expect(view(s)).toMatchSnapshot();
  });

  it('shows the Ctrl+R search line', () => {
    let s = initialComposerState({ history: ['git status', 'cargo test --all'] });
    s = type(press(s, 'r', { ctrl: true }), 'test');
    expect(view(s)).toMatchSnapshot();
    expect(view(type(s, 'zz'))).toContain('no match');
  });

  it('renders the popups on their own', () => {
    let s = setFileSearchResults(type(base, '@main'), 'main', files);
    if (s.popup?.kind !== 'file') throw new Error('expected the file popup');
    const file = frameOf(<FilePopupView popup={s.popup} width={width} color={false} />);
    s = type(base, '/');
    if (s.popup?.kind !== 'slash') throw new Error('expected the slash popup');
    const slash = frameOf(<SlashPopupView popup={s.popup} width={width} color={false} />);
    s = type(press(initialComposerState({ history: ['abc'] }), 'r', { ctrl: true }), 'b');
    if (s.search === null) throw new Error('expected the search');
    const search = frameOf(<HistorySearchView search={s.search} width={width} color={false} />);
    for (const frame of [file, slash, search]) expect(widest(frame)).toBeLessThanOrEqual(width);
    expect([file, slash, search].join('\n---\n')).toMatchSnapshot();
  });
});

describe('cursor', () => {
  it('is an inverse cell on the character under it, or after the text', () => {
    const s = press(type(initialComposerState(), 'abc'), '', { leftArrow: true });
    const [line] = composerLines(s, { width: 40 });
    expect(line).toContain('ab\u001b[7mc\u001b[27m');
    const end = composerLines(type(initialComposerState(), 'abc'), { width: 40 })[0];
    expect(end).toContain('abc\u001b[7m \u001b[27m');
    expect(composerLines(s, { width: 40, focused: false })[0]).not.toContain('\u001b[7m');
  });

  it('reports its cell for the terminal cursor', () => {
    let s = setComposerWidth(initialComposerState(), composerTextWidth(12));
    s = type(s, 'hello world again');
    expect(composerCursor(s, { width: 12 })).toEqual({ row: 2, col: 2 + 'again'.length });
    expect(composerCursor(initialComposerState(), { width: 12 })).toEqual({ row: 0, col: 2 });
  });

  it('colours nothing when colour is off', () => {
    const s = handlePaste(type(initialComposerState(), 'x'), 'y'.repeat(2000)).state;
    for (const line of composerLines(s, { width: 40, color: false })) {
      expect(line).not.toContain('\u001b');
    }
  });
});
