import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_MS, FrameClock } from './frame-clock.js';

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'],
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('FrameClock', () => {
  it('runs one tick for the requests made before it, on the next turn of the event loop', () => {
    const tick = vi.fn();
    const clock = new FrameClock(tick);
    clock.request();
    clock.request();
    expect(tick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it('keeps ticks a frame apart', () => {
    const times: number[] = [];
    const clock = new FrameClock(() => times.push(performance.now()));
    clock.request();
    vi.advanceTimersByTime(0);
    clock.request();
    vi.advanceTimersByTime(FRAME_MS - 1);
    expect(times).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(FRAME_MS);
    // A request long after the last tick is served at once again.
    vi.advanceTimersByTime(100);
    clock.request();
    vi.advanceTimersByTime(0);
    expect(times).toHaveLength(3);
  });

  it('a request from inside a tick asks for the next frame', () => {
    let ticks = 0;
    const clock = new FrameClock(() => {
      ticks += 1;
      if (ticks < 3) clock.request();
    });
    clock.request();
    vi.advanceTimersByTime(0);
    expect(ticks).toBe(1);
    vi.advanceTimersByTime(FRAME_MS * 2);
    expect(ticks).toBe(3);
  });

  it('runs nothing once disposed', () => {
    const tick = vi.fn();
    const clock = new FrameClock(tick);
    clock.request();
    clock.dispose();
    clock.request();
    vi.advanceTimersByTime(FRAME_MS * 3);
    expect(tick).not.toHaveBeenCalled();
  });
});
