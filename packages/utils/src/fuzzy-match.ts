/**
 * Fuzzy subsequence matching for file paths, scored like fzf's v2 algorithm with the path
 * settings of nucleo (the matcher the Rust Codex's file search uses): every query character
 * must appear in order; matches at word and path-segment starts, camelCase humps and
 * consecutive runs score higher, gaps cost. Case-insensitive unless the query has an upper-case
 * letter (smart case); accents are ignored unless the query has non-ASCII letters. Whitespace
 * separates atoms that must all match (scores add up, indices are merged).
 */

import {
  BONUS_BOUNDARY,
  BONUS_BOUNDARY_DELIMITER,
  BONUS_BOUNDARY_WHITE,
  BONUS_CAMEL123,
  BONUS_CONSECUTIVE,
  BONUS_FIRST_CHAR_MULTIPLIER,
  BONUS_NON_WORD,
  PENALTY_GAP_EXTENSION,
  PENALTY_GAP_START,
  SCORE_MATCH,
} from './fuzzy-constants.js';

type CharClass = 'white' | 'nonWord' | 'delimiter' | 'lower' | 'upper' | 'letter' | 'number';

export interface FuzzyMatch {
  score: number;
  /** Code-point indices of `text` that matched, ascending and unique. */
  indices: number[];
}

