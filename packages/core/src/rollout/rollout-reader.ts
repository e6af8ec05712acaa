import { readFile } from 'node:fs/promises';
import { RolloutMissingMetaError, RolloutReadError } from './rollout-errors.js';
import { parseRolloutLine, type RolloutLine, type RolloutLineProblem } from './rollout-line.js';
import type { SessionMetaLine } from './rollout-schemas.js';

/** A line that was skipped: `line` is 1-based. */
export interface RolloutWarning {
  line: number;
  problem: RolloutLineProblem;
  message: string;
}

export interface RolloutContents {
  /** The first session_meta line (a forked thread's file may hold its parent's too). */
  meta: SessionMetaLine;
  /** Every usable line in file order, session_meta lines included. */
  items: RolloutLine[];
  /** Lines skipped before the last one: invalid JSON, bad payloads, unknown line types. */
  warnings: RolloutWarning[];
  /** The last line was unusable and ignored: the writer died in the middle of it. */
  truncatedTail: boolean;
}

/**
 * Reads a rollout file line by line. A bad last line is what a crash leaves behind and is
 * dropped quietly (`truncatedTail`); a bad line elsewhere is skipped with a warning, as is a
 * line of a type this version does not know. Unknown fields are kept. Fails with
 * `RolloutMissingMetaError` when no session_meta line is found, `RolloutReadError` when the
 * file cannot be read.
 */
export async function readRollout(path: string): Promise<RolloutContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RolloutReadError(path, { cause: error });
  }
  const contents = parseRolloutText(text);
  if (contents.meta === null) throw new RolloutMissingMetaError(path);
  return { ...contents, meta: contents.meta };
}

/** The parsing half of `readRollout`, for text already in memory. */
export function parseRolloutText(text: string): Omit<RolloutContents, 'meta'> & {
  meta: SessionMetaLine | null;
} {
  const rawLines = text.split('\n');
  const lastIndex = lastNonBlankIndex(rawLines);
  const items: RolloutLine[] = [];
  const warnings: RolloutWarning[] = [];
  let meta: SessionMetaLine | null = null;
  let truncatedTail = false;

  for (let index = 0; index <= lastIndex; index++) {
    const raw = rawLines[index]!.trim();
    if (raw === '') continue;
    const parsed = parseRolloutLine(raw);
    if (!parsed.ok) {
      if (index === lastIndex && parsed.problem !== 'unknown_type') truncatedTail = true;
      else warnings.push({ line: index + 1, problem: parsed.problem, message: parsed.message });
      continue;
    }
    if (meta === null && parsed.line.type === 'session_meta') meta = parsed.line.payload;
    items.push(parsed.line);
  }
  return { meta, items, warnings, truncatedTail };
}

function lastNonBlankIndex(lines: string[]): number {
  for (let index = lines.length - 1; index >= 0; index--) {
    if (lines[index]!.trim() !== '') return index;
  }
  return -1;
}
