import type { CompiledFuzzyQuery } from '@codex-ts/utils';
import type { BestMatches } from './best-matches.js';
import type { FileIndex, SearchMemo } from './file-index.js';

/** Candidates looked at between two looks at the cancellation flag. */
const CHUNK = 10_000;

/** Set by a later search with the same cancellation token. */
export interface SearchCancellation {
  cancelled: boolean;
}

const yieldToLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/** What one search of an index notes per match, for the next search (see `SearchMemo`). */
interface Found {
  count: number;
  matched: Int32Array;
  /** Only for an incremental query (see `SearchMemo.steps`). */
  ends: Int32Array | null;
  tight: Int32Array | null;
  best: Uint8Array | null;
}

/**
 * Scores one index into `best`; false when cancelled. Only what a shorter query matched is
 * looked at when the index remembers one, and the index remembers what this one matched.
 */
export async function searchIndex(
  index: FileIndex,
  root: number,
  compiled: CompiledFuzzyQuery,
  best: BestMatches,
  cancellation: SearchCancellation,
): Promise<boolean> {
  const memo = index.narrowestMemo(compiled.query);
  const size = memo?.matches.length ?? index.size;
  if (index.candidates.incremental(compiled)) {
    // The memo keeps views of these (no copies): a search's garbage is what collections cost.
    const found: Found = {
      count: 0,
      matched: new Int32Array(size),
      ends: new Int32Array(size),
      tight: new Int32Array(size),
      best: new Uint8Array(size),
    };
    if (!(await scanIncremental(index, root, compiled, best, cancellation, memo, found))) {
      return false;
    }
    const { count } = found;
    index.remember({
      query: compiled.query,
      matches: found.matched.subarray(0, count),
      steps: {
        atom: compiled.atoms?.[0]?.chars.join('') ?? '',
        ends: (found.ends as Int32Array).subarray(0, count),
        tight: (found.tight as Int32Array).subarray(0, count),
        best: (found.best as Uint8Array).subarray(0, count),
      },
    });
    return true;
  }
  const found: Found = { count: 0, matched: takeBuffer(size), ends: null, tight: null, best: null };
  try {
    const subset = memo?.matches ?? null;
    if (!(await scanIndex(index, root, compiled, best, cancellation, subset, found))) return false;
    index.remember({
      query: compiled.query,
      matches: found.matched.slice(0, found.count),
      steps: null,
    });
    return true;
  } finally {
    giveBack(found.matched);
  }
}

/**
 * Scans `subset` (positions in the index) or every candidate: notes the matches in `found`;
 * false when cancelled. Each match is bounded from masks (tightened when the bound reaches the
 * floor) before it is scored; once the best list is closed to the best score any candidate
 * here could have, it only looks for the rest of the matches.
 */
async function scanIndex(
  index: FileIndex,
  root: number,
  compiled: CompiledFuzzyQuery,
  best: BestMatches,
  cancellation: SearchCancellation,
  subset: Int32Array | null,
  found: Found,
): Promise<boolean> {
  const { candidates } = index;
  const total = subset?.length ?? index.size;
  const ranker = new Ranker(index, root, compiled, best);
  const { matched } = found;
  let count = 0;
  for (let start = 0; start < total; start += CHUNK) {
    if (cancellation.cancelled) return false;
    const end = Math.min(total, start + CHUNK);
    for (let at = start; at < end; at += 1) {
      const i = subset === null ? at : (subset[at] as number);
      if (!candidates.matches(compiled, i)) continue;
      matched[count] = i;
      count += 1;
      if (ranker.closed) continue;
      const bound = candidates.bound(compiled, i, ranker.floor);
      if (bound >= ranker.floor) ranker.consider(i, bound);
    }
    found.count = count;
    await yieldToLoop();
  }
  return !cancellation.cancelled;
}

/**
 * `scanIndex` for an incremental query (one lower-case atom), one character at a time
 * (`FuzzyCandidates.extend`) from where the remembered search of a shorter such query left
 * each match, or from the start: a new character costs an `indexOf` for the match and a few
 * mask and pair-filter tests for the bounds (`tightCredit`), whatever the query's length.
 */
