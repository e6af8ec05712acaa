/** Line classification the stream committer uses to find where a block may end. */

export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Whether the line starts at column 0 (a top-level block start, not a continuation). */
export function atColumnZero(line: string): boolean {
  return line !== '' && line[0] !== ' ' && line[0] !== '\t';
}

/**
 * The marker kind of a top-level list item line: `-`, `*`, `+` for bullets, `.` or `)` for
 * ordered items; null for anything else (thematic breaks such as `- - -` included). Two items
 * with the same kind belong to the same list.
 */
export function listMarkerKind(line: string): string | null {
  if (/^([-*_])([ \t]*\1){2,}[ \t]*$/.test(line)) return null;
  const bullet = /^([-+*])[ \t]+\S/.exec(line);
  if (bullet?.[1]) return bullet[1];
  const ordered = /^\d{1,9}([.)])[ \t]+\S/.exec(line);
  return ordered?.[1] ?? null;
}

/** Whether a line could start a list item, empty items (`-`, `1.`) included. */
export function mayBeListItem(line: string): boolean {
  return /^([-+*]|\d{1,9}[.)])([ \t]|$)/.test(line);
}

/** Whether a line may begin an HTML block (a fence inside one is not a fence). */
export function startsHtml(line: string): boolean {
  return /^ {0,3}</.test(line);
}

const RAW_HTML_ENDS: [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * For an HTML block that blank lines do not end (`<pre>`, `<!-- -->`, ...), the pattern that
 * ends it; null for any other line.
 */
export function rawHtmlEnd(line: string): RegExp | null {
  for (const [start, end] of RAW_HTML_ENDS) if (start.test(line)) return end;
  return null;
}
