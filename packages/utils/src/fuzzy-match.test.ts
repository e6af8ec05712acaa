import { describe, expect, it } from 'vitest';
import { fuzzyMatch } from './fuzzy-match.js';

const rank = (query: string, paths: string[]): string[] =>
  paths
    .map((path) => ({ path, match: fuzzyMatch(query, path) }))
    .filter((entry) => entry.match !== null)
    .sort((a, b) => (b.match?.score ?? 0) - (a.match?.score ?? 0) || a.path.localeCompare(b.path))
    .map((entry) => entry.path);

describe('fuzzyMatch', () => {
  it('needs every query character in order', () => {
    expect(fuzzyMatch('abc', 'a-b-c')).not.toBeNull();
    expect(fuzzyMatch('acb', 'a-b-c')).toBeNull();
    expect(fuzzyMatch('', 'abc')).toBeNull();
    expect(fuzzyMatch('abcd', 'abc')).toBeNull();
  });

  it('reports the matched code-point indices', () => {
    expect(fuzzyMatch('main', 'src/main.rs')?.indices).toEqual([4, 5, 6, 7]);
    expect(fuzzyMatch('mr', 'src/main.rs')?.indices).toEqual([4, 9]);
    expect(fuzzyMatch('é', 'a/😀é')?.indices).toEqual([3]);
  });

  it('is case-insensitive unless the query has capitals', () => {
    expect(fuzzyMatch('readme', 'README.md')).not.toBeNull();
    expect(fuzzyMatch('ReadMe', 'README.md')).toBeNull();
    expect(fuzzyMatch('README', 'README.md')).not.toBeNull();
  });

  it('ignores accents for an ASCII query', () => {
    expect(fuzzyMatch('cafe', 'docs/café.md')?.indices).toEqual([5, 6, 7, 8]);
    expect(fuzzyMatch('café', 'docs/cafe.md')).toBeNull();
  });

  it('prefers matches at segment starts, consecutive ones first', () => {
    // Equal scores fall back to the path order, as the Rust file search sorts.
    expect(
      rank('main', ['src/domain/api.ts', 'src/main.ts', 'm/a/i/n.txt', 'lib/mainframe.c']),
    ).toEqual(['lib/mainframe.c', 'src/main.ts', 'm/a/i/n.txt', 'src/domain/api.ts']);
    expect(fuzzyMatch('main', 'src/main.ts')!.score).toBeGreaterThan(
      fuzzyMatch('main', 'src/domain.ts')!.score,
    );
  });

  it('rewards camelCase humps and word boundaries', () => {
    const hump = fuzzyMatch('fb', 'src/FooBar.ts');
    const inner = fuzzyMatch('fb', 'src/xfxb.ts');
    expect(hump?.indices).toEqual([4, 7]);
    expect(hump!.score).toBeGreaterThan(inner!.score);
  });

  it('matches every whitespace-separated atom and merges their indices', () => {
    const match = fuzzyMatch('src  main', 'src/main.rs');
    expect(match?.indices).toEqual([0, 1, 2, 4, 5, 6, 7]);
    expect(fuzzyMatch('src zzz', 'src/main.rs')).toBeNull();
  });
});