async function scanIncremental(
  index: FileIndex,
  root: number,
  compiled: CompiledFuzzyQuery,
  best: BestMatches,
  cancellation: SearchCancellation,
  memo: SearchMemo | null,
  found: Found,
): Promise<boolean> {
  const { candidates } = index;
  const length = compiled.atoms?.[0]?.chars.length ?? 0;
  const atom = compiled.atoms?.[0]?.chars.join('') ?? '';
  const memoSteps = memo?.steps ?? null;
  const steps = memoSteps !== null && atom.startsWith(memoSteps.atom) ? memoSteps : null;
  const from = steps?.atom.length ?? 0;
  const subset = memo?.matches ?? null;
  const total = subset?.length ?? index.size;
  const ranker = new Ranker(index, root, compiled, best);
  const ends = found.ends as Int32Array;
  const tights = found.tight as Int32Array;
  const bests = found.best as Uint8Array;
  const { matched } = found;
  const step = candidates.step;
  let count = 0;
  for (let start = 0; start < total; start += CHUNK) {
    if (cancellation.cancelled) return false;
    const stop = Math.min(total, start + CHUNK);
    for (let at = start; at < stop; at += 1) {
      const i = subset === null ? at : (subset[at] as number);
      let end: number;
      let tight: number;
      let bestBonus: number;
      if (steps === null) {
        end = candidates.leftmost(compiled, i);
        if (end < 0) continue;
        bestBonus = step.best;
        tight = length === 1 ? step.loose : candidates.bound(compiled, i, -Infinity);
      } else {
        end = steps.ends[at] as number;
        tight = steps.tight[at] as number;
        bestBonus = steps.best[at] as number;
        for (let c = from; c < length && end >= 0; c += 1) {
          const before = bestBonus;
          // The loose bound (`step.loose`) is not needed: the precise one is always at hand.
          end = candidates.extend(compiled, i, c, end, 0, before);
          bestBonus = step.best;
          if (end >= 0) tight += candidates.tightCredit(compiled, i, c, step.bonus, before);
        }
        if (end < 0) continue;
      }
      if (!ranker.closed && tight >= ranker.floor) ranker.consider(i, tight);
      matched[count] = i;
      ends[count] = end;
      tights[count] = tight;
      bests[count] = bestBonus;
      count += 1;
    }
    found.count = count;
    await yieldToLoop();
  }
  return !cancellation.cancelled;
}

/**
 * The scoring side of a scan: a match whose bound reaches `floor` is scored and offered to
 * the best list when the list admits it; `closed` once no candidate of this index can make it.
 */
class Ranker {
  floor: number;
  closed: boolean;
  private readonly ceiling: number;

  constructor(
    private readonly index: FileIndex,
    private readonly root: number,
    private readonly compiled: CompiledFuzzyQuery,
    private readonly best: BestMatches,
  ) {
    this.ceiling = index.candidates.ceiling(compiled);
    this.closed = best.closedTo(this.ceiling, root);
    this.floor = best.floor(root);
  }

  consider(i: number, bound: number): void {
    const path = this.index.paths[i] as string;
    if (!this.best.admits(bound, path, this.root)) return;
    const score = this.index.candidates.score(this.compiled, i);
    if (score === null) return;
    this.best.offer(score, path, this.root, this.index.dirFlags[i] === 1);
    this.floor = this.best.floor(this.root);
    this.closed = this.best.closedTo(this.ceiling, this.root);
  }
}

/** Buffers that non-incremental searches are done with (each copies out what it keeps). */
const spareBuffers: Int32Array[] = [];

function takeBuffer(size: number): Int32Array {
  const at = spareBuffers.findIndex((buffer) => buffer.length >= size);
  return at >= 0 ? (spareBuffers.splice(at, 1)[0] as Int32Array) : new Int32Array(size);
}

function giveBack(buffer: Int32Array): void {
  if (spareBuffers.length < 6) spareBuffers.push(buffer);
}
