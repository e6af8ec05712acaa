import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { FileUpdateChange } from '@codex-ts/protocol';
import { sanitizeText, wrapIndented } from './text-layout.js';

// The file changes of a patch approval as coloured diff lines: a `• Edited path (+a -r)` header
// per file, then numbered `+`/`-`/context lines, folded to a line budget.

interface DiffLine {
  sign: '+' | '-' | ' ' | 'gap';
  lineNo: number | null;
  text: string;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

function contentLines(content: string): string[] {
  const lines = content.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Parses a unified diff body into numbered lines (old numbers for `-`, new for the rest). */
export function parseUnifiedDiff(diff: string): DiffLine[] {
  const out: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  let hunks = 0;
  for (const line of contentLines(diff)) {
    const hunk = HUNK.exec(line);
    if (hunk !== null) {
      if (hunks++ > 0) out.push({ sign: 'gap', lineNo: null, text: '' });
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[2]);
      continue;
    }
    if (/^(---|\+\+\+|diff |index |\\ No newline)/.test(line)) continue;
    const sign = line[0];
    const text = line.slice(1);
    if (sign === '+') out.push({ sign: '+', lineNo: newNo++, text });
    else if (sign === '-') out.push({ sign: '-', lineNo: oldNo++, text });
    else out.push({ sign: ' ', lineNo: (oldNo++, newNo++), text: sign === ' ' ? text : line });
  }
  return out;
}

function changeLines(change: FileUpdateChange): DiffLine[] {
  switch (change.kind.type) {
    case 'add':
      return contentLines(change.diff).map((text, i) => ({ sign: '+', lineNo: i + 1, text }));
    case 'delete':
      return contentLines(change.diff).map((text, i) => ({ sign: '-', lineNo: i + 1, text }));
    case 'update':
      return parseUnifiedDiff(change.diff);
  }
}

function displayPath(p: string, cwd: string): string {
  if (!path.isAbsolute(p) || cwd === '') return p;
  const rel = path.relative(cwd, p);
  return rel === '' || rel.startsWith('..') ? p : rel;
}

function header(
  change: FileUpdateChange,
  lines: DiffLine[],
  cwd: string,
  style: ChalkInstance,
): string {
  const added = lines.filter((l) => l.sign === '+').length;
  const removed = lines.filter((l) => l.sign === '-').length;
  const name = displayPath(change.path, cwd);
  const verb =
    change.kind.type === 'add' ? 'Added' : change.kind.type === 'delete' ? 'Deleted' : 'Edited';
  const moved =
    change.kind.type === 'update' && change.kind.move_path !== null
      ? ` → ${displayPath(change.kind.move_path, cwd)}`
      : '';
  const counts = `(${style.green(`+${added}`)} ${style.red(`-${removed}`)})`;
  return `${style.bold(`• ${verb}`)} ${sanitizeText(name + moved)} ${counts}`;
}

export interface DiffSummaryOptions {
  cwd: string;
  width: number;
  style: ChalkInstance;
  /** Body lines per file before folding; null shows everything. */
  maxLinesPerFile: number | null;
}

/** The rendered changes, and whether some lines were folded away. */
export function diffSummaryLines(
  changes: FileUpdateChange[],
  opts: DiffSummaryOptions,
): { lines: string[]; folded: boolean } {
  const { width, style } = opts;
  const out: string[] = [];
  let folded = false;
  for (const change of changes) {
    const parsed = changeLines(change);
    out.push(...wrapIndented(header(change, parsed, opts.cwd, style), width, '  ', ''));
    const numberWidth = Math.max(1, ...parsed.map((l) => String(l.lineNo ?? '').length));
    const body: string[] = [];
    for (const line of parsed) {
      if (line.sign === 'gap') {
        body.push(style.dim(`    ${' '.repeat(numberWidth - 1)}⋮`));
        continue;
      }
      const gutter = `    ${String(line.lineNo ?? '').padStart(numberWidth)} ${line.sign}`;
      const paint =
        line.sign === '+' ? style.green : line.sign === '-' ? style.red : (s: string) => s;
      const wrapped = wrapIndented(
        sanitizeText(line.text),
        width,
        ' '.repeat(gutter.length),
        gutter,
      );
      body.push(...wrapped.map((l) => paint(l)));
    }
    const limit = opts.maxLinesPerFile;
    if (limit !== null && body.length > limit) {
      folded = true;
      const keep = Math.max(1, limit - 1);
      out.push(...body.slice(0, keep), style.dim(`    … +${body.length - keep} lines`));
    } else {
      out.push(...body);
    }
  }
  return { lines: out, folded };
}
