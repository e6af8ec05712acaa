import { basename } from 'node:path';
import type { FuzzyFileSearchResult } from '@codex-ts/protocol';
import { compileFuzzyQuery, fuzzyMatch } from '@codex-ts/utils';
import { BestMatches } from './best-matches.js';
import { FileIndex } from './file-index.js';
import type { FileIndexCache } from './file-index-cache.js';
import { searchIndex, type SearchCancellation } from './scan-index.js';

export type { SearchCancellation } from './scan-index.js';

/** Matches returned by one search, over all roots (the Rust app server's limit). */
export const MATCH_LIMIT = 50;

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
const WARM_UP_QUERIES = ['e', 'es', 'est', 'Se', 'e s'];
/** Candidates `warmUpSearch` searches. */
const WARM_UP_CANDIDATES = 10_000;

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
