import { basename, resolve } from 'node:path';
import type { FuzzyFileSearchResult } from '@codex-ts/protocol';
import { fuzzyMatch } from '@codex-ts/utils';
import { listCandidates } from './file-candidates.js';

/** Matches returned by one search, over all roots (the Rust app server's limit). */
export const MATCH_LIMIT = 50;
/** Candidates scored between two looks at the cancellation flag. */
const CHUNK = 2_000;

/** Set by a later search with the same cancellation token. */
export interface SearchCancellation {
  cancelled: boolean;
}

/**
 * Fuzzy-matches `query` against the files and directories of every root (see
 * `listCandidates`) and returns the best `MATCH_LIMIT` matches, highest score first and then by
 * path, with the matched character indices. A cancelled search returns no matches.
 */
export async function runFuzzyFileSearch(
  query: string,
  roots: readonly string[],
  cancellation: SearchCancellation,
): Promise<FuzzyFileSearchResult[]> {
  const cancelled = (): boolean => cancellation.cancelled;
  const matches: FuzzyFileSearchResult[] = [];
  for (const root of roots) {
    const candidates = await listCandidates(resolve(root), cancelled);
    for (let start = 0; start < candidates.length; start += CHUNK) {
      if (cancelled()) return [];
      for (const candidate of candidates.slice(start, start + CHUNK)) {
        const match = fuzzyMatch(query, candidate.path);
        if (match === null) continue;
        matches.push({
          root,
          path: candidate.path,
          match_type: candidate.isDir ? 'directory' : 'file',
          file_name: basename(candidate.path),
          score: match.score,
          indices: match.indices,
        });
      }
      if (matches.length > MATCH_LIMIT * 4) keepBest(matches);
      await new Promise<void>((done) => setImmediate(done));
    }
  }
  if (cancelled()) return [];
  keepBest(matches);
  return matches;
}

/** Sorts by score (descending) then path, and drops all but the first `MATCH_LIMIT`. */
function keepBest(matches: FuzzyFileSearchResult[]): void {
  matches.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  matches.length = Math.min(matches.length, MATCH_LIMIT);
}
