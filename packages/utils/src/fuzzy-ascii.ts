import {
  BONUS_BOUNDARY,
  BONUS_BOUNDARY_DELIMITER,
  BONUS_BOUNDARY_WHITE,
  BONUS_CAMEL123,
  BONUS_NON_WORD,
} from './fuzzy-constants.js';

// The ASCII half of the fuzzy matcher's character model, in tables for the batch scorer:
// classes and bonuses exactly as fuzzy-match.ts computes them for ASCII characters, plus the
// bit masks a candidate set keeps to rule candidates out without scanning them.

const WHITE = 0;
const NON_WORD = 1;
export const DELIMITER = 2;
const LOWER = 3;
const UPPER = 4;
const NUMBER = 5;
export const CLASS_COUNT = 6;

/** The class of each ASCII code unit. */
export const CLASS = new Uint8Array(128).map((_, code) => {
  if (code === 0x2f) return DELIMITER;
  if ((code >= 9 && code <= 13) || code === 32) return WHITE;
  if (code >= 0x61 && code <= 0x7a) return LOWER;
  if (code >= 0x41 && code <= 0x5a) return UPPER;
  if (code >= 0x30 && code <= 0x39) return NUMBER;
  return NON_WORD;
});

function bonusFor(prev: number, cls: number): number {
  if (cls === LOWER || cls === UPPER || cls === NUMBER) {
    if (prev === WHITE) return BONUS_BOUNDARY_WHITE;
    if (prev === DELIMITER) return BONUS_BOUNDARY_DELIMITER;
    if (prev === NON_WORD) return BONUS_BOUNDARY;
  }
  if ((prev === LOWER && cls === UPPER) || (prev !== NUMBER && cls === NUMBER)) {
    return BONUS_CAMEL123;
  }
  if (cls === NON_WORD || cls === DELIMITER) return BONUS_NON_WORD;
  if (cls === WHITE) return BONUS_BOUNDARY_WHITE;
  return 0;
}

/** Bonus of a match at a character of class `cls` after one of class `prev` (`prev * 6 + cls`). */
export const BONUS = new Uint8Array(CLASS_COUNT * CLASS_COUNT).map((_, at) =>
  bonusFor(Math.floor(at / CLASS_COUNT), at % CLASS_COUNT),
);

/** The bonus of a match at column `k` of ASCII `text`; a path starts as after a delimiter. */
export function bonusAt(text: string, k: number): number {
  const prev = k === 0 ? DELIMITER : (CLASS[text.charCodeAt(k - 1)] as number);
  return BONUS[prev * CLASS_COUNT + (CLASS[text.charCodeAt(k)] as number)] as number;
}

/** The bonus levels a candidate keeps a character mask for (every bonus is one of them or 0). */
export const BONUS_LEVELS = [
  BONUS_BOUNDARY_WHITE,
  BONUS_BOUNDARY_DELIMITER,
  BONUS_BOUNDARY,
  BONUS_CAMEL123,
] as const;

/**
 * The mask bit of a lower-case ASCII character: one bit per letter, shared bits for digits,
 * `-`/`_` and everything else. A candidate lacking a query character's bit cannot match.
 */
export function maskBit(lowerCode: number): number {
  if (lowerCode >= 0x61 && lowerCode <= 0x7a) return 1 << (lowerCode - 0x61);
  if (lowerCode >= 0x30 && lowerCode <= 0x39) return 1 << 26;
  if (lowerCode === 0x2e) return 1 << 27;
  if (lowerCode === 0x2f) return 1 << 28;
  if (lowerCode === 0x2d || lowerCode === 0x5f) return 1 << 29;
  return 1 << 30;
}

/** `maskBit` of each lower-case ASCII code unit. */
export const MASK_BIT = Int32Array.from({ length: 128 }, (_, code) => maskBit(code));

/** Bits of a candidate's filter of adjacent character pairs (`FuzzyCandidates`). */
export const PAIR_FILTER_BITS = 256;

/**
 * Where the pair of lower-case characters `a`, `b` goes in a pair filter: a hash of the pair
 * to one of `PAIR_FILTER_BITS` bits. A filter without the bit lacks the pair; with it, the pair
 * is likely there (other pairs share bits).
 */
export function pairBit(a: number, b: number): number {
  return Math.imul(a * 128 + b, 0x9e3779b1) >>> 24;
}
