/** One scored candidate: `root` is the position of its root in the request's roots. */
export interface RankedMatch {
  score: number;
  path: string;
  root: number;
  isDir: boolean;
}

/**
 * The best `limit` matches seen so far, best first: by score (descending), then path (code
 * unit order), then the order they were offered in, which is what a stable sort of every match
 * by score and path gives. A match that would not make the list costs a comparison or two, so
 * scoring many candidates needs no sort of them all. The matches of one root must be offered
 * (and asked about) in ascending path order: a match that only ties the worst one's score then
 * cannot go ahead of it when it comes from the same root, without comparing paths.
 */
export class BestMatches {
  private readonly list: RankedMatch[] = [];

  constructor(private readonly limit: number) {}

  /**
   * The least score a match of `root` needs to have a chance to make the list (one of another
   * root with just that score still needs a path ahead of the worst one's): -Infinity while
   * the list is not full.
   */
  floor(root: number): number {
    const worst = this.list[this.limit - 1];
    if (worst === undefined) return -Infinity;
    return worst.root === root ? worst.score + 1 : worst.score;
  }

  /** False when a match of `path` (of `root`) scoring at most `bound` cannot make the list. */
  admits(bound: number, path: string, root: number): boolean {
    const worst = this.list[this.limit - 1];
    if (worst === undefined || bound > worst.score) return true;
    return bound === worst.score && worst.root !== root && path < worst.path;
  }

  /**
   * True when no match of `root` scoring at most `ceiling` can make the list any more (it is
   * full, and its worst match scores more, or as much and comes from `root`).
   */
  closedTo(ceiling: number, root: number): boolean {
    const worst = this.list[this.limit - 1];
    if (worst === undefined) return false;
    return worst.score > ceiling || (worst.score === ceiling && worst.root === root);
  }

  offer(score: number, path: string, root: number, isDir: boolean): void {
    const list = this.list;
    if (this.limit <= 0) return;
    const worst = list[list.length - 1];
    if (list.length >= this.limit && worst !== undefined && !precedes(score, path, worst)) return;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // Equal keys keep their order: the new match goes after every match not behind it.
      if (precedes(score, path, list[mid] as RankedMatch)) hi = mid;
      else lo = mid + 1;
    }
    list.splice(lo, 0, { score, path, root, isDir });
    if (list.length > this.limit) list.pop();
  }

  /** The matches, best first. */
  matches(): readonly RankedMatch[] {
    return this.list;
  }
}

/** Whether a match of `score` and `path` goes strictly ahead of `other`. */
function precedes(score: number, path: string, other: RankedMatch): boolean {
  if (score !== other.score) return score > other.score;
  return path < other.path;
}
