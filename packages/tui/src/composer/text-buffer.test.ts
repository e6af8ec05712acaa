import { describe, expect, it } from 'vitest';

import {
  backspace,
  bufferFrom,
  deleteForward,
  deleteWordBack,
  deleteWordForward,
  insertText,
  killToLineEnd,
  killToLineStart,
  moveLeft,
  moveRight,
  moveToLineEnd,
  moveToLineStart,
  moveWordLeft,
  moveWordRight,
  wordEndAfter,
  wordStartBefore,
} from './text-buffer.js';
import type { TextBuffer } from './text-buffer.js';

/** `|` in `marked` is the cursor. */
function at(marked: string): TextBuffer {
  const cursor = marked.indexOf('|');
  return { text: marked.replace('|', ''), cursor };
}

function show(buffer: TextBuffer): string {
  return `${buffer.text.slice(0, buffer.cursor)}|${buffer.text.slice(buffer.cursor)}`;
}

describe('text buffer', () => {
  it('inserts at the cursor', () => {
    expect(show(insertText(at('ab|cd'), 'XY'))).toBe('abXY|cd');
  });

  it('moves and deletes whole graphemes (emoji sequences, flags, combining marks)', () => {
    const family = '👨‍👩‍👧';
    expect(show(backspace(at(`a${family}|b`)))).toBe('a|b');
    expect(show(deleteForward(at(`a|${family}b`)))).toBe('a|b');
    expect(show(moveLeft(at(`a🇫🇷|`)))).toBe('a|🇫🇷');
    expect(show(moveRight(at('|e\u0301x')))).toBe('e\u0301|x');
    expect(show(backspace(at('漢字|')))).toBe('漢|');
  });

  it('crosses newlines as single characters', () => {
    expect(show(backspace(at('ab\n|cd')))).toBe('ab|cd');
    expect(show(moveRight(at('ab|\ncd')))).toBe('ab\n|cd');
    expect(show(moveLeft(at('|ab')))).toBe('|ab');
    expect(show(moveRight(at('ab|')))).toBe('ab|');
  });

  it('moves to line start and end', () => {
    expect(show(moveToLineStart(at('one\ntw|o\nthree')))).toBe('one\n|two\nthree');
    expect(show(moveToLineEnd(at('one\nt|wo\nthree')))).toBe('one\ntwo|\nthree');
  });

  it('moves by words: whitespace, then a run of separators or of word characters', () => {
    expect(show(moveWordLeft(at('hello world  |')))).toBe('hello |world  ');
    expect(show(moveWordLeft(at('path/to/file|')))).toBe('path/to/|file');
    expect(show(moveWordLeft(at('path/to/|')))).toBe('path/to|/');
    expect(show(moveWordRight(at('|  hello world')))).toBe('  hello| world');
    expect(show(moveWordRight(at('foo|.bar')))).toBe('foo.|bar');
    expect(wordStartBefore('', 0)).toBe(0);
    expect(wordEndAfter('abc   ', 3)).toBe(6);
  });

  it('kills to line end, or the newline at the end of a line', () => {
    const first = killToLineEnd(at('ab|cd\nef'));
    expect(show(first.buffer)).toBe('ab|\nef');
    expect(first.removed).toBe('cd');
    const second = killToLineEnd(first.buffer);
    expect(show(second.buffer)).toBe('ab|ef');
    expect(second.removed).toBe('\n');
  });

  it('kills to line start, or the newline before the line', () => {
    const first = killToLineStart(at('ab\ncd|ef'));
    expect(show(first.buffer)).toBe('ab\n|ef');
    expect(first.removed).toBe('cd');
    expect(show(killToLineStart(first.buffer).buffer)).toBe('ab|ef');
  });

  it('deletes words back and forward', () => {
    const back = deleteWordBack(at('git commit -m|'));
    expect(show(back.buffer)).toBe('git commit -|');
    expect(back.removed).toBe('m');
    expect(show(deleteWordBack(at('git commit |')).buffer)).toBe('git |');
    expect(show(deleteWordForward(at('git| commit -m')).buffer)).toBe('git| -m');
  });

  it('treats atoms as one unit for deletion and motion', () => {
    const text = 'a [Pasted Content 1200 chars] b';
    const atom = { start: 2, end: 29 };
    expect(show(backspace({ text, cursor: 29 }, [atom]))).toBe('a | b');
    expect(show(deleteForward({ text, cursor: 2 }, [atom]))).toBe('a | b');
    expect(moveLeft({ text, cursor: 29 }, [atom]).cursor).toBe(2);
    expect(moveRight({ text, cursor: 2 }, [atom]).cursor).toBe(29);
    expect(show(deleteWordBack({ text, cursor: 20 + 9 }, [atom]).buffer)).toBe('a | b');
  });

  it('snaps a cursor given inside a grapheme back onto a boundary', () => {
    expect(bufferFrom('a😀', 2).cursor).toBe(1);
    expect(bufferFrom('abc').cursor).toBe(3);
  });
});
