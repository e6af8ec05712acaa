import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { sleep, startTuiBenchSession, type TuiBenchOptions, waitFor } from './bench-session.js';
import { msStats, type MsStats } from './frame-recorder.js';
import { KeyEchoProbe } from './key-echo-probe.js';

export interface TuiStreamingBenchOptions extends TuiBenchOptions {
  /** Also type a character every this many ms while the message streams (key echo under load). */
  typeEveryMs?: number;
  /** Give up after this long (default 120 s). */
  timeoutMs?: number;
}

/** What streaming one agent message through the TUI cost. */
export interface TuiStreamingBenchResult {
  /** `item/agentMessage/delta` notifications handled, and the characters they carried. */
  deltas: number;
  chars: number;
  /** Lines of the message committed into scrollback (rendered, wrapped at the terminal width). */
  committedLines: number;
  /** Enter pressed to turn completed with the message's last line written to the terminal. */
  totalMs: number;
  /** First delta to last delta delivered to the TUI's client (the TUI may still work them off). */
  streamMs: number;
  /** Per Ink frame while the turn ran: the TUI's synchronous work since the previous frame. */
  frameWork: MsStats;
  /** The same in this thread's CPU time (not inflated by other processes on a busy machine). */
  frameCpu: MsStats;
  /** Per Ink frame: Ink's renderTime (building the live area's output). */
  frameRender: MsStats;
  /** Per frame tick: the session's handling of the notifications queued for it. */
  tickWork: MsStats;
  /** Most notifications handled between two frames. */
  maxNotificationsPerFrame: number;
  /** The whole process (core, app server and TUI): longest event-loop stall and busy share. */
  eventLoopMaxDelayMs: number;
  eventLoopP99DelayMs: number;
  eventLoopUtilization: number;
  /** Key echo while streaming (only with `typeEveryMs`). */
  keyEcho: MsStats | null;
  /** Bytes written to the terminal during the turn. */
  bytesWritten: number;
  /** The markdown warm-up that ran once the chat opened (before the turn), per step. */
  warmUp: MsStats & { total: number };
}

/**
 * Streams one agent message through the real TUI: types a prompt and Enter into the composer,
 * the in-process app server runs the turn against the fake model at `baseUrl` (which must answer
 * with one long streamed message), and the recorder times every Ink frame until the turn is over.
 * Not a timed test: `npm run bench` prints the figures against ARCHITECTURE.md section 9.
 */
export async function benchTuiStreaming(
  opts: TuiStreamingBenchOptions,
): Promise<TuiStreamingBenchResult> {
  const bench = await startTuiBenchSession(opts);
  const { recorder, stdin, stdout, store, ui } = bench;
  try {
    await sleep(50);
    stdin.type('Stream the benchmark message.');
    await waitFor(
      ui.subscribe,
      () => ui.getSnapshot().composer.buffer.text !== '',
      5_000,
      'typing',
    );
    await sleep(30);

    let deltas = 0;
    let chars = 0;
    let firstDelta = 0;
    let lastDelta = 0;
    let completed = false;
    let failure: string | null = null;
    const serverDone = new Promise<void>((resolve) => {
      const off = bench.onNotification((n) => {
        if (n.method === 'item/agentMessage/delta') {
          lastDelta = performance.now();
          if (deltas === 0) firstDelta = lastDelta;
          deltas += 1;
          chars += n.params.delta.length;
        } else if (n.method === 'turn/completed') {
          const turn = n.params.turn;
          if (turn.status !== 'completed') failure = turn.error?.message ?? turn.status;
          off();
          resolve();
        }
      });
    });
    // The TUI works off its queue in frames: the turn is over for it once it has handled
    // turn/completed (the store's running turn went from set to unset).
    let sawTurn = false;
    const done = serverDone.then(() =>
      waitFor(
        store.subscribe,
        () => sawTurn && store.getSnapshot().turn === null,
        opts.timeoutMs ?? 120_000,
        'the TUI to finish the turn',
      ).then(() => {
        completed = true;
      }),
    );
    const offTurn = store.subscribe(() => {
      sawTurn ||= store.getSnapshot().turn !== null;
    });

    const transcriptBefore = store.transcript.length;
    const bytesBefore = stdout.bytes;
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const elu = performance.eventLoopUtilization();
    const probe = opts.typeEveryMs ? new KeyEchoProbe(bench) : null;
    recorder.resetInterval();
    recorder.recording = true;
    delay.enable();
    const start = performance.now();
    stdin.type('\r');
    const typing = probe?.typeEvery(opts.typeEveryMs ?? 0, () => completed);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('tui bench: the streamed turn did not complete in time')),
        opts.timeoutMs ?? 120_000,
      );
    });
    await Promise.race([done, timeout]).finally(() => {
      clearTimeout(timer);
      offTurn();
    });
    if (failure !== null) throw new Error(`tui bench: the turn failed: ${failure}`);
    // The App's commit sink writes the message's last lines on the next immediate (queued
    // before this one), redrawing the live area below them.
    await new Promise((resolve) => setImmediate(resolve));
    const totalMs = performance.now() - start;
    await typing;
    await nextFrame(recorder.onFrame.bind(recorder), 100);
    delay.disable();
    recorder.recording = false;
    const busy = performance.eventLoopUtilization(elu);

    if (deltas === 0) throw new Error('tui bench: no agent message deltas arrived');
    const frames = recorder.frames;
    return {
      deltas,
      chars,
      committedLines: store.transcript.length - transcriptBefore,
      totalMs,
      streamMs: lastDelta - firstDelta,
      frameWork: msStats(frames.map((f) => f.workMs)),
      frameCpu: msStats(frames.map((f) => f.cpuMs)),
      frameRender: msStats(frames.map((f) => f.renderMs)),
      tickWork: msStats(recorder.tickMs),
      maxNotificationsPerFrame: Math.max(0, ...frames.map((f) => f.notifications)),
      eventLoopMaxDelayMs: delay.max / 1e6,
      eventLoopP99DelayMs: delay.percentile(99) / 1e6,
      eventLoopUtilization: busy.utilization,
      keyEcho: probe ? msStats(probe.latencies) : null,
      bytesWritten: stdout.bytes - bytesBefore,
      warmUp: {
        ...msStats(bench.warmUpSteps),
        total: bench.warmUpSteps.reduce((a, b) => a + b, 0),
      },
    };
  } finally {
    await bench.close();
  }
}

/** Resolves after the next Ink frame, or after `timeoutMs` when nothing changes on screen. */
function nextFrame(
  onFrame: (listener: () => void) => () => void,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve();
    }, timeoutMs);
    const off = onFrame(() => {
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
