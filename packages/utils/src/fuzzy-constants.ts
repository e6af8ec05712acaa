/**
 * The scoring constants of the fuzzy matcher (fzf's v2 values, as nucleo uses them), shared by
 * `fuzzyMatch` and the batch scorer of `compileFuzzyQuery` so both score alike.
 */

export const SCORE_MATCH = 16;
export const PENALTY_GAP_START = 3;
export const PENALTY_GAP_EXTENSION = 1;
export const BONUS_BOUNDARY = SCORE_MATCH / 2;
export const BONUS_BOUNDARY_WHITE = BONUS_BOUNDARY + 2;
export const BONUS_BOUNDARY_DELIMITER = BONUS_BOUNDARY + 1;
export const BONUS_NON_WORD = BONUS_BOUNDARY;
export const BONUS_CAMEL123 = BONUS_BOUNDARY - PENALTY_GAP_START;
export const BONUS_CONSECUTIVE = PENALTY_GAP_START + PENALTY_GAP_EXTENSION;
export const BONUS_FIRST_CHAR_MULTIPLIER = 2;
