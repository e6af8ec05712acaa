import {
  BONUS_CONSECUTIVE,
  BONUS_FIRST_CHAR_MULTIPLIER,
  PENALTY_GAP_START,
  SCORE_MATCH,
} from './fuzzy-constants.js';
import {
  BONUS,
  BONUS_LEVELS,
  CLASS,
  CLASS_COUNT,
  DELIMITER,
  MASK_BIT,
  PAIR_FILTER_BITS,
  pairBit,
} from './fuzzy-ascii.js';
import { fuzzyMatch } from './fuzzy-match.js';
import { scoreAsciiAtom, type CompiledFuzzyQuery, type FuzzyAtom } from './fuzzy-score.js';

/** `masks` value of a text with a non-ASCII character: it is left to `fuzzyMatch`. */
const NON_ASCII = -1;
const LEVELS = BONUS_LEVELS.length;
const PAIRS = 128 * 128;
/** `levelBound` modes besides checking one text's pairs: every pair allowed, or `pairsSeen`. */
const ANY_PAIR = -1;
const SEEN_PAIRS = -2;
const NO_ATOMS: readonly FuzzyAtom[] = [];
/** Int32 words of a text's pair filter. */
const FILTER_WORDS = PAIR_FILTER_BITS / 32;

/**
 * Many texts (file paths) prepared for fuzzy matching against one query after another, with
 * the results of `fuzzyMatch`: `matches(q, i)` is `fuzzyMatch(q.query, texts[i]) !== null` and
 * `score(q, i)` its score, computed without the matched indices. Per text it keeps the
 * lower-case form and a few bit masks (characters present, characters found at each bonus
 * level) so that `matches` is usually a mask test and a few `indexOf` calls, and
 * `bound(q, i, floor)` gives an upper bound of the score from the masks alone (made tighter
 * with a few `includes` calls when it reaches `floor`): a caller that keeps the best N skips
 * scoring every text whose bound is below its worst, and stops at `ceiling(q)`. Texts with a
 * non-ASCII character, and non-ASCII queries, go through `fuzzyMatch`.
 */
export class FuzzyCandidates {
  readonly texts: readonly string[];
  private readonly lower: readonly string[];
  /** `maskBit` of every character, lower-cased; `NON_ASCII` for a non-ASCII text. */
  private readonly masks: Int32Array;
  /**
   * `LEVELS` masks a text: the characters found at a bonus of at least `BONUS_LEVELS[l]`; then
   * `LEVELS` more for the union over every ASCII text (for `ceiling`).
   */
  private readonly levels: Int32Array;
  /**
   * The pairs of adjacent characters some ASCII text has (1 at `a * 128 + b`): lower-cased,
   * then as they are (`PAIRS` on), for `ceiling`.
   */
  private readonly pairsSeen = new Uint8Array(2 * PAIRS);
  /**
   * Per text, `FILTER_WORDS` words: the adjacent pairs of its lower-cased form (`pairBit`), a
   * filter that tells a pair is absent without a string search (it may say a pair is there
   * that is not, which only loosens a bound).
   */
  private readonly pairFilter: Int32Array;
  private readonly hasNonAscii: boolean;
  /** What `leftmost` and `extend` answer besides the end (see there). */
  readonly step = { loose: 0, best: 0, bonus: 0 };

  constructor(texts: readonly string[]) {
    const count = texts.length;
    // Cut from one joined string, the texts are flat in memory (quick to scan), whatever
    // concatenations built them. NUL is the separator unless a text holds one.
    const flat = count === 0 ? [] : texts.join('\0').split('\0');
    this.texts = flat.length === count ? flat : [...texts];
    const lower = new Array<string>(count);
    this.masks = new Int32Array(count);
    this.levels = new Int32Array((count + 1) * LEVELS);
    this.pairFilter = new Int32Array(count * FILTER_WORDS);
    for (let i = 0; i < count; i += 1) {
      const text = this.texts[i] as string;
      const folded = text.toLowerCase();
      lower[i] = folded === text ? text : folded;
      this.describe(i, text, folded);
      for (let l = 0; l < LEVELS; l += 1) {
        const union = count * LEVELS + l;
        this.levels[union] =
          (this.levels[union] as number) | (this.levels[i * LEVELS + l] as number);
      }
    }
    this.lower = lower;
    this.hasNonAscii = this.masks.includes(NON_ASCII);
  }

  /**
   * At least the score of every text against `q` (the bound of all the texts at once: their
   * characters' best bonuses, and the pairs of adjacent characters any of them has): a caller
   * whose best list is full and no worse than this can stop scoring.
   */
  ceiling(q: CompiledFuzzyQuery): number {
    if (q.atoms === null || this.hasNonAscii) return Infinity;
    return this.levelBound(q, this.texts.length * LEVELS, SEEN_PAIRS);
  }

  get size(): number {
    return this.texts.length;
  }

