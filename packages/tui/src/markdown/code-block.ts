import { codeLanguage, highlightLine } from './code-highlight.js';
import type { Style } from './style.js';
import { wrapChars } from './wrap.js';

/** An open fenced code block: its fence character, length and language. */
export interface Fence {
  char: '`' | '~';
  length: number;
  language: string | undefined;
}

/** The fence a line opens (```` ```ts ````, `~~~`), or null. Only fences at column 0..3. */
export function fenceOpening(line: string): Fence | null {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m?.[1]) return null;
  const marks = m[1];
  const info = m[2] ?? '';
  const char = marks[0] === '`' ? '`' : '~';
  if (char === '`' && info.includes('`')) return null;
  return { char, length: marks.length, language: codeLanguage(info) };
}

/** Whether `line` closes `fence`: the same character, at least as long, nothing after it. */
export function isFenceClosing(line: string, fence: Fence): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!m?.[1] && m[1][0] === fence.char && m[1].length >= fence.length;
}

/** Expands tabs to 4-column stops so widths are measurable. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(4 - (out.length % 4));
    else out += ch;
  }
  return out;
}

/** A fence line (opening or closing), dimmed, broken at the width if it must be. */
export function renderFenceLine(line: string, width: number, style: Style): string[] {
  return wrapChars(expandTabs(line.trimEnd()), width).map((part) => style.dim(part));
}

/** One line of code, highlighted on its own and broken (not word-wrapped) at the width. */
export function renderCodeLine(
  line: string,
  language: string | undefined,
  width: number,
  style: Style,
): string[] {
  return wrapChars(highlightLine(expandTabs(line), language, style), width);
}

/**
 * A fenced code block from its raw source (fences included): the fences dimmed and every code
 * line rendered on its own, exactly as the stream committer renders it line by line.
 */
export function renderFencedBlock(raw: string, width: number, style: Style): string[] {
  const lines = raw.replace(/\n$/, '').split('\n');
  const first = lines[0] ?? '';
  const fence = fenceOpening(first);
  if (!fence) return lines.flatMap((l) => renderCodeLine(l, undefined, width, style));
  const out = renderFenceLine(first, width, style);
  const last = lines.length > 1 ? lines[lines.length - 1] : undefined;
  const closed = last !== undefined && isFenceClosing(last, fence);
  const body = lines.slice(1, closed ? -1 : undefined);
  for (const line of body) out.push(...renderCodeLine(line, fence.language, width, style));
  if (closed) out.push(...renderFenceLine(last, width, style));
  return out;
}

/** An indented (4-space) code block: its text lines, kept indented. */
export function renderIndentedBlock(text: string, width: number, style: Style): string[] {
  return text.split('\n').flatMap((l) => renderCodeLine(`    ${l}`, undefined, width, style));
}
