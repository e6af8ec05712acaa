import stripAnsi from 'strip-ansi';
import { composerText } from '../composer/index.js';
import { sleep, type TuiBenchSession } from './bench-session.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Types single characters into the TUI's fake keyboard and times each one until the first Ink
 * frame that shows it: the composer state holds the new text and the frame's output (written to
 * the fake terminal since the key) contains the character.
 */
export class KeyEchoProbe {
  /** Key arrival to the frame showing it, per key. */
  readonly latencies: number[] = [];
  /** Frames drawn from the key to its echo (1: the first frame showed it). */
  readonly framesToEcho: number[] = [];
  private next = 0;

  constructor(private readonly bench: TuiBenchSession) {}

  /**
   * Types the next letter. `arrivedAt` is when the key reached the terminal (default now); a key
   * meant to arrive while the event loop was busy counts that wait too.
   */
  press(arrivedAt = performance.now(), timeoutMs = 5_000): Promise<number> {
    const { ui, stdin, stdout, recorder } = this.bench;
    const char = LETTERS[this.next++ % LETTERS.length] ?? 'x';
    const expected = composerText(ui.getSnapshot().composer) + char;
    return new Promise((resolve, reject) => {
      let frames = 0;
      const timer = setTimeout(() => {
        off();
        reject(new Error(`tui bench: the key ${JSON.stringify(char)} was not echoed`));
      }, timeoutMs);
      const off = recorder.onFrame(() => {
        frames += 1;
        if (composerText(ui.getSnapshot().composer) !== expected) return;
        if (!stripAnsi(stdout.capturedText()).includes(char)) return;
        const latency = performance.now() - arrivedAt;
        clearTimeout(timer);
        off();
        this.latencies.push(latency);
        this.framesToEcho.push(frames);
        resolve(latency);
      });
      stdout.capture();
      stdin.type(char);
    });
  }

  /** Presses a key every `intervalMs` (each after the previous echo) until `stop()` holds. */
  async typeEvery(intervalMs: number, stop: () => boolean): Promise<void> {
    while (!stop()) {
      const due = performance.now() + intervalMs;
      await sleep(intervalMs);
      if (stop()) return;
      await this.press(due);
    }
  }
}
