import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import sliceAnsi from 'slice-ansi';
import stripAnsi from 'strip-ansi';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width in terminal columns (ANSI codes ignored, wide characters count 2). */
export function widthOf(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = text.includes('\x1b') ? stripAnsi(text) : text;
  return PRINTABLE_ASCII.test(plain) ? plain.length : stringWidth(plain);
}

/**
 * Word-wraps one logical line (no newlines) to `width` columns; words longer than a line are
 * broken. Whitespace at the wrap points is dropped. Never returns an empty array.
 */
export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(1, width);
  if (text === '' || widthOf(text) <= w) return [text];
  return wrapAnsi(text, w, { hard: true, trim: true }).split('\n');
}

/** Breaks a line at exactly `width` columns, keeping all whitespace (code, diffs, output). */
export function wrapChars(text: string, width: number): string[] {
  const w = Math.max(1, width);
  if (text === '' || widthOf(text) <= w) return [text];
  return wrapAnsi(text, w, { hard: true, trim: false, wordWrap: false }).split('\n');
}

/** Wraps text that may contain newlines: each logical line is word-wrapped on its own. */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapWords(line, width));
}

/** Prefixes the first line with `first` and the others with `rest`. */
export function prefixLines(lines: readonly string[], first: string, rest: string): string[] {
  return lines.map((line, i) => (i === 0 ? first : rest) + line);
}

/**
 * Wraps `text` into `width` columns with a hanging indent: the first line starts with `first`,
 * continuation lines (and later logical lines) with `rest`.
 */
export function wrapWithPrefix(text: string, width: number, first: string, rest: string): string[] {
  const inner = Math.max(1, width - Math.max(widthOf(first), widthOf(rest)));
  return prefixLines(wrapText(text, inner), first, rest);
}

/** Cuts a line to at most `width` columns, ending it with `…` when something was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  if (width <= 0) return '';
  return `${sliceAnsi(text, 0, width - 1)}…`;
}

/** Pads with spaces on the right up to `width` columns. */
export function padEndTo(text: string, width: number): string {
  const w = widthOf(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** The safety net every renderer ends with: any line wider than `width` is broken up. */
export function fitWidth(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (widthOf(line) <= width) out.push(line);
    else out.push(...wrapChars(line, width));
  }
  return out;
}
