import { describe, expect, it } from 'vitest';
import { TimeSlice } from './time-slice.js';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('TimeSlice', () => {
  it('is due once its time has run; its break lets other callbacks run', async () => {
    const slice = new TimeSlice(5);
    let fired = false;
    setImmediate(() => (fired = true));
    busy(6);
    expect(slice.due()).toBe(true);
    expect(fired).toBe(false);
    await slice.yield();
    expect(fired).toBe(true);
  });

  it('bounds a loop over a backlog: other callbacks run between its slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other'));
    const slice = new TimeSlice(30);
    for (let i = 0; i < 4; i++) {
      if (slice.due()) await slice.yield();
      order.push(`item${i}`);
      busy(20);
    }
    // Not before the first item, and not only after the whole backlog.
    expect(order[0]).toBe('item0');
    expect(order.indexOf('other')).toBeGreaterThan(0);
    expect(order.indexOf('other')).toBeLessThan(order.length - 1);
  });
});
