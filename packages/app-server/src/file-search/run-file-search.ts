import { basename } from 'node:path';
import type { FuzzyFileSearchResult } from '@codex-ts/protocol';
import { compileFuzzyQuery, fuzzyMatch, type CompiledFuzzyQuery } from '@codex-ts/utils';
import { BestMatches } from './best-matches.js';
import { FileIndex } from './file-index.js';
import type { FileIndexCache } from './file-index-cache.js';

/** Matches returned by one search, over all roots (the Rust app server's limit). */
export const MATCH_LIMIT = 50;
/** Candidates scored between two looks at the cancellation flag. */
const CHUNK = 10_000;

/** Set by a later search with the same cancellation token. */
export interface SearchCancellation {
  cancelled: boolean;
}

const yieldToLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * Fuzzy-matches `query` against the files and directories of every root (their indexes from
 * `indexes`, see `listCandidates`) and returns the best `MATCH_LIMIT` matches, highest score
 * first and then by path, with the matched character indices: what scoring every candidate
 * with `fuzzyMatch` and sorting them all gives. Each candidate is tested (`FuzzyCandidates`:
 * mask, then subsequence), and scored without indices only when its score bound can still make
 * the bounded best list; only the final matches are matched again for their indices. When the
 * query extends one recently searched over an index, only that search's matches are looked at.
 * The cancellation flag is read between chunks of candidates; a cancelled search returns no
 * matches.
 */
export async function runFuzzyFileSearch(
  query: string,
  roots: readonly string[],
  cancellation: SearchCancellation,
  indexes: FileIndexCache,
): Promise<FuzzyFileSearchResult[]> {
  const compiled = compileFuzzyQuery(query);
  if (compiled === null) return [];
  const best = new BestMatches(MATCH_LIMIT);
  for (let root = 0; root < roots.length; root += 1) {
    const index = await indexes.get(roots[root] as string);
    if (!(await searchIndex(index, root, compiled, best, cancellation))) return [];
  }
  if (cancellation.cancelled) return [];
  return results(query, roots, best);
}

/** The matches of `best` with their indices (`fuzzyMatch`'s), as the protocol has them. */
function results(
  query: string,
  roots: readonly string[],
  best: BestMatches,
): FuzzyFileSearchResult[] {
  return best.matches().flatMap((match): FuzzyFileSearchResult[] => {
    const found = fuzzyMatch(query, match.path);
    if (found === null) return [];
    return [
      {
        root: roots[match.root] as string,
        path: match.path,
        match_type: match.isDir ? 'directory' : 'file',
        file_name: basename(match.path),
        score: found.score,
        indices: found.indices,
      },
    ];
  });
}

/** Queries of `warmUpSearch`: one letter, a run, a capital, two atoms. */
const WARM_UP_QUERIES = ['e', 'es', 'Se', 'e s'];
/** Candidates `warmUpSearch` searches. */
const WARM_UP_CANDIDATES = 3_000;

/**
 * Searches the first few thousand paths of `index` a few times and forgets the results, so
 * that the code a search runs is compiled before the first keystroke needs it (the first
 * search of a process otherwise runs in the interpreter, several times slower).
 */
export async function warmUpSearch(index: FileIndex): Promise<void> {
  const count = Math.min(index.size, WARM_UP_CANDIDATES);
  const sample = new FileIndex({
    paths: index.paths.slice(0, count),
    dirFlags: Array.from(index.dirFlags.subarray(0, count)),
    source: index.source,
  });
  for (const query of WARM_UP_QUERIES) {
    const compiled = compileFuzzyQuery(query);
    if (compiled === null) continue;
    const best = new BestMatches(MATCH_LIMIT);
    await searchIndex(sample, 0, compiled, best, { cancelled: false });
    results(query, [''], best);
  }
}

/** Scores one index into `best`; false when cancelled. The index remembers what matched. */
async function searchIndex(
  index: FileIndex,
  root: number,
  compiled: CompiledFuzzyQuery,
  best: BestMatches,
  cancellation: SearchCancellation,
): Promise<boolean> {
  // The candidates to look at: what a shorter query matched, or all.
  const subset = index.narrowestMemo(compiled.query)?.matches ?? null;
  const matched = takeBuffer(subset?.length ?? index.size);
  try {
    const count = await scanIndex(index, root, compiled, best, cancellation, subset, matched);
    if (count < 0) return false;
    index.remember({ query: compiled.query, matches: matched.slice(0, count) });
    return true;
  } finally {
    giveBack(matched);
  }
}

/**
 * `searchIndex` over `subset` (positions in the index) or every candidate: notes the matches
 * in `matched` and answers how many, or -1 when cancelled. Once the best list is closed to the
 * best score any candidate here could have, it only looks for the rest of the matches.
 */
async function scanIndex(
  index: FileIndex,
  root: number,
  compiled: CompiledFuzzyQuery,
  best: BestMatches,
  cancellation: SearchCancellation,
  subset: Int32Array | null,
  matched: Int32Array,
): Promise<number> {
  const { candidates, dirFlags, paths } = index;
  const total = subset?.length ?? index.size;
  const ceiling = candidates.ceiling(compiled);
  let closed = best.closedTo(ceiling, root);
  let floor = best.floor(root);
  let count = 0;
  for (let start = 0; start < total; start += CHUNK) {
    if (cancellation.cancelled) return -1;
    const end = Math.min(total, start + CHUNK);
    for (let at = start; at < end; at += 1) {
      const i = subset === null ? at : (subset[at] as number);
      if (!candidates.matches(compiled, i)) continue;
      matched[count] = i;
      count += 1;
      if (closed) continue;
      // A bound from masks (tightened when it reaches the floor) before the full score.
      const bound = candidates.bound(compiled, i, floor);
      if (bound < floor) continue;
      const path = paths[i] as string;
      if (!best.admits(bound, path, root)) continue;
      const score = candidates.score(compiled, i);
      if (score === null) continue;
      best.offer(score, path, root, dirFlags[i] === 1);
      floor = best.floor(root);
      closed = best.closedTo(ceiling, root);
    }
    await yieldToLoop();
  }
  return cancellation.cancelled ? -1 : count;
}

/** Buffers of positions that searches are done with (each copies out what it keeps). */
const spareBuffers: Int32Array[] = [];

function takeBuffer(size: number): Int32Array {
  const spare = spareBuffers.pop();
  return spare !== undefined && spare.length >= size ? spare : new Int32Array(size);
}

function giveBack(buffer: Int32Array): void {
  if (spareBuffers.length < 2) spareBuffers.push(buffer);
}
