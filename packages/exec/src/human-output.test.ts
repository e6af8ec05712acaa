import { describe, expect, it } from 'vitest';
import { groupThousands } from './human-output.js';

describe('groupThousands', () => {
  it('prints integers as toLocaleString("en-US") does', () => {
    const samples = [0, 7, 42, 999, 1000, 1234, 99_999, 100_000, 1_234_567, 12_345_678_901];
    for (const n of [...samples, ...samples.map((s) => -s), Number.MAX_SAFE_INTEGER]) {
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('defers to toLocaleString for what is not a safe integer', () => {
    for (const n of [1.5, 1234.5678, Number.NaN, Infinity, 2 ** 60]) {
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
