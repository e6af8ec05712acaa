/** Most entries taken from one root; the rest of a huge tree is not searched. */
export const MAX_CANDIDATES_PER_ROOT = 200_000;

/**
 * How a root's candidates were listed, with what tells later whether they are still current:
 * the raw `git ls-files` output of a work tree, or (for a walked directory) the modification
 * time of every directory entered and every ignore file read, taken before it was read.
 */
export type CandidateSource =
  | { readonly kind: 'git'; readonly listed: string; readonly deleted: string }
  | {
      readonly kind: 'walk';
      /** When the walk began (`Date.now()`, the clock file times are on). */
      readonly listedAt: number;
      readonly stampPaths: readonly string[];
      /** `mtimeMs` of `stampPaths[i]` at listing time; -1 when it could not be read. */
      readonly stamps: Float64Array;
    };

/** The files and directories of one root, relative to it (`/`-separated). */
export interface CandidateList {
  readonly paths: string[];
  /** 1 where `paths[i]` is a directory. */
  readonly dirFlags: number[];
  readonly source: CandidateSource;
}
