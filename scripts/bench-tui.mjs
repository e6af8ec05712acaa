#!/usr/bin/env node
// TUI figures of ARCHITECTURE.md section 9: "streaming 10,000 lines keeps each frame <= 16 ms; a
// key press echoes within one frame". Times never fail the run.
//
//   node scripts/bench-tui.mjs [--lines N] [--react-dev]   (after `npm run build`)
//
// It drives the real TUI from packages/tui/dist (the tsc build; Node cannot load our TypeScript
// sources directly): the Ink `App` rendered into a fake 100x40 terminal, the chat store, the
// notification handler and the session/UI controllers over an in-process app server and core, as
// `codex` wires them. The model is test-support's fake Responses server, run in a worker thread
// (scripts/lib/fake-model-worker.mjs) so that it does no work on the event loop being measured.
// The agent message is markdown (headings, prose, lists, fenced code, tables) streamed in about
// two lines per delta, cut mid-line, in two ways:
//   burst   the whole SSE stream in one write: the TUI gets deltas as fast as core parses them
//   paced   1 ms between SSE events (at most ~1,000 deltas/s, still far faster than a real
//           model), with a key typed every 50 ms to time key echo while output streams
// React runs its production build (NODE_ENV=production; `--react-dev` for the development one).
// A frame's work is the TUI's synchronous work between two Ink frames: its frame ticks (the
// session handles the notifications queued since the last tick, for at most a few ms, commits
// the finished lines above the live area and redraws it once), other writes, and Ink's renders.
// The session starts as `codex` does: the markdown renderer warms up once the chat is open
// (reported first); the message streams after that. See packages/tui/src/bench/.
//
// scripts/bench.mjs can `import { benchTui }` and pass its rows array.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAME_MS = 16;
const LINES = 10_000;

/**
 * React picks its build from NODE_ENV when first loaded. The figures are for the production build
 * (what a terminal app should ship); `reactDev` measures the development build, which is what
 * runs when NODE_ENV is unset and nothing pins it.
 */
async function loadTui(reactDev) {
  process.env.NODE_ENV = reactDev ? 'development' : 'production';
  try {
    return await import('@codex-ts/tui');
  } catch (err) {
    throw new Error(
      `cannot load @codex-ts/tui from packages/tui/dist (${err.message}); ` +
        'run `npm run build` first (`npm run bench` does)',
      { cause: err },
    );
  }
}

