import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalHttpServer } from './local-http-server.js';
import { readRecordedRequest } from './recorded-request.js';
import type { RecordedRequest } from './recorded-request.js';
import type { ScriptedResponse } from './scripted-response.js';
import { writeScriptedResponse } from './scripted-response-writer.js';
import type { TimerRegistry } from './scripted-response-writer.js';

export interface FakeResponsesServerOptions {
  /** Responses to enqueue right away. */
  responses?: ScriptedResponse[];
  /** Answer used whenever the queue is empty (instead of the loud 500). */
  defaultResponse?: ScriptedResponse;
  /** Print a line to stderr when the script runs out (default true). */
  warnOnExhausted?: boolean;
  /** Serve `GET .../models` with this catalog (see `setModelsCatalog`). */
  modelsCatalog?: FakeModelsCatalog;
}

/** What `GET .../models` answers: `{models}` with an `ETag`; a matching If-None-Match gets 304. */
export interface FakeModelsCatalog {
  models: unknown[];
  etag?: string;
}

export interface FakeResponsesServer {
  /** The API base URL to configure as a provider's `base_url`: `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** The server origin, `http://127.0.0.1:PORT` (any path ending in `/responses` is served). */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request received, in arrival order (model requests and anything else). */
  readonly requests: readonly RecordedRequest[];
  /** Problems seen by the server, e.g. the script running out; tests can assert it stays empty. */
  readonly errors: readonly string[];
  /** Appends scripted answers to the FIFO queue. */
  enqueue(...responses: ScriptedResponse[]): void;
  /** Sets (or with no argument clears) the answer used when the queue is empty. */
  setDefault(response?: ScriptedResponse): void;
  /** Serves (or with null stops serving) `GET .../models`. */
  setModelsCatalog(catalog: FakeModelsCatalog | null): void;
  /** How many enqueued answers have not been used yet. */
  pendingCount(): number;
  /** The most recent request, or undefined before the first one. */
  lastRequest(): RecordedRequest | undefined;
  /** Model requests only (POSTs to `.../responses` and `.../chat/completions`). */
  modelRequests(): RecordedRequest[];
  /** Resolves once at least `n` requests have been received; rejects after `timeoutMs`. */
  waitForRequests(n: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Drops every open connection (including hanging streams) and stops listening. */
  close(): Promise<void>;
}

interface Waiter {
  count: number;
  resolve: (requests: RecordedRequest[]) => void;
}

function isModelPath(path: string): boolean {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.endsWith('/responses') || trimmed.endsWith('/chat/completions');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the fake model server on 127.0.0.1 with an OS-assigned port. */
export async function startFakeResponsesServer(
  opts: FakeResponsesServerOptions = {},
): Promise<FakeResponsesServer> {
  const queue: ScriptedResponse[] = [...(opts.responses ?? [])];
  let fallback: ScriptedResponse | undefined = opts.defaultResponse;
  let modelsCatalog: FakeModelsCatalog | null = opts.modelsCatalog ?? null;
  const requests: RecordedRequest[] = [];
  const errors: string[] = [];
  let waiters: Waiter[] = [];

  const record = (request: RecordedRequest): void => {
    requests.push(request);
    const ready = waiters.filter((w) => requests.length >= w.count);
    waiters = waiters.filter((w) => requests.length < w.count);
    for (const waiter of ready) waiter.resolve([...requests]);
  };

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    timers: TimerRegistry,
  ): Promise<void> => {
    const request = await readRecordedRequest(req);
    const index = requests.length + 1;
    record(request);
    if (request.method === 'GET' && request.path.endsWith('/models') && modelsCatalog !== null) {
      const etag = modelsCatalog.etag;
      if (etag !== undefined && request.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(etag !== undefined ? { etag } : {}),
      });
      res.end(JSON.stringify({ models: modelsCatalog.models }));
      return;
    }
    if (request.method !== 'POST' || !isModelPath(request.path)) {
      sendJson(res, 404, {
        error: { message: `fake-responses-server: no route for ${request.method} ${request.path}` },
      });
      return;
    }
    const script = queue.shift() ?? fallback;
    if (!script) {
      const message =
        `fake-responses-server: the script ran out: no scripted response left for ` +
        `${request.method} ${request.path} (request #${index}); enqueue more responses or call setDefault()`;
      errors.push(message);
      if (opts.warnOnExhausted !== false) process.stderr.write(`${message}\n`);
      sendJson(res, 500, { error: { message, type: 'fake_server_script_exhausted', code: null } });
      return;
    }
    await writeScriptedResponse(res, script, timers);
  };

  const http = await startLocalHttpServer({
    handle,
    onHandlerError: (err) => {
      const message = `fake-responses-server: handler failed: ${String(err)}`;
      errors.push(message);
      return { error: { message } };
    },
    sendJson,
  });

  return {
    url: `${http.origin}/v1`,
    baseUrl: http.origin,
    port: http.port,
    requests,
    errors,
    enqueue(...responses) {
      queue.push(...responses);
    },
    setDefault(response) {
      fallback = response;
    },
    setModelsCatalog(catalog) {
      modelsCatalog = catalog;
    },
    pendingCount() {
      return queue.length;
    },
    lastRequest() {
      return requests[requests.length - 1];
    },
    modelRequests() {
      return requests.filter((r) => r.method === 'POST' && isModelPath(r.path));
    },
    waitForRequests(n, timeoutMs = 5_000) {
      if (requests.length >= n) return Promise.resolve([...requests]);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          count: n,
          resolve: (list) => {
            clearTimeout(timer);
            resolve(list);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(
            new Error(
              `fake-responses-server: waited ${timeoutMs} ms for ${n} request(s), got ${requests.length}`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => http.close(),
  };
}
