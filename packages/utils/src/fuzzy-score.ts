import {
  BONUS_BOUNDARY,
  BONUS_CONSECUTIVE,
  BONUS_FIRST_CHAR_MULTIPLIER,
  PENALTY_GAP_EXTENSION,
  PENALTY_GAP_START,
  SCORE_MATCH,
} from './fuzzy-constants.js';
import { bonusAt, maskBit, pairBit } from './fuzzy-ascii.js';

/** One whitespace-separated part of an ASCII query. */
export interface FuzzyAtom {
  /** The atom's characters, one string each (searched for with `indexOf`). */
  readonly chars: readonly string[];
  /** `maskBit` of each character, lower-cased. */
  readonly bits: readonly number[];
  /**
   * Characters i - 1 and i together as codes (`a * 128 + b`; 0 at index 0), as the atom
   * matches them (for the set of pairs any candidate has).
   */
  readonly pairCodes: readonly number[];
  /** The same pairs lower-cased, as `pairBit` places them in a candidate's pair filter. */
  readonly pairBits: readonly number[];
  /** Smart case: an atom with a capital matches case-sensitively. */
  readonly caseSensitive: boolean;
  /** A single lower-case letter: a candidate has it exactly when its mask has the bit. */
  readonly maskDecides: boolean;
  /** Per ASCII code: the last position of the atom holding that character, or -1. */
  readonly lastRow: Int32Array;
  /** Per position: the previous position holding the same character, or -1. */
  readonly prevRow: Int32Array;
}

/**
 * A query prepared for scoring many candidates (see `FuzzyCandidates`), with the same results
 * as `fuzzyMatch(query, candidate)`.
 */
export interface CompiledFuzzyQuery {
  readonly query: string;
  /** Mask bits every matching ASCII candidate has. */
  readonly mask: number;
  /** Null for a query with a non-ASCII character: candidates are then scored by `fuzzyMatch`. */
  readonly atoms: readonly FuzzyAtom[] | null;
}

/** Compiles `query` (whitespace-separated atoms); null when it has no atom (matches nothing). */
export function compileFuzzyQuery(query: string): CompiledFuzzyQuery | null {
  const words = query.split(/\s+/).filter((atom) => atom !== '');
  if (words.length === 0) return null;
  if (!/^[\x00-\x7f]*$/.test(query)) return { query, mask: 0, atoms: null };
  let mask = 0;
  const atoms = words.map((word): FuzzyAtom => {
    const lower = word.toLowerCase();
    const bits: number[] = [];
    const caseSensitive = word !== lower;
    const pairs: string[] = [];
    for (let i = 0; i < lower.length; i += 1) {
      const code = lower.charCodeAt(i);
      bits.push(maskBit(code));
      pairs.push(i === 0 ? '' : (caseSensitive ? word : lower).slice(i - 1, i + 1));
      mask |= maskBit(code);
    }
    const maskDecides = !caseSensitive && /^[a-z]$/.test(word);
    const lastRow = new Int32Array(128).fill(-1);
    const prevRow = new Int32Array(word.length);
    for (let i = 0; i < word.length; i += 1) {
      const code = word.charCodeAt(i);
      prevRow[i] = lastRow[code] as number;
      lastRow[code] = i;
    }
    const chars = Array.from(word);
    const pairCodes = pairs.map((pair) =>
      pair === '' ? 0 : pair.charCodeAt(0) * 128 + pair.charCodeAt(1),
    );
    const pairBits = pairs.map((_, i) =>
      i === 0 ? 0 : pairBit(lower.charCodeAt(i - 1), lower.charCodeAt(i)),
    );
    return {
      chars,
      bits,
      pairCodes,
      pairBits,
      caseSensitive,
      maskDecides,
      lastRow,
      prevRow,
    };
  });
  return { query, mask, atoms };
}

