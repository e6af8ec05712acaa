import stringWidth from 'string-width';

/**
 * Grapheme helpers for the composer. Offsets are UTF-16 indices into the text (what `String`
 * methods use); the cursor always sits on a grapheme boundary, so an emoji with modifiers, a
 * flag or a combining sequence moves and deletes as one unit. Newlines are always boundaries.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The graphemes of `text` (no newlines expected, but they are kept as their own graphemes). */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) out.push(segment);
  return out;
}

/** Display columns of one grapheme: a tab counts as one column (it is drawn as a space). */
export function graphemeWidth(grapheme: string): number {
  if (grapheme === '\t') return 1;
  return stringWidth(grapheme);
}

/** Display columns of a string of graphemes (tabs count one column). */
export function displayWidth(text: string): number {
  if (!text.includes('\t')) return stringWidth(text);
  return stringWidth(text.replaceAll('\t', ' '));
}

/** Start offset of the logical line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End offset (the newline's index, or the text length) of the logical line containing `offset`. */
export function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
}

/** The grapheme boundary before `offset` (0 stays 0). */
export function prevBoundary(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const start = lineStart(text, offset);
  if (start === offset) return offset - 1;
  let last = start;
  for (const { index } of segmenter.segment(text.slice(start, offset))) last = start + index;
  return last;
}

/** The grapheme boundary after `offset` (the text length stays). */
export function nextBoundary(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  if (text[offset] === '\n') return offset + 1;
  const end = lineEnd(text, offset);
  for (const { segment } of segmenter.segment(text.slice(offset, end))) {
    return offset + segment.length;
  }
  return end;
}

/** Moves `offset` back onto a grapheme boundary (for offsets computed by column arithmetic). */
export function snapToBoundary(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  const start = lineStart(text, offset);
  const end = lineEnd(text, offset);
  if (offset === start || offset === end) return offset;
  let last = start;
  for (const { index } of segmenter.segment(text.slice(start, end))) {
    if (start + index > offset) break;
    last = start + index;
  }
  return last;
}

/** Characters that end a word for Alt+B/F and friends (besides whitespace). */
const WORD_SEPARATORS = new Set(Array.from('`~!@#$%^&*()-=+[{]}\\|;:\'",.<>/?'));

export type CharKind = 'space' | 'separator' | 'word';

export function charKind(ch: string): CharKind {
  if (/\s/u.test(ch)) return 'space';
  if (WORD_SEPARATORS.has(ch)) return 'separator';
  return 'word';
}
