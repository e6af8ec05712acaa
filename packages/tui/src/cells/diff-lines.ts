import type { FileUpdateChange } from '@codex-ts/protocol';
import { textLines } from './cell-format.js';

/** One row of a rendered diff: a numbered line, or the gap between two hunks. */
export type DiffRow =
  { kind: 'context' | 'add' | 'del'; line: number; text: string } | { kind: 'gap' };

/** A file change as rows plus its `+added -removed` counts. */
export interface FileDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * Parses a unified diff (`@@ -a,b +c,d @@` hunks; file headers before the first hunk are
 * skipped). Removed lines carry their old line number, the others their new one.
 */
export function parseUnifiedDiff(diff: string): FileDiff {
  const rows: DiffRow[] = [];
  let added = 0;
  let removed = 0;
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  for (const line of textLines(diff)) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      if (inHunk) rows.push({ kind: 'gap' });
      inHunk = true;
      oldNo = Number(header[1]);
      newNo = Number(header[2]);
      continue;
    }
    if (!inHunk) continue;
    const sign = line[0];
    const text = line.slice(1);
    if (sign === '+') {
      rows.push({ kind: 'add', line: newNo++, text });
      added++;
    } else if (sign === '-') {
      rows.push({ kind: 'del', line: oldNo++, text });
      removed++;
    } else if (sign === ' ' || line === '') {
      rows.push({ kind: 'context', line: newNo, text });
      oldNo++;
      newNo++;
    }
    // `\ No newline at end of file` and anything else is not shown.
  }
  return { rows, added, removed };
}

/** The rows of one change: a whole new or deleted file (its content), or an update's diff. */
export function fileDiff(change: FileUpdateChange): FileDiff {
  if (change.kind.type === 'update') return parseUnifiedDiff(change.diff);
  const lines = textLines(change.diff);
  const kind = change.kind.type === 'add' ? 'add' : 'del';
  const rows: DiffRow[] = lines.map((text, i) => ({ kind, line: i + 1, text }));
  return kind === 'add'
    ? { rows, added: lines.length, removed: 0 }
    : { rows, added: 0, removed: lines.length };
}
