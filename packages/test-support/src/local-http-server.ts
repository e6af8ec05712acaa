import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TimerRegistry } from './scripted-response-writer.js';

/** Writes one JSON answer with the fake server's own headers. */
export type JsonSender = (res: ServerResponse, status: number, body: unknown) => void;

export interface LocalHttpServerOptions {
  /**
   * Answers one request; `timers` delays scripted answers (cancelled by `close`). A rejection is
   * reported through `onHandlerError`.
   */
  handle(req: IncomingMessage, res: ServerResponse, timers: TimerRegistry): Promise<void>;
  /**
   * Records a handler that failed and returns the JSON body of the 500 that answers it. A
   * response that has already started (or whose socket is gone) is destroyed instead.
   */
  onHandlerError(err: unknown): unknown;
  /** Sends that 500. */
  sendJson: JsonSender;
}

/** A plain HTTP server on 127.0.0.1 with an OS-assigned port, for the fake servers. */
export interface LocalHttpServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Cancels pending timers, drops every open connection and stops listening (once). */
  close(): Promise<void>;
}

/** Starts the server once it listens; long SSE streams and hanging requests are never cut. */
export async function startLocalHttpServer(opts: LocalHttpServerOptions): Promise<LocalHttpServer> {
  const pending = new Set<NodeJS.Timeout>();
  const timers: TimerRegistry = {
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.add(timer);
      }),
  };

  const server: Server = createServer((req, res) => {
    opts.handle(req, res, timers).catch((err: unknown) => {
      const body = opts.onHandlerError(err);
      if (!res.headersSent && !res.destroyed) opts.sendJson(res, 500, body);
      else res.destroy();
    });
  });
  // Long SSE streams and hanging connections must not be cut by the server's own timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed = false;

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
