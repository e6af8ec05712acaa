import { FuzzyCandidates } from '@codex-ts/utils';
import type { CandidateList, CandidateSource } from './candidate-list.js';

/** Queries whose matches an index remembers (at most 13 bytes a candidate each). */
const MAX_MEMOS = 8;

/** The candidates that matched a query, for narrowing the search of a longer one. */
export interface SearchMemo {
  readonly query: string;
  /** Positions in the index, ascending. */
  readonly matches: Int32Array;
  /**
   * For a query searched incrementally (`FuzzyCandidates.incremental`: one lower-case atom),
   * per match: where its leftmost match ends, its precise bound and the best bonus credited,
   * so that a query typing more characters onto `atom` goes on from there
   * (`FuzzyCandidates.extend`).
   */
  readonly steps: {
    readonly atom: string;
    readonly ends: Int32Array;
    readonly tight: Int32Array;
    readonly best: Uint8Array;
  } | null;
}

/**
 * The searchable candidates of one root, kept between searches: the paths prepared for the
 * fuzzy matcher (`FuzzyCandidates`: flat strings, lower-case forms, a few bit masks each;
 * about 15 MB for 100,000 paths of ~60 characters) and which of them are directories.
 */
export class FileIndex {
  readonly candidates: FuzzyCandidates;
  /** 1 where path `i` is a directory. */
  readonly dirFlags: Uint8Array;
  /** How the candidates were listed; `refreshCandidates` checks it. */
  readonly source: CandidateSource;
  /**
   * Recent queries searched to the end over this index and what they matched, each extending
   * the one before it (what typing builds up). A query that extends one of them can only match
   * a subset of its matches, so its search looks at just those; after a backspace the shorter
   * query's own entry is still here.
   */
  private memos: SearchMemo[] = [];

  constructor(list: CandidateList) {
    // Sorted by path: the order matches tie in, so a search's best list soon holds the first
    // paths of its best score and every later candidate that could at most tie is skipped.
    const { paths, dirFlags } = list;
    const order = Array.from(paths.keys()).sort((a, b) => {
      const pa = paths[a] as string;
      const pb = paths[b] as string;
      return pa < pb ? -1 : pa > pb ? 1 : 0;
    });
    this.candidates = new FuzzyCandidates(order.map((i) => paths[i] as string));
    this.dirFlags = Uint8Array.from(order, (i) => dirFlags[i] as number);
    this.source = list.source;
  }

  /** The matches of the longest remembered query that `query` extends (or equals), if any. */
  narrowestMemo(query: string): SearchMemo | null {
    let found: SearchMemo | null = null;
    for (const memo of this.memos) {
      if (query.startsWith(memo.query) && memo.query.length >= (found?.query.length ?? 0)) {
        found = memo;
      }
    }
    return found;
  }

  /** Remembers what `query` matched, forgetting the queries it does not extend. */
  remember(memo: SearchMemo): void {
    const kept = this.memos.filter(
      (other) => other.query !== memo.query && memo.query.startsWith(other.query),
    );
    kept.push(memo);
    this.memos = kept.slice(-MAX_MEMOS);
  }

  get size(): number {
    return this.candidates.size;
  }

  get paths(): readonly string[] {
    return this.candidates.texts;
  }
}
