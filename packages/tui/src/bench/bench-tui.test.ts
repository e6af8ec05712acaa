// The TUI benchmarks run end to end on a tiny input and return sane figures (never timed here:
// `npm run bench` prints the real ones).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startFakeResponsesServer,
  usage,
  type FakeResponsesServer,
} from '@codex-ts/test-support';
import { benchMessage } from '../markdown/index.js';
import { benchKeyEcho } from './bench-key-echo.js';
import { benchTuiStreaming } from './bench-streaming.js';

let server: FakeResponsesServer;

beforeAll(async () => {
  server = await startFakeResponsesServer({ warnOnExhausted: false });
});

afterAll(async () => {
  await server.close();
});

describe('TUI benchmarks', () => {
  it('benchTuiStreaming streams a 100-line message through the real App and times its frames', async () => {
    const message = benchMessage(100);
    server.setDefault(
      sseResponse(
        responseCreated(),
        outputTextMessage(message, { deltas: 50 }),
        completed('resp_1', usage({ input: 10, output: 10 })),
      ),
    );
    const result = await benchTuiStreaming({ baseUrl: server.url, typeEveryMs: 5 });
    expect(result.deltas).toBe(50);
    expect(result.chars).toBe(message.length);
    expect(result.committedLines).toBeGreaterThanOrEqual(60);
    expect(result.frameWork.count).toBeGreaterThan(0);
    expect(result.frameWork.max).toBeGreaterThan(0);
    expect(result.frameWork.median).toBeLessThanOrEqual(result.frameWork.max);
    // Every delta was handled in some frame tick, a tick handling one or more of them.
    expect(result.tickWork.count).toBeGreaterThan(0);
    expect(result.tickWork.count).toBeLessThanOrEqual(result.deltas + 10);
    expect(result.totalMs).toBeGreaterThan(0);
    expect(result.eventLoopUtilization).toBeGreaterThan(0);
    expect(result.bytesWritten).toBeGreaterThan(message.length);
    expect(result.keyEcho?.count ?? 0).toBeGreaterThanOrEqual(0);
  });

  it('benchKeyEcho echoes every typed key in a frame', async () => {
    const result = await benchKeyEcho({ baseUrl: server.url, keys: 8, gapMs: 5 });
    expect(result.keys).toBe(8);
    expect(result.echo.count).toBe(8);
    expect(result.echo.max).toBeGreaterThan(0);
    expect(result.maxFramesToEcho).toBeGreaterThanOrEqual(1);
  });
});