  /** Whether text `i` matches `q` (every atom of it is a subsequence, smart case). */
  matches(q: CompiledFuzzyQuery, i: number): boolean {
    const mask = this.masks[i] as number;
    if (mask !== NON_ASCII && (mask & q.mask) !== q.mask) return false;
    if (q.atoms === null || mask === NON_ASCII) {
      return fuzzyMatch(q.query, this.texts[i] as string) !== null;
    }
    // Indexed loops: this runs for every candidate of a search, and an iterator per call (that
    // escape analysis does not always remove) was most of a search's garbage.
    const atoms = q.atoms;
    for (let a = 0; a < atoms.length; a += 1) {
      const atom = atoms[a] as FuzzyAtom;
      if (atom.maskDecides) continue;
      const hay = (atom.caseSensitive ? this.texts[i] : this.lower[i]) as string;
      const chars = atom.chars;
      let at = -1;
      for (let c = 0; c < chars.length; c += 1) {
        at = hay.indexOf(chars[c] as string, at + 1);
        if (at < 0) return false;
      }
    }
    return true;
  }

  /**
   * Whether `q` can be searched with `leftmost` and `extend`: one atom without a capital (so
   * matched case-insensitively), and every text ASCII.
   */
  incremental(q: CompiledFuzzyQuery): boolean {
    return q.atoms?.length === 1 && q.atoms[0]?.caseSensitive === false && !this.hasNonAscii;
  }

  /**
   * For an `incremental` query: whether text `i` matches it, and if so the end of its leftmost
   * match, with `step` holding the loose bound (`bound(q, i)`) and the highest bonus credited
   * (what `extend` goes on from); -1 when it does not match. Same answers as `matches`.
   */
  leftmost(q: CompiledFuzzyQuery, i: number): number {
    const atom = (q.atoms as readonly FuzzyAtom[])[0] as FuzzyAtom;
    if (((this.masks[i] as number) & q.mask) !== q.mask) return -1;
    this.step.loose = 0;
    this.step.best = 0;
    let end = -1;
    for (let c = 0; c < atom.chars.length; c += 1) {
      end = this.extend(q, i, c, end, this.step.loose, this.step.best);
      if (end < 0) return -1;
    }
    return end;
  }

  /**
   * `leftmost` one character further: text `i` matched the atom's first `c` characters with
   * its leftmost match ending at `end`, loose bound `loose` and best bonus `best`; answers the
   * end once character `c` is matched too (-1: it does not match). `step` then holds the loose
   * bound and best bonus, and the bonus of character `c` (for `tightCredit`).
   */
  extend(
    q: CompiledFuzzyQuery,
    i: number,
    c: number,
    end: number,
    loose: number,
    best: number,
  ): number {
    const atom = (q.atoms as readonly FuzzyAtom[])[0] as FuzzyAtom;
    const bit = atom.bits[c] as number;
    if (((this.masks[i] as number) & bit) === 0) return -1;
    const at = (this.lower[i] as string).indexOf(atom.chars[c] as string, end + 1);
    if (at < 0) return -1;
    const base = i * LEVELS;
    const b =
      ((this.levels[base] as number) & bit) !== 0
        ? BONUS_LEVELS[0]
        : ((this.levels[base + 1] as number) & bit) !== 0
          ? BONUS_LEVELS[1]
          : ((this.levels[base + 2] as number) & bit) !== 0
            ? BONUS_LEVELS[2]
            : ((this.levels[base + 3] as number) & bit) !== 0
              ? BONUS_LEVELS[3]
              : 0;
    this.step.loose =
      loose +
      (c === 0
        ? SCORE_MATCH + b * BONUS_FIRST_CHAR_MULTIPLIER
        : SCORE_MATCH + Math.max(b, BONUS_CONSECUTIVE, best));
    this.step.bonus = b;
    this.step.best = b > best ? b : best;
    return at;
  }

  /**
   * What character `c` (c >= 1, of bonus `bonus`, after characters whose best bonus is `best`)
   * adds to the precise bound (`bound(q, i, -Infinity)`) of text `i` for an `incremental` query.
   */
  tightCredit(q: CompiledFuzzyQuery, i: number, c: number, bonus: number, best: number): number {
    const atom = (q.atoms as readonly FuzzyAtom[])[0] as FuzzyAtom;
    return this.hasPair(i, atom.pairBits[c] as number)
      ? SCORE_MATCH + Math.max(bonus, BONUS_CONSECUTIVE, best)
      : SCORE_MATCH + bonus - PENALTY_GAP_START;
  }

  /**
   * At least `score(q, i)`. Each query character is credited the best bonus its character has
   * anywhere in the text, and after the first, the score of continuing a run. When that total
   * reaches `floor`, it is made tighter: a character the text nowhere has right after the
   * query character before it is credited the score after a gap instead (an `includes` each).
   */
  bound(q: CompiledFuzzyQuery, i: number, floor = Infinity): number {
    if (q.atoms === null || this.masks[i] === NON_ASCII) return Infinity;
    const loose = this.levelBound(q, i * LEVELS, ANY_PAIR);
    return loose < floor ? loose : this.levelBound(q, i * LEVELS, i);
  }

