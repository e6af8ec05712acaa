import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Key } from 'ink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { keyEvent } from '../input/key-event.js';
import { handleComposerKey } from './composer-keys.js';
import { initialComposerState } from './composer-state.js';
import type { ComposerKeyResult, ComposerState } from './composer-state.js';
import { pastedPathCandidates, shellWords } from './image-path.js';
import { handlePaste, LARGE_PASTE_CHAR_THRESHOLD } from './paste.js';

function press(state: ComposerState, input: string, flags: Partial<Key> = {}): ComposerKeyResult {
  return handleComposerKey(state, keyEvent(input, flags));
}

function type(state: ComposerState, text: string): ComposerState {
  let next = state;
  for (const ch of text) next = press(next, ch).state;
  return next;
}

const enter = (s: ComposerState) => press(s, '\r', { return: true });
const big = (n: number, ch = 'x') => ch.repeat(n);

describe('large paste placeholder', () => {
  it('inserts short pastes as text (CRLF normalised)', () => {
    const s = handlePaste(initialComposerState(), 'a\r\nb').state;
    expect(s.buffer.text).toBe('a\nb');
    expect(s.elements).toEqual([]);
  });

  it('keeps a paste of exactly the threshold as text and replaces a longer one', () => {
    expect(LARGE_PASTE_CHAR_THRESHOLD).toBe(1000);
    expect(handlePaste(initialComposerState(), big(1000)).state.buffer.text).toBe(big(1000));
    const s = handlePaste(initialComposerState(), big(1001)).state;
    expect(s.buffer.text).toBe('[Pasted Content 1001 chars]');
  });

  it('counts characters, not UTF-16 units', () => {
    const s = handlePaste(initialComposerState(), big(600, '😀')).state;
    expect(s.buffer.text).toBe(big(600, '😀'));
    const t = handlePaste(initialComposerState(), big(1001, '😀')).state;
    expect(t.buffer.text).toBe('[Pasted Content 1001 chars]');
  });

  it('expands placeholders on submit, in place, and numbers same-size pastes', () => {
    let s = type(initialComposerState(), 'see ');
    s = handlePaste(s, big(1200, 'a')).state;
    s = type(s, ' and ');
    s = handlePaste(s, big(1200, 'b')).state;
    expect(s.buffer.text).toBe(
      'see [Pasted Content 1200 chars] and [Pasted Content 1200 chars #2]',
    );
    const result = enter(s);
    expect(result.effect).toEqual({
      type: 'submit',
      text: `see ${big(1200, 'a')} and ${big(1200, 'b')}`,
      images: [],
    });
  });

  it('deletes the whole placeholder (and the paste) with one Backspace', () => {
    let s = type(initialComposerState(), 'x ');
    s = handlePaste(s, big(2000)).state;
    s = press(s, '', { backspace: true }).state;
    expect(s.buffer.text).toBe('x ');
    expect(s.elements).toEqual([]);
    expect(enter(s).effect).toEqual({ type: 'submit', text: 'x', images: [] });
  });

  it('never lets the cursor or typing land inside a placeholder', () => {
    let s = handlePaste(initialComposerState(), big(1500)).state;
    s = press(s, '', { leftArrow: true }).state;
    expect(s.buffer.cursor).toBe(0);
    s = press(s, '', { rightArrow: true }).state;
    expect(s.buffer.cursor).toBe('[Pasted Content 1500 chars]'.length);
  });

  it('Ctrl+W kills the placeholder and Ctrl+Y brings it (and its paste) back', () => {
    let s = handlePaste(initialComposerState(), big(1500)).state;
    s = press(s, 'w', { ctrl: true }).state;
    expect(s.buffer.text).toBe('');
    s = press(s, 'y', { ctrl: true }).state;
    expect(enter(s).effect).toEqual({ type: 'submit', text: big(1500), images: [] });
  });
});

