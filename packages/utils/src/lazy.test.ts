import { describe, expect, it } from 'vitest';
import { lazy } from './lazy.js';

describe('lazy', () => {
  it('builds on the first call only and returns the same value after', () => {
    let builds = 0;
    const get = lazy(() => {
      builds++;
      return { n: builds };
    });
    expect(builds).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(builds).toBe(1);
  });

  it('remembers falsy values', () => {
    let builds = 0;
    const get = lazy(() => {
      builds++;
      return undefined;
    });
    get();
    get();
    expect(builds).toBe(1);
  });

  it('builds again after a build that threw', () => {
    let builds = 0;
    const get = lazy(() => {
      builds++;
      if (builds === 1) throw new Error('first build fails');
      return builds;
    });
    expect(() => get()).toThrow('first build fails');
    expect(get()).toBe(2);
  });
});
