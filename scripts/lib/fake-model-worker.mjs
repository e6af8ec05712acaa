// The fake Responses server (test-support's tsc build) in a worker thread, so that none of its
// work runs on the event loop a benchmark measures. Messages from the parent:
//   { id, type: 'stream', message, deltas, eventDelayMs }  answer every model request with one
//       assistant message of `message` split into `deltas` text deltas (`eventDelayMs` between
//       events; 0: the whole stream in one write)
//   { id, type: 'close' }
// Replies: { type: 'ready', url } once listening, { id, type: 'ok' } or { id, type: 'error', message }.
import { parentPort } from 'node:worker_threads';

const ts = await import('@codex-ts/test-support');
const server = await ts.startFakeResponsesServer({ warnOnExhausted: false });

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'stream') {
      server.setDefault({
        ...ts.sseResponse(
          ts.responseCreated(),
          ts.outputTextMessage(msg.message, { deltas: msg.deltas }),
          ts.completed('resp_1', ts.usage({ input: 1_000, output: 50_000 })),
        ),
        eventDelayMs: msg.eventDelayMs,
      });
    } else if (msg.type === 'close') {
      await server.close();
    }
    parentPort.postMessage({ id: msg.id, type: 'ok' });
    if (msg.type === 'close') parentPort.close();
  } catch (err) {
    parentPort.postMessage({ id: msg.id, type: 'error', message: String(err?.message ?? err) });
  }
});
parentPort.postMessage({ type: 'ready', url: server.url });