// Scratch space reused by every call (grown on demand), per position of the atom: the
// latest finite cell of that row of the programme (column, score, length of the consecutive
// run it ends), and the best score + column * extension over the row's earlier cells.
let cellAt = new Int32Array(32);
let cellScore = new Float64Array(32);
let cellRun = new Int32Array(32);
let reach = new Float64Array(32);

/**
 * The optimal alignment score of the atom in `hay` (ASCII; `text` gives the bonuses), or -1
 * when it is not a subsequence: fuzzy-match.ts's `bestMatch` without the backtracking, in one
 * pass over `hay`. A row i of that programme (atom[0..i] with atom[i] matched at column j) is
 * finite only where hay[j] is atom[i], and a cell only reads the previous row: diagonally (the
 * cell just before, a consecutive run) or through the gap score, which at column j is the best
 * prev[k] - start - (j - 2 - k) * extension over the previous row's cells k <= j - 2, so a
 * running maximum of prev[k] + k * extension. Each column of `hay` updates the rows whose
 * character it is, last row first (so a row reads the previous one as of the columns before).
 */
export function scoreAsciiAtom(atom: FuzzyAtom, hay: string, text: string): number {
  const m = atom.prevRow.length;
  if (cellAt.length < m) {
    const size = Math.max(m, cellAt.length * 2);
    cellAt = new Int32Array(size);
    cellScore = new Float64Array(size);
    cellRun = new Int32Array(size);
    reach = new Float64Array(size);
  }
  cellAt.fill(-2, 0, m);
  reach.fill(-Infinity, 0, m);
  const { lastRow, prevRow } = atom;
  let top = -Infinity;
  // No cell before the first place atom[0] is at, nor after the last place its last one is.
  const from = hay.indexOf(atom.chars[0] as string);
  const to = hay.lastIndexOf(atom.chars[m - 1] as string);
  for (let k = from < 0 ? hay.length : from; k <= to; k += 1) {
    const code = hay.charCodeAt(k);
    let i = code < 128 ? (lastRow[code] as number) : -1;
    if (i < 0) continue;
    const bonus = bonusAt(text, k);
    for (; i >= 0; i = prevRow[i] as number) {
      let score: number;
      let run = 1;
      if (i === 0) {
        score = SCORE_MATCH + bonus * BONUS_FIRST_CHAR_MULTIPLIER;
      } else {
        const before = i - 1;
        const lastAt = cellAt[before] as number;
        let gapReach = reach[before] as number;
        let viaRun = -Infinity;
        let length = 1;
        if (lastAt === k - 1) {
          let b = bonus;
          length = (cellRun[before] as number) + 1;
          const runStart = bonusAt(text, k - length + 1);
          if (b >= BONUS_BOUNDARY && b > runStart) length = 1;
          else b = Math.max(b, BONUS_CONSECUTIVE, runStart);
          viaRun = (cellScore[before] as number) + SCORE_MATCH + b;
        } else if (lastAt >= 0) {
          const latest = (cellScore[before] as number) + lastAt * PENALTY_GAP_EXTENSION;
          if (latest > gapReach) gapReach = latest;
        }
        const viaGap =
          gapReach === -Infinity
            ? -Infinity
            : gapReach - (k - 2) * PENALTY_GAP_EXTENSION - PENALTY_GAP_START + SCORE_MATCH + bonus;
        if (viaRun > -Infinity && viaRun >= viaGap) {
          score = viaRun;
          run = length;
        } else if (viaGap > -Infinity) {
          score = viaGap;
        } else {
          continue;
        }
      }
      const lastAt = cellAt[i] as number;
      if (lastAt >= 0) {
        const earlier = (cellScore[i] as number) + lastAt * PENALTY_GAP_EXTENSION;
        if (earlier > (reach[i] as number)) reach[i] = earlier;
      }
      cellAt[i] = k;
      cellScore[i] = score;
      cellRun[i] = run;
      if (i === m - 1 && score > top) top = score;
    }
  }
  return top === -Infinity ? -1 : Math.max(top, 0);
}
