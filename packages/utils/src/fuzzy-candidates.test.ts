import { describe, expect, it } from 'vitest';
import { FuzzyCandidates } from './fuzzy-candidates.js';
import { fuzzyMatch } from './fuzzy-match.js';
import { compileFuzzyQuery } from './fuzzy-score.js';

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(next: () => number, alphabet: string, length: number): string {
  const chars = Array.from(alphabet);
  return Array.from({ length }, () => chars[Math.floor(next() * chars.length)] ?? '').join('');
}

/**
 * What the candidate set says of `texts` against `query`, as `fuzzyMatch` scores say it (a
 * negative number flags a disagreement); also checks that the bounds are never below the
 * score, nor the precise bound above the loose one.
 */
function compare(query: string, texts: readonly string[]): Array<[string, number | null]> {
  const set = new FuzzyCandidates(texts);
  const compiled = compileFuzzyQuery(query);
  return texts.map((text, i) => {
    const want = fuzzyMatch(query, text)?.score ?? null;
    if (compiled === null) return [text, want === null ? null : -1];
    const matches = set.matches(compiled, i);
    const score = set.score(compiled, i);
    const loose = set.bound(compiled, i);
    const precise = set.bound(compiled, i, -Infinity);
    if (matches !== (score !== null) || (score !== null && (precise < score || loose < precise))) {
      return [text, -2];
    }
    return [text, score === want ? want : -3];
  });
}

const expectSame = (query: string, texts: readonly string[]): void => {
  const want = texts.map((text) => [text, fuzzyMatch(query, text)?.score ?? null]);
  expect([query, compare(query, texts)]).toEqual([query, want]);
};

describe('FuzzyCandidates', () => {
  it('scores exactly as fuzzyMatch on random texts and queries, bounds included', () => {
    const next = random(7);
    const textAlphabet = 'aabbccdeeffmnrsstABCF0129//--__.. ';
    const queryAlphabet = 'abcefmrsABF1/-_. ';
    let matched = 0;
    for (let round = 0; round < 500; round += 1) {
      const texts = Array.from({ length: 40 }, () =>
        pick(next, textAlphabet, 1 + Math.floor(next() * 40)),
      );
      const query = pick(next, queryAlphabet, 1 + Math.floor(next() * 6));
      matched += texts.filter((text) => fuzzyMatch(query, text) !== null).length;
      expectSame(query, texts);
    }
    expect(matched).toBeGreaterThan(2_000);
  });

  it('scores realistic paths as fuzzyMatch does', () => {
    const paths = [
      'src/main.rs',
      'packages/app-server/src/file-search/run-file-search.ts',
      'docs/README.md',
      'src/components/FooBar/FooBar.test.tsx',
      'a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z.txt',
      `${'x'.repeat(300)}/deep/${'y'.repeat(300)}.ts`,
    ];
    for (const query of ['s', 'src', 'rfs', 'src/m', 'fbt', 'FooBar', 'readme', 'app srch', 'xy']) {
      expectSame(query, paths);
    }
  });

  it('leftmost, extend and tightCredit answer what matches and the bounds answer, key by key', () => {
    const next = random(23);
    let matched = 0;
    for (let round = 0; round < 200; round += 1) {
      const texts = Array.from({ length: 30 }, () =>
        pick(next, 'aabbccdeeffmnrsstABCF0129//--__.. ', 1 + Math.floor(next() * 40)),
      );
      const set = new FuzzyCandidates(texts);
      const word = pick(next, 'abcefmrs1/-_.', 1 + Math.floor(next() * 6));
      for (let i = 0; i < texts.length; i += 1) {
        // Typed one character at a time, each step going on from the one before.
        let end = -1;
        let loose = 0;
        let tight = 0;
        let best = 0;
        for (let k = 1; k <= word.length; k += 1) {
          const q = compileFuzzyQuery(word.slice(0, k));
          if (q === null || !set.incremental(q)) throw new Error(`not incremental: ${word}`);
          const matches = set.matches(q, i);
          const whole = set.leftmost(q, i);
          const wholeLoose = set.step.loose;
          expect([texts[i], q.query, whole >= 0]).toEqual([texts[i], q.query, matches]);
          if (k > 1 && end < 0) continue;
          const bestBefore = best;
          end = set.extend(q, i, k - 1, end, loose, best);
          expect([texts[i], q.query, end]).toEqual([texts[i], q.query, whole]);
          if (end < 0) continue;
          ({ loose, best } = set.step);
          tight += k === 1 ? loose : set.tightCredit(q, i, k - 1, set.step.bonus, bestBefore);
          expect([texts[i], q.query, loose, wholeLoose, tight]).toEqual([
            texts[i],
            q.query,
            set.bound(q, i),
            set.bound(q, i),
            set.bound(q, i, -Infinity),
          ]);
          matched += 1;
        }
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('searches incrementally only one-atom queries without a capital over ASCII texts', () => {
    const ascii = new FuzzyCandidates(['src/main.ts']);
    const accented = new FuzzyCandidates(['docs/café.md']);
    const q = (text: string) =>
      compileFuzzyQuery(text) as NonNullable<ReturnType<typeof compileFuzzyQuery>>;
    expect(ascii.incremental(q('src'))).toBe(true);
    expect(ascii.incremental(q('Src'))).toBe(false);
    expect(ascii.incremental(q('src main'))).toBe(false);
    expect(ascii.incremental(q('café'))).toBe(false);
    expect(accented.incremental(q('src'))).toBe(false);
  });

  it('leaves non-ASCII texts and queries to fuzzyMatch', () => {
    const texts = ['docs/café.md', 'a/😀é', 'naïve/main.ts', 'docs/cafe.md', 'K-kelvin'];
    for (const query of ['cafe', 'café', 'é', 'mn', 'k', 'K']) expectSame(query, texts);
    const set = new FuzzyCandidates(texts);
    const cafe = compileFuzzyQuery('cafe');
    expect(cafe === null ? null : set.score(cafe, 0)).not.toBeNull();
  });

  it('keeps texts that hold a NUL character', () => {
    const set = new FuzzyCandidates(['a\0b', 'ab']);
    expect(set.texts).toEqual(['a\0b', 'ab']);
    expectSame('ab', ['a\0b', 'ab']);
  });

  it('compiles no query from an empty or blank one', () => {
    expect(compileFuzzyQuery('')).toBeNull();
    expect(compileFuzzyQuery('  \t')).toBeNull();
  });

  it('rules out a text without a query character by its mask', () => {
    const set = new FuzzyCandidates(['src/main.ts', 'xyz']);
    const compiled = compileFuzzyQuery('xyz');
    expect(compiled && set.matches(compiled, 0)).toBe(false);
    expect(compiled && set.matches(compiled, 1)).toBe(true);
  });
});
