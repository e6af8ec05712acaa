import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

// Width-safe text helpers for the views: every line they return fits the given columns.

/** Cuts a line to `width` columns, ending in `…` when something was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  if (width === 1) return '…';
  return sliceAnsi(text, 0, width - 1) + '…';
}

/** Cuts from the left (paths): `…/end/of/the/path`. */
export function truncateStartToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  const total = stringWidth(text);
  if (total <= width) return text;
  if (width === 1) return '…';
  return '…' + sliceAnsi(text, total - (width - 1), total);
}

/** Word-wraps (hard-breaking long words) to lines of at most `width` columns. */
export function wrapToWidth(text: string, width: number): string[] {
  if (width <= 0) return [];
  return text
    .split('\n')
    .flatMap((line) =>
      wrapAnsi(line, width, { hard: true, trim: false, wordWrap: true })
        .split('\n')
        // A break at a space leaves that space at the start of the next row: drop it.
        .map((row, i) => (i > 0 && row.startsWith(' ') ? row.slice(1) : row)),
    )
    .map((line) => (stringWidth(line) > width ? sliceAnsi(line, 0, width) : line));
}

/** Wraps `text` to `width - indent.length` columns with `indent` before every line. */
export function wrapIndented(
  text: string,
  width: number,
  indent: string,
  firstIndent = indent,
): string[] {
  const room = width - Math.max(stringWidth(indent), stringWidth(firstIndent));
  if (room <= 0) return [truncateToWidth(text, width)];
  return wrapToWidth(text, room).map((line, i) => (i === 0 ? firstIndent : indent) + line);
}

/** Pads with spaces to exactly `width` columns (truncating first when longer). */
export function padToWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/** The last safety net: cuts every line that is still wider than `width`. */
export function clampLines(lines: string[], width: number): string[] {
  return lines.map((line) => (stringWidth(line) > width ? sliceAnsi(line, 0, width) : line));
}

/**
 * Makes untrusted text (commands, file contents) safe to print: tabs become spaces, and other
 * control characters (escape sequences included) are dropped so they cannot drive the terminal.
 */
export function sanitizeText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n/g, '\n')) {
    const code = ch.charCodeAt(0);
    if (ch === '\t') out += '    ';
    else if (ch === '\n' || (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)))
      out += ch;
  }
  return out;
}