/** test-support's fake Responses server in a worker thread; `send` waits for the reply. */
async function startModelWorker() {
  const worker = new Worker(path.join(root, 'scripts/lib/fake-model-worker.mjs'));
  const pending = new Map();
  let nextId = 1;
  let ready;
  const url = new Promise((resolve, reject) => {
    ready = { resolve, reject };
    worker.once('error', reject);
  });
  worker.on('message', (msg) => {
    if (msg.type === 'ready') return ready.resolve(msg.url);
    const waiter = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.type === 'error') waiter?.reject(new Error(`fake model: ${msg.message}`));
    else waiter?.resolve();
  });
  const send = (msg) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  return {
    url: await url,
    send,
    async close() {
      await send({ type: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

const ms = (v) => v.toFixed(2);
const stats = (s) => `median ${ms(s.median)} / p99 ${ms(s.p99)} / max ${ms(s.max)} ms`;
const within = (v, budget) => (v <= budget ? 'ok' : 'over');

function streamingRows(rows, label, r, lines) {
  const n = lines.toLocaleString('en-US');
  rows.push(
    {
      figure: `TUI ${label}: work per frame while streaming ${n} lines (${r.frameWork.count} frames)`,
      measured: stats(r.frameWork),
      budget: `each <= ${FRAME_MS} ms`,
      status: `${within(r.frameWork.p99, FRAME_MS)} (p99), ${within(r.frameWork.max, FRAME_MS)} (max)`,
    },
    {
      figure: `TUI ${label}: the same work in thread CPU time (robust to a busy machine)`,
      measured: stats(r.frameCpu),
      budget: `each <= ${FRAME_MS} ms`,
      status: `${within(r.frameCpu.p99, FRAME_MS)} (p99), ${within(r.frameCpu.max, FRAME_MS)} (max)`,
    },
    {
      figure: `TUI ${label}: Ink renderTime per frame`,
      measured: stats(r.frameRender),
      budget: `<= ${FRAME_MS} ms`,
      status: within(r.frameRender.max, FRAME_MS),
    },
    {
      figure: `TUI ${label}: one frame tick, handling the notifications queued for it (${r.tickWork.count} ticks, ${r.deltas.toLocaleString('en-US')} deltas)`,
      measured: stats(r.tickWork),
      budget: '-',
      status: 'info',
    },
    {
      figure: `TUI ${label}: notifications per frame (max), longest event-loop stall (whole process)`,
      measured: `${r.maxNotificationsPerFrame}, ${ms(r.eventLoopMaxDelayMs)} ms (p99 ${ms(r.eventLoopP99DelayMs)})`,
      budget: `stall <= ${FRAME_MS} ms`,
      status: within(r.eventLoopMaxDelayMs, FRAME_MS),
    },
    {
      figure: `TUI ${label}: total, Enter to last line written (${r.committedLines.toLocaleString('en-US')} lines committed)`,
      measured: `${(r.totalMs / 1000).toFixed(2)} s (stream ${(r.streamMs / 1000).toFixed(2)} s, loop busy ${(r.eventLoopUtilization * 100).toFixed(0)}%)`,
      budget: '-',
      status: 'info',
    },
  );
  if (r.keyEcho) {
    rows.push({
      figure: `TUI ${label}: key echo while streaming (${r.keyEcho.count} keys)`,
      measured: stats(r.keyEcho),
      budget: `<= ${FRAME_MS} ms`,
      status: `${within(r.keyEcho.median, FRAME_MS)} (median), ${within(r.keyEcho.max, FRAME_MS)} (max)`,
    });
  }
}

export async function benchTui(rows, { lines = LINES, reactDev = false } = {}) {
  const tui = await loadTui(reactDev);
  const react = reactDev ? ', React dev build' : '';
  const model = await startModelWorker();
  try {
    const message = tui.benchMessage(lines);
    const deltas = Math.ceil(lines / 2);
    const baseUrl = model.url;

    await model.send({ type: 'stream', message, deltas, eventDelayMs: 0 });
    const burst = await tui.benchTuiStreaming({ baseUrl, typeEveryMs: 50 });
    check(burst, message);
    rows.push({
      figure: `TUI: markdown warm-up once the chat opens (${burst.warmUp.count} steps, one per event-loop turn, before the first message)`,
      measured: `total ${ms(burst.warmUp.total)} ms, longest step ${ms(burst.warmUp.max)} ms`,
      budget: '-',
      status: 'info',
    });
    streamingRows(rows, `burst${react}`, burst, lines);

    await model.send({ type: 'stream', message, deltas, eventDelayMs: 1 });
    const paced = await tui.benchTuiStreaming({ baseUrl, typeEveryMs: 50 });
    check(paced, message);
    streamingRows(rows, `paced${react}`, paced, lines);

    const echo = await tui.benchKeyEcho({ baseUrl, keys: 200 });
    rows.push({
      figure: `TUI${react}: key echo, idle composer (${echo.keys} keys, frames to echo <= ${echo.maxFramesToEcho})`,
      measured: stats(echo.echo),
      budget: `<= ${FRAME_MS} ms`,
      status: within(echo.echo.max, FRAME_MS),
    });
  } finally {
    await model.close();
  }

  // The markdown stream committer alone (no Ink, no app server): 7-character deltas.
  tui.benchStreamCommit(1_000);
  const commit = tui.benchStreamCommit(lines);
  rows.push({
    figure: `TUI: markdown stream committer, ${lines.toLocaleString('en-US')} lines in ${commit.deltas.toLocaleString('en-US')} deltas`,
    measured: `${(commit.totalMs / 1000).toFixed(2)} s, per delta mean ${commit.meanDeltaMs.toFixed(3)} / max ${ms(commit.maxDeltaMs)} ms`,
    budget: `delta <= ${FRAME_MS} ms`,
    status: within(commit.maxDeltaMs, FRAME_MS),
  });
}

function check(r, message) {
  if (r.chars !== message.length) {
    throw new Error(`tui bench: streamed ${r.chars} of the message's ${message.length} characters`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const lines = argv.includes('--lines') ? Number(argv[argv.indexOf('--lines') + 1]) : LINES;
  const rows = [];
  try {
    await benchTui(rows, { lines, reactDev: argv.includes('--react-dev') });
  } catch (err) {
    process.stderr.write(`bench-tui: ${err instanceof Error ? err.stack : err}\n`);
    process.exitCode = 1;
  }
  for (const r of rows)
    process.stdout.write(`${r.figure}: ${r.measured} [${r.budget}: ${r.status}]\n`);
  process.stdout.write(`node ${process.version}\n`);
}