  /**
   * `bound` from the level masks at `base`; adjacent pairs checked in text `pairsOf`, or in
   * `pairsSeen` (`SEEN_PAIRS`), or not at all (`ANY_PAIR`).
   */
  private levelBound(q: CompiledFuzzyQuery, base: number, pairsOf: number): number {
    const l0 = this.levels[base] as number;
    const l1 = this.levels[base + 1] as number;
    const l2 = this.levels[base + 2] as number;
    const l3 = this.levels[base + 3] as number;
    let total = 0;
    const atoms = q.atoms ?? NO_ATOMS;
    for (let a = 0; a < atoms.length; a += 1) {
      const atom = atoms[a] as FuzzyAtom;
      const seen = atom.caseSensitive ? PAIRS : 0;
      let best = 0;
      for (let c = 0; c < atom.bits.length; c += 1) {
        const bit = atom.bits[c] as number;
        const b =
          (l0 & bit) !== 0
            ? BONUS_LEVELS[0]
            : (l1 & bit) !== 0
              ? BONUS_LEVELS[1]
              : (l2 & bit) !== 0
                ? BONUS_LEVELS[2]
                : (l3 & bit) !== 0
                  ? BONUS_LEVELS[3]
                  : 0;
        if (c === 0) {
          total += SCORE_MATCH + b * BONUS_FIRST_CHAR_MULTIPLIER;
        } else if (
          pairsOf === ANY_PAIR ||
          (pairsOf === SEEN_PAIRS
            ? this.pairsSeen[seen + (atom.pairCodes[c] as number)] === 1
            : this.hasPair(pairsOf, atom.pairBits[c] as number))
        ) {
          total += SCORE_MATCH + Math.max(b, BONUS_CONSECUTIVE, best);
        } else {
          total += SCORE_MATCH + b - PENALTY_GAP_START;
        }
        if (b > best) best = b;
      }
    }
    return total;
  }

  /** The score of text `i` against `q` (`fuzzyMatch`'s), or null when it does not match. */
  score(q: CompiledFuzzyQuery, i: number): number | null {
    const text = this.texts[i] as string;
    if (q.atoms === null || this.masks[i] === NON_ASCII) {
      return fuzzyMatch(q.query, text)?.score ?? null;
    }
    let total = 0;
    const atoms = q.atoms;
    for (let a = 0; a < atoms.length; a += 1) {
      const atom = atoms[a] as FuzzyAtom;
      const hay = atom.caseSensitive ? text : (this.lower[i] as string);
      const score = scoreAsciiAtom(atom, hay, text);
      if (score < 0) return null;
      total += score;
    }
    return total;
  }

  /** Whether text `i`'s pair filter has `bit` (a `pairBit`). */
  private hasPair(i: number, bit: number): boolean {
    return (((this.pairFilter[i * FILTER_WORDS + (bit >>> 5)] as number) >>> (bit & 31)) & 1) === 1;
  }

  /** Fills the masks of text `i` (one pass; ASCII classes and bits from tables). */
  private describe(i: number, text: string, folded: string): void {
    let mask = 0;
    let l0 = 0;
    let l1 = 0;
    let l2 = 0;
    let l3 = 0;
    let prevClass = DELIMITER;
    for (let k = 0; k < text.length; k += 1) {
      const original = text.charCodeAt(k);
      const code = folded.charCodeAt(k);
      if (code >= 128 || original >= 128) {
        this.masks[i] = NON_ASCII;
        return;
      }
      const bit = MASK_BIT[code] as number;
      mask |= bit;
      if (k > 0) {
        const pair = pairBit(folded.charCodeAt(k - 1), code);
        const word = i * FILTER_WORDS + (pair >>> 5);
        this.pairFilter[word] = (this.pairFilter[word] as number) | (1 << (pair & 31));
        this.pairsSeen[folded.charCodeAt(k - 1) * 128 + code] = 1;
        this.pairsSeen[PAIRS + text.charCodeAt(k - 1) * 128 + original] = 1;
      }
      const cls = CLASS[original] as number;
      const bonus = BONUS[prevClass * CLASS_COUNT + cls] as number;
      if (bonus >= BONUS_LEVELS[3]) {
        l3 |= bit;
        if (bonus >= BONUS_LEVELS[2]) l2 |= bit;
        if (bonus >= BONUS_LEVELS[1]) l1 |= bit;
        if (bonus >= BONUS_LEVELS[0]) l0 |= bit;
      }
      prevClass = cls;
    }
    this.masks[i] = mask;
    const base = i * LEVELS;
    this.levels[base] = l0;
    this.levels[base + 1] = l1;
    this.levels[base + 2] = l2;
    this.levels[base + 3] = l3;
  }
}
