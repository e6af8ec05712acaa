import { describe, expect, it } from 'vitest';
import { CappedOutput } from './capped-output.js';

function streamed(cap: number | null, chunks: string[]): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [];
  const output = new CappedOutput(cap, (data, capReached) =>
    out.push([data.toString(), capReached]),
  );
  for (const chunk of chunks) output.push(Buffer.from(chunk));
  return out;
}

describe('CappedOutput', () => {
  it('captures up to the cap and drops the rest', () => {
    const output = new CappedOutput(5);
    for (const chunk of ['abc', 'def', 'ghi']) output.push(Buffer.from(chunk));
    expect(output.text()).toBe('abcde');
    const all = new CappedOutput(null);
    for (const chunk of ['abc', 'def']) all.push(Buffer.from(chunk));
    expect(all.text()).toBe('abcdef');
  });

  it('streams chunks, marking the one that reaches the cap as the last', () => {
    expect(streamed(5, ['abc', 'def', 'ghi'])).toEqual([
      ['abc', false],
      ['de', true],
    ]);
    // Filling the cap exactly also ends the stream (as the Rust server reports it).
    expect(streamed(6, ['abc', 'def', 'ghi'])).toEqual([
      ['abc', false],
      ['def', true],
    ]);
    expect(streamed(100, ['abc', 'def'])).toEqual([
      ['abc', false],
      ['def', false],
    ]);
    expect(streamed(null, ['abc'])).toEqual([['abc', false]]);
    expect(streamed(0, ['abc', 'def'])).toEqual([['', true]]);
  });

  it('captures nothing while streaming', () => {
    const output = new CappedOutput(null, () => {});
    output.push(Buffer.from('abc'));
    expect(output.text()).toBe('');
  });
});