/** Scores `text` against `query`; null when some atom of the query is not a subsequence. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const atoms = query.split(/\s+/).filter((atom) => atom !== '');
  if (atoms.length === 0) return null;
  if (/^[\x00-\x7f]*$/.test(text) && atoms.some((atom) => !asciiSubsequence(atom, text))) {
    return null;
  }
  const chars = Array.from(text);
  let score = 0;
  const indices = new Set<number>();
  for (const atom of atoms) {
    const found = matchAtom(Array.from(atom), chars);
    if (found === null) return null;
    score += found.score;
    for (const index of found.indices) indices.add(index);
  }
  return { score, indices: [...indices].sort((a, b) => a - b) };
}

/** A cheap first test for ASCII text: is `atom` a subsequence of it (smart case)? */
function asciiSubsequence(atom: string, text: string): boolean {
  const caseSensitive = atom !== atom.toLowerCase();
  const hay = caseSensitive ? text : text.toLowerCase();
  let from = 0;
  for (const ch of atom) {
    const at = hay.indexOf(ch, from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

function matchAtom(atom: string[], chars: string[]): FuzzyMatch | null {
  const caseSensitive = atom.some((ch) => ch !== ch.toLowerCase());
  const normalize = atom.every((ch) => ch.charCodeAt(0) < 128);
  const fold = (ch: string): string => {
    const base = normalize ? (ch.normalize('NFD')[0] ?? ch) : ch;
    return caseSensitive ? base : base.toLowerCase();
  };
  const needle = atom.map(fold);
  const hay = chars.map(fold);
  if (!isSubsequence(needle, hay)) return null;
  return bestMatch(needle, hay, bonuses(chars));
}

function isSubsequence(needle: string[], hay: string[]): boolean {
  let i = 0;
  for (const ch of hay) {
    if (ch === needle[i]) i += 1;
    if (i === needle.length) return true;
  }
  return needle.length === 0;
}

function charClass(ch: string): CharClass {
  if (ch === '/') return 'delimiter';
  if (/\s/u.test(ch)) return 'white';
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{N}/u.test(ch)) return 'number';
  if (/\p{L}/u.test(ch)) return 'letter';
  return 'nonWord';
}

function isWord(cls: CharClass): boolean {
  return cls === 'lower' || cls === 'upper' || cls === 'letter' || cls === 'number';
}

function bonusFor(prev: CharClass, cls: CharClass): number {
  if (isWord(cls)) {
    if (prev === 'white') return BONUS_BOUNDARY_WHITE;
    if (prev === 'delimiter') return BONUS_BOUNDARY_DELIMITER;
    if (prev === 'nonWord') return BONUS_BOUNDARY;
  }
  if ((prev === 'lower' && cls === 'upper') || (prev !== 'number' && cls === 'number')) {
    return BONUS_CAMEL123;
  }
  if (cls === 'nonWord' || cls === 'delimiter') return BONUS_NON_WORD;
  if (cls === 'white') return BONUS_BOUNDARY_WHITE;
  return 0;
}

/** The bonus of a match at each position (a path starts as if after a delimiter). */
function bonuses(chars: string[]): number[] {
  let prev: CharClass = 'delimiter';
  return chars.map((ch) => {
    const cls = charClass(ch);
    const bonus = bonusFor(prev, cls);
    prev = cls;
    return bonus;
  });
}

/**
 * The optimal alignment. `best[i][j]`: the best score of needle[0..i] with needle[i] matched at
 * hay[j] (-Infinity when impossible); `run[i][j]`: the consecutive run it ends; `from[i][j]`:
 * where needle[i-1] was matched. `gap[j]` (per row) is the best score of needle[0..i] ended
 * before j with hay[j] unmatched: gaps cost 3 for the first character and 1 for each further
 * one; characters before the first and after the last match are free.
 */
function bestMatch(needle: string[], hay: string[], bonus: number[]): FuzzyMatch {
  const n = hay.length;
  const m = needle.length;
  const best: number[][] = [];
  const run: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < m; i += 1) {
    const row = new Array<number>(n).fill(-Infinity);
    const runRow = new Array<number>(n).fill(0);
    const fromRow = new Array<number>(n).fill(-1);
    const prev = best[i - 1];
    const prevRun = run[i - 1];
    let gapScore = -Infinity;
    let gapFrom = -1;
    for (let j = 0; j < n; j += 1) {
      if (hay[j] === needle[i]) {
        if (prev === undefined || prevRun === undefined) {
          row[j] = SCORE_MATCH + (bonus[j] as number) * BONUS_FIRST_CHAR_MULTIPLIER;
          runRow[j] = 1;
        } else {
          const diagonal = j > 0 ? (prev[j - 1] as number) : -Infinity;
          let viaRun = -Infinity;
          let length = 1;
          if (diagonal > -Infinity) {
            let b = bonus[j] as number;
            length = (prevRun[j - 1] as number) + 1;
            const first = bonus[j - length + 1] as number;
            if (b >= BONUS_BOUNDARY && b > first) length = 1;
            else b = Math.max(b, BONUS_CONSECUTIVE, first);
            viaRun = diagonal + SCORE_MATCH + b;
          }
          const viaGap = gapScore + SCORE_MATCH + (bonus[j] as number);
          if (viaRun > -Infinity && viaRun >= viaGap) {
            row[j] = viaRun;
            runRow[j] = length;
            fromRow[j] = j - 1;
          } else if (viaGap > -Infinity) {
            row[j] = viaGap;
            runRow[j] = 1;
            fromRow[j] = gapFrom;
          }
        }
      }
      // For needle[i] at j + 1: needle[i - 1] at k <= j - 1 with hay[k + 1..j] skipped.
      if (prev !== undefined && j > 0) {
        const opened = (prev[j - 1] as number) - PENALTY_GAP_START;
        const extended = gapScore - PENALTY_GAP_EXTENSION;
        if (opened > -Infinity && opened >= extended) {
          gapScore = opened;
          gapFrom = j - 1;
        } else {
          gapScore = extended;
        }
      }
    }
    best.push(row);
    run.push(runRow);
    from.push(fromRow);
  }
  return backtrack(best, from, m, n);
}

function backtrack(best: number[][], from: number[][], m: number, n: number): FuzzyMatch {
  const last = best[m - 1] as number[];
  let top = -Infinity;
  let at = -1;
  for (let j = 0; j < n; j += 1) {
    if ((last[j] as number) > top) {
      top = last[j] as number;
      at = j;
    }
  }
  const indices: number[] = [];
  for (let i = m - 1; i >= 0 && at >= 0; i -= 1) {
    indices.push(at);
    at = (from[i] as number[])[at] as number;
  }
  return { score: Math.max(Math.round(top), 0), indices: indices.reverse() };
}