describe('image path paste', () => {
  let dir = '';
  let png = '';
  let spaced = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'composer-paste-'));
    png = join(dir, 'shot.png');
    mkdirSync(join(dir, 'my dir'));
    spaced = join(dir, 'my dir', 'Screen Shot.JPG');
    writeFileSync(png, 'not really a png');
    writeFileSync(spaced, 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('attaches an existing image and sends it with the message', () => {
    let s = handlePaste(initialComposerState(), png).state;
    expect(s.buffer.text).toBe('[image 1: shot.png] ');
    s = type(s, 'what is this?');
    expect(enter(s).effect).toEqual({ type: 'submit', text: 'what is this?', images: [png] });
  });

  it('accepts quoted paths, escaped spaces, file:// URLs and relative paths', () => {
    for (const pasted of [
      `'${spaced}'`,
      `"${spaced}"`,
      spaced.replaceAll(' ', '\\ '),
      pathToFileURL(spaced).href,
      ` ${spaced}\n`.trimEnd(),
    ]) {
      const s = handlePaste(initialComposerState(), pasted).state;
      expect(s.elements).toEqual([
        { kind: 'image', placeholder: '[image 1: Screen Shot.JPG]', path: spaced },
      ]);
    }
    const rel = handlePaste(initialComposerState(), 'shot.png', { cwd: dir }).state;
    expect(rel.elements[0]).toMatchObject({ kind: 'image', path: png });
  });

  it('inserts text for missing files and non-images', () => {
    for (const pasted of [join(dir, 'missing.png'), join(dir, 'notes.txt'), `${png} ${png}`]) {
      const s = handlePaste(initialComposerState(), pasted).state;
      expect(s.elements).toEqual([]);
      expect(s.buffer.text).toBe(pasted);
    }
  });

  it('numbers images, separates them from text, and drops a deleted one', () => {
    let s = type(initialComposerState(), 'compare');
    s = handlePaste(s, png).state;
    s = handlePaste(s, spaced).state;
    expect(s.buffer.text).toBe('compare [image 1: shot.png] [image 2: Screen Shot.JPG] ');
    s = press(s, '', { backspace: true }).state; // the space
    s = press(s, '', { backspace: true }).state; // the second image
    expect(enter(s).effect).toEqual({ type: 'submit', text: 'compare', images: [png] });
  });

  it('keeps image numbers unique after one is deleted', () => {
    let s = handlePaste(initialComposerState(), png).state;
    s = handlePaste(s, spaced).state;
    s = press(s, 'a', { ctrl: true }).state;
    s = press(s, '', { delete: true }).state; // deletes [image 1: shot.png]
    s = press(s, 'e', { ctrl: true }).state;
    s = handlePaste(s, png).state;
    expect(s.buffer.text).toBe(' [image 2: Screen Shot.JPG] [image 3: shot.png] ');
    expect(enter(s).effect).toMatchObject({ images: [spaced, png] });
  });

  it('submits an image without text', () => {
    const s = handlePaste(initialComposerState(), png).state;
    expect(enter(s).effect).toEqual({ type: 'submit', text: '', images: [png] });
  });

  it('uses an injected file check', () => {
    const s = handlePaste(initialComposerState(), '/nowhere/pic.webp', {
      isFile: (path) => path === '/nowhere/pic.webp',
    }).state;
    expect(s.buffer.text).toBe('[image 1: pic.webp] ');
  });
});

describe('pasted path parsing', () => {
  it('splits shell words', () => {
    expect(shellWords(`a\\ b 'c d' "e\\"f"`)).toEqual(['a b', 'c d', 'e"f']);
    expect(shellWords(`'open`)).toBeNull();
  });

  it('lists candidates', () => {
    expect(pastedPathCandidates('/a/My\\ Pic.png')).toEqual(['/a/My Pic.png', '/a/My\\ Pic.png']);
    expect(pastedPathCandidates('/a/My Pic.png')).toEqual(['/a/My Pic.png']);
    expect(pastedPathCandidates('a\nb')).toEqual([]);
  });
});
