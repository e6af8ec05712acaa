import { closeSync, mkdirSync, openSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzyFileSearchResult } from '@codex-ts/protocol';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
import { fuzzyMatch } from '@codex-ts/utils';
import type { CandidateList } from './candidate-list.js';
import { listCandidates } from './file-candidates.js';
import { FileIndexCache } from './file-index-cache.js';
import { MATCH_LIMIT, runFuzzyFileSearch } from './run-file-search.js';

// The indexed search must answer exactly what the search before it did: every candidate
// scored with fuzzyMatch, stably sorted by score (descending) then path, the first 50.

const WORDS = ['src', 'lib', 'main', 'Button', 'button', 'index', 'config', 'read', 'README'];
const MORE = ['fooBar', 'test', 'x_y', 'café', 'a b', 'App', 'server', 'search', 'v2', 'main.rs'];

/**
 * A deterministic tree of a thousand files with varied names (case, digits, spaces; accents
 * unless `ascii`: a tree with a non-ASCII path never stops scoring early).
 */
function writeTree(root: string, seed: number, ascii: boolean): void {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const names = [...WORDS, ...MORE].filter((name) => !ascii || /^[\x00-\x7f]*$/.test(name));
  const word = (): string => names[next(names.length)] as string;
  for (let f = 0; f < 1_200; f += 1) {
    const depth = 1 + next(4);
    const parts = Array.from({ length: depth }, () => `${word()}${next(3) === 0 ? next(10) : ''}`);
    const ext = ['ts', 'md', 'rs', 'tsx', ''][next(5)] as string;
    const path = join(root, ...parts, `${word()}-${word()}${ext === '' ? '' : `.${ext}`}`);
    mkdirSync(dirname(path), { recursive: true });
    closeSync(openSync(path, 'w'));
  }
}

const lists = new Map<string, CandidateList>();

/** The search as it was: score everything, sort everything. */
function reference(query: string, roots: string[]): FuzzyFileSearchResult[] {
  const all: FuzzyFileSearchResult[] = [];
  for (const root of roots) {
    const list = lists.get(root) as CandidateList;
    list.paths.forEach((path, i) => {
      const found = fuzzyMatch(query, path);
      if (found === null) return;
      all.push({
        root,
        path,
        match_type: list.dirFlags[i] === 1 ? 'directory' : 'file',
        file_name: basename(path),
        score: found.score,
        indices: found.indices,
      });
    });
  }
  all.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return all.slice(0, MATCH_LIMIT);
}

let treeA: TempDir;
let treeB: TempDir;

beforeAll(async () => {
  treeA = await makeTempCodexHome();
  treeB = await makeTempCodexHome();
  writeTree(treeA.path, 1, true);
  writeTree(treeB.path, 1, true); // the same paths: ties between roots
  writeTree(treeB.path, 2, false);
  for (const tree of [treeA, treeB]) lists.set(tree.path, await listCandidates(tree.path));
});

afterAll(async () => {
  await treeA.cleanup();
  await treeB.cleanup();
});

/** Types `text` one character at a time, then deletes it one at a time (memos both ways). */
function keystrokes(text: string): string[] {
  const typed = Array.from({ length: text.length }, (_, k) => text.slice(0, k + 1));
  return [...typed, ...typed.slice(0, -1).reverse()];
}

describe('runFuzzyFileSearch', () => {
  it('answers what scoring and sorting every candidate answers, keystroke by keystroke', async () => {
    const cache = new FileIndexCache();
    const typed = ['src/main', 'ReadMe', 'fbar t', 'café', 'x_y', 'b 2', 'Bt', 'zz'];
    let compared = 0;
    for (const roots of [[treeA.path], [treeA.path, treeB.path]]) {
      for (const text of typed) {
        for (const query of keystrokes(text)) {
          const want = reference(query, roots);
          const got = await runFuzzyFileSearch(query, roots, { cancelled: false }, cache);
          expect([query, got]).toEqual([query, want]);
          compared += want.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(2_000);
  });

  it('answers the same when a query grows by several characters at once or shrinks', async () => {
    const cache = new FileIndexCache();
    const roots = [treeA.path];
    const queries = ['s', 'src/m', 'src/mai', 'sr', 'src/main', 'm', 'main.r', 'x', 'x_y', 'rEa'];
    for (const query of [...queries, ...queries.reverse()]) {
      const got = await runFuzzyFileSearch(query, roots, { cancelled: false }, cache);
      expect([query, got]).toEqual([query, reference(query, roots)]);
    }
  });

  it('orders the same root given twice as the sort did', async () => {
    const cache = new FileIndexCache();
    const roots = [treeA.path, treeA.path];
    for (const query of ['main', 'read', 'i']) {
      expect(await runFuzzyFileSearch(query, roots, { cancelled: false }, cache)).toEqual(
        reference(query, roots),
      );
    }
  });

  it('answers nothing for a blank query or a cancelled search', async () => {
    const cache = new FileIndexCache();
    expect(await runFuzzyFileSearch('  ', [treeA.path], { cancelled: false }, cache)).toEqual([]);
    const cancellation = { cancelled: false };
    const search = runFuzzyFileSearch('main', [treeA.path], cancellation, cache);
    cancellation.cancelled = true;
    expect(await search).toEqual([]);
    // The cancelled search left nothing behind that changes the next one.
    expect(await runFuzzyFileSearch('main', [treeA.path], { cancelled: false }, cache)).toEqual(
      reference('main', [treeA.path]),
    );
  });
});
