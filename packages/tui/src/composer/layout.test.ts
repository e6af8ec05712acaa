import { describe, expect, it } from 'vitest';

import { displayWidth } from './graphemes.js';
import { layoutText, verticalMove, wrapRows } from './layout.js';

function rowsOf(text: string, width: number): string[] {
  return wrapRows(text, width).map((row) => text.slice(row.start, row.end));
}

describe('wrap', () => {
  it('keeps short lines and splits on newlines (empty lines stay)', () => {
    expect(rowsOf('hello', 10)).toEqual(['hello']);
    expect(rowsOf('a\n\nb', 10)).toEqual(['a', '', 'b']);
    expect(rowsOf('', 10)).toEqual(['']);
    expect(rowsOf('a\n', 10)).toEqual(['a', '']);
  });

  it('breaks after whitespace when a word overflows', () => {
    expect(rowsOf('the quick brown fox', 10)).toEqual(['the quick ', 'brown fox']);
    expect(rowsOf('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('hard-breaks a word longer than the row', () => {
    expect(rowsOf('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(rowsOf('xy abcdefghij', 4)).toEqual(['xy ', 'abcd', 'efgh', 'ij']);
  });

  it('counts wide characters as two columns and never splits them', () => {
    const rows = rowsOf('漢字かなカナ', 5);
    expect(rows).toEqual(['漢字', 'かな', 'カナ']);
    for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(5);
    expect(rowsOf('😀😀😀', 4)).toEqual(['😀😀', '😀']);
  });

  it('never produces a row wider than the width', () => {
    const text = 'Lorem ipsum dolor sit amet, 漢字 consectetur 😀 adipiscing elit\nsed do';
    for (const width of [1, 3, 7, 20, 40]) {
      for (const row of rowsOf(text, width)) {
        expect(displayWidth(row)).toBeLessThanOrEqual(Math.max(width, 2));
      }
    }
  });
});

describe('cursor position', () => {
  it('places the cursor by display columns', () => {
    expect(layoutText('ab漢c', 3, 20)).toMatchObject({ cursorRow: 0, cursorCol: 4 });
    expect(layoutText('one\ntwo', 5, 20)).toMatchObject({ cursorRow: 1, cursorCol: 1 });
  });

  it('puts a cursor at a soft break at the start of the next row', () => {
    // rows: 'the quick ' | 'brown fox'
    expect(layoutText('the quick brown fox', 10, 10)).toMatchObject({ cursorRow: 1, cursorCol: 0 });
    expect(layoutText('the quick brown fox', 9, 10)).toMatchObject({ cursorRow: 0, cursorCol: 9 });
  });

  it('shows a cursor before an overflowing space one column past the row', () => {
    // 'hello world' at 5: 'hello' | 'world', the space is not drawn.
    expect(rowsOf('hello world', 5)).toEqual(['hello', 'world']);
    expect(layoutText('hello world', 5, 5)).toMatchObject({ cursorRow: 0, cursorCol: 5 });
    expect(layoutText('hello world', 6, 5)).toMatchObject({ cursorRow: 1, cursorCol: 0 });
  });

  it('puts a cursor at the end of a full last row after its last cell', () => {
    expect(layoutText('abcd', 4, 4)).toMatchObject({ cursorRow: 0, cursorCol: 4 });
  });
});

describe('vertical moves', () => {
  it('moves between logical lines keeping the column', () => {
    const text = 'abcdef\nxy\nlonger line';
    const down = verticalMove(text, 4, 100, 1, null);
    expect(down).toEqual({ cursor: 9, col: 4 }); // end of 'xy'
    const again = verticalMove(text, down!.cursor, 100, 1, down!.col);
    expect(again).toEqual({ cursor: 14, col: 4 });
    expect(verticalMove(text, 2, 100, -1, null)).toBeNull();
    expect(verticalMove(text, 14, 100, 1, null)).toBeNull();
  });

  it('moves between wrapped rows and by display columns', () => {
    const text = 'the quick brown fox';
    expect(verticalMove(text, 2, 10, 1, null)).toEqual({ cursor: 12, col: 2 });
    expect(verticalMove('漢字\nabcd', 6, 100, -1, null)).toEqual({ cursor: 1, col: 3 });
  });
});
