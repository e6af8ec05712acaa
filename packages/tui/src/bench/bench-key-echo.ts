import { sleep, startTuiBenchSession, type TuiBenchOptions } from './bench-session.js';
import { msStats, type MsStats } from './frame-recorder.js';
import { KeyEchoProbe } from './key-echo-probe.js';

export interface KeyEchoBenchOptions extends TuiBenchOptions {
  /** Keys to type (default 100). */
  keys?: number;
  /** Pause between a key's echo and the next key (default 25 ms, brisk typing). */
  gapMs?: number;
}

export interface KeyEchoBenchResult {
  keys: number;
  /** Key written to the terminal's input to the first frame that shows it. */
  echo: MsStats;
  /** Most frames drawn from a key to its echo (1: always the first frame). */
  maxFramesToEcho: number;
}

/**
 * Types `keys` single characters into the idle composer of the real TUI (fresh session, chat
 * open, no turn running; after five untimed keys) and times each from the byte written to the
 * fake terminal's input to the Ink frame that shows it. `baseUrl` is only needed to open the
 * session (no turn runs).
 */
export async function benchKeyEcho(opts: KeyEchoBenchOptions): Promise<KeyEchoBenchResult> {
  const bench = await startTuiBenchSession(opts);
  try {
    // A few keys first, untimed: the first key press compiles the input and composer paths.
    const warmup = new KeyEchoProbe(bench);
    await sleep(50);
    for (let i = 0; i < 5; i++) {
      await warmup.press();
      await sleep(opts.gapMs ?? 25);
    }
    bench.stdin.type('\u0015');
    await sleep(50);
    const probe = new KeyEchoProbe(bench);
    const keys = opts.keys ?? 100;
    const gapMs = opts.gapMs ?? 25;
    for (let i = 0; i < keys; i++) {
      // A burst of typing longer than a line wraps the composer; start a fresh line now and then.
      if (i > 0 && i % 60 === 0) {
        bench.stdin.type('\u0015');
        await sleep(gapMs);
      }
      await probe.press();
      await sleep(gapMs);
    }
    return {
      keys,
      echo: msStats(probe.latencies),
      maxFramesToEcho: Math.max(0, ...probe.framesToEcho),
    };
  } finally {
    await bench.close();
  }
}
