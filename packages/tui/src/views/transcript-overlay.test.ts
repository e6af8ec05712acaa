import { Chalk } from 'chalk';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import {
  handleTranscriptOverlayKey,
  initialTranscriptOverlayState,
  setTranscriptHeight,
  setTranscriptLines,
  transcriptPercent,
  type TranscriptOverlayState,
} from './transcript-overlay.js';
import { highlightLine } from './transcript-overlay-render.js';
import { key, typeText } from './test-helpers.js';

const lines = Array.from({ length: 50 }, (_, i) =>
  i % 10 === 3 ? `line ${i} has NEEDLE here` : `line ${i}`,
);

function press(
  state: TranscriptOverlayState,
  ...events: Parameters<typeof handleTranscriptOverlayKey>[1][]
) {
  let s = state;
  for (const e of events) s = handleTranscriptOverlayKey(s, e).state;
  return s;
}

describe('transcript overlay state', () => {
  const start = initialTranscriptOverlayState(lines, 10);

  it('opens at the end and scrolls within bounds', () => {
    expect(start.top).toBe(40);
    expect(transcriptPercent(start)).toBe(100);
    expect(press(start, key.down).top).toBe(40);
    expect(press(start, key.up, key.char('k')).top).toBe(38);
    expect(press(start, key.pageUp).top).toBe(30);
    expect(press(start, key.home).top).toBe(0);
    expect(press(start, key.char('g'), key.char(' ')).top).toBe(10);
    expect(press(start, key.char('g'), key.pageDown, key.char('j')).top).toBe(11);
    expect(press(start, key.char('g'), key.char('G')).top).toBe(40);
    expect(press(start, key.char('g'), key.end).top).toBe(40);
    expect(transcriptPercent(press(start, key.home))).toBe(20);
  });

  it('q, Esc and Ctrl+T close; other keys go back to the App', () => {
    for (const e of [key.char('q'), key.esc, key.ctrl('t')]) {
      expect(handleTranscriptOverlayKey(start, e).effect).toEqual({ type: 'close' });
    }
    expect(handleTranscriptOverlayKey(start, key.ctrl('c')).handled).toBe(false);
  });

  it('/ searches; n and N go to the next and previous match', () => {
    let s = press(start, key.home, key.char('/'));
    expect(s.search.typing).toBe(true);
    s = typeText(s, 'needle', handleTranscriptOverlayKey);
    expect(s.search.typing).toBe(true);
    s = press(s, key.enter);
    expect(s.search).toMatchObject({
      typing: false,
      query: 'needle',
      matches: [3, 13, 23, 33, 43],
      current: 0,
    });
    expect(s.top).toBe(0);
    s = press(s, key.char('n'));
    expect(s.search.current).toBe(1);
    expect(s.top).toBe(10);
    s = press(s, key.char('N'), key.char('N'));
    expect(s.search.current).toBe(4);
    expect(s.top).toBe(40);
  });

  it('search starts from the top of the view; Esc leaves the prompt; empty clears', () => {
    let s = typeText(press(start, key.char('/')), 'needle', handleTranscriptOverlayKey);
    s = press(s, key.enter);
    expect(s.search.current).toBe(4);
    const typing = press(s, key.char('/'), key.char('x'), key.esc);
    expect(typing.search).toMatchObject({ typing: false, query: 'needle' });
    expect(press(s, key.char('/'), key.enter).search.query).toBe('');
    const none = press(
      typeText(press(start, key.char('/')), 'zzz', handleTranscriptOverlayKey),
      key.enter,
    );
    expect(none.search).toMatchObject({ query: 'zzz', matches: [], current: -1 });
    expect(press(none, key.char('n')).top).toBe(40);
  });

  it('keeps the bottom pinned when lines are added, and follows resizes', () => {
    const grown = setTranscriptLines(start, [...lines, 'new 1', 'new 2']);
    expect(grown.top).toBe(42);
    const scrolled = setTranscriptLines(press(start, key.home), [...lines, 'new']);
    expect(scrolled.top).toBe(0);
    expect(setTranscriptHeight(start, 20).top).toBe(30);
    expect(initialTranscriptOverlayState(['a'], 10).top).toBe(0);
    expect(initialTranscriptOverlayState(['a\nb', 'c'], 10).lines).toEqual(['a', 'b', 'c']);
  });
});

describe('highlightLine', () => {
  const style = new Chalk({ level: 1 });
  it('marks each match and keeps the text', () => {
    const line = `${style.red('error')}: Needle and needle`;
    const out = highlightLine(line, 'needle', style, false);
    expect(stripAnsi(out)).toBe('error: Needle and needle');
    expect(out.split('\u001b[43m').length - 1).toBe(2);
    expect(out).toContain('\u001b[31m');
  });
  it('does nothing without colour', () => {
    expect(highlightLine('a needle', 'needle', new Chalk({ level: 0 }), true)).toBe('a needle');
  });
});
