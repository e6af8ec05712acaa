import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import type { ClientToServerMessage, ServerToClientMessage } from '@codex-ts/app-server';
import { TransportClosedError } from './errors.js';
import { reportListenerError } from './in-process-transport.js';
import type { Transport } from './transport.js';
import {
  RemoteConnectError,
  RemoteDisconnectedError,
  RemoteTimeoutError,
  RemoteUnauthorizedError,
} from './remote-errors.js';

/** Rust's remote client waits 10 s for the connection to open. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Largest message accepted from the server (Rust: 128 MiB). */
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
/** How long a closing handshake we started may take before the socket is dropped. */
const CLOSE_TIMEOUT_MS = 1000;
/** How much of a refused upgrade's body is kept for the error message. */
const MAX_REFUSAL_BODY = 512;

export interface WebSocketTransportOptions {
  /** A `ws://` or `wss://` URL (see `parseRemoteUrl`). */
  url: string;
  /** Sent as `Authorization: Bearer <token>` on the upgrade request. */
  authToken?: string | null;
  /** Bound on opening the connection; defaults to 10 s. */
  connectTimeoutMs?: number;
}

/**
 * A `Transport` over a WebSocket to `codex app-server --listen ws://...`: one JSON-RPC message
 * (without `"jsonrpc"`) per text frame, delivered to listeners in arrival order. When the
 * connection ends without `close()` being called, `onClose` listeners get a
 * `RemoteDisconnectedError` naming the URL and the reason.
 */
export class WebSocketTransport implements Transport {
  private readonly messageListeners = new Set<(message: ServerToClientMessage) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();
  /** Set once the connection ended; `error` is undefined after a close we asked for. */
  private ended: { error: Error | undefined } | null = null;
  private closeRequested = false;
  /** A failure seen before the `close` event (bad data, socket error), reported with it. */
  private failure: Error | null = null;
  private readonly closedPromise: Promise<void>;

  private constructor(
    readonly url: string,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data: RawData, isBinary: boolean) => this.receive(data, isBinary));
    socket.on('error', (error: Error) => {
      this.failure ??= new RemoteDisconnectedError(url, error.message, null, { cause: error });
    });
    this.closedPromise = new Promise((resolve) => {
      socket.once('close', (code: number, reason: Buffer) => {
        this.finish(code, reason.toString('utf8'));
        resolve();
      });
    });
  }

  /**
   * Opens the connection; rejects with a typed error naming `url` when it cannot. `ws` is
   * imported here, not at the top: `codex exec` without `--remote` never loads it.
   */
  static async connect(options: WebSocketTransportOptions): Promise<WebSocketTransport> {
    const { WebSocket } = await import('ws');
    const { url } = options;
    const headers: Record<string, string> = {};
    if (options.authToken != null) {
      headers['authorization'] = `Bearer ${options.authToken}`;
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null, socket?: WebSocket): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          socket?.terminate();
          reject(error);
        } else if (socket) {
          resolve(new WebSocketTransport(url, socket));
        }
      };
      let socket: WebSocket;
      try {
        socket = new WebSocket(url, {
          headers,
          perMessageDeflate: false,
          maxPayload: MAX_MESSAGE_BYTES,
          followRedirects: false,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        reject(new RemoteConnectError(url, reason, null, { cause: error }));
        return;
      }
      const timer = setTimeout(
        () => settle(new RemoteTimeoutError(url, 'connect'), socket),
        options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      );
      socket.on('error', (error: Error) => {
        settle(new RemoteConnectError(url, error.message, null, { cause: error }), socket);
      });
      socket.on('unexpected-response', (_request, response) => {
        void refusalOf(url, response).then((error) => settle(error, socket));
      });
      socket.once('open', () => settle(null, socket));
    });
  }

  send(message: ClientToServerMessage): void {
    if (this.ended !== null || this.closeRequested || this.socket.readyState !== this.socket.OPEN) {
      throw new TransportClosedError();
    }
    this.socket.send(JSON.stringify(message), { binary: false }, (error) => {
      if (error) {
        this.fail(new RemoteDisconnectedError(this.url, `write failed: ${error.message}`));
      }
    });
  }

  onMessage(listener: (message: ServerToClientMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Called once when the connection ends; a listener added after that is called at once. */
  onClose(listener: (error?: Error) => void): () => void {
    if (this.ended !== null) {
      const { error } = this.ended;
      queueMicrotask(() => listener(error));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Closes the connection (close frame 1000); resolves once the socket is closed. */
  close(): Promise<void> {
    if (this.ended === null && !this.closeRequested) {
      this.closeRequested = true;
      this.socket.close(1000, 'client closing');
      const timer = setTimeout(() => this.socket.terminate(), CLOSE_TIMEOUT_MS);
      timer.unref();
      void this.closedPromise.then(() => clearTimeout(timer));
    }
    return this.closedPromise;
  }

  /** Drops the connection now; `onClose` listeners get `error` (unless it already ended). */
  fail(error: Error): void {
    if (this.ended !== null) return;
    this.failure ??= error;
    this.socket.terminate();
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary || this.ended !== null) {
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(rawToText(data));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.fail(new RemoteDisconnectedError(this.url, `sent invalid JSON-RPC: ${reason}`));
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.fail(new RemoteDisconnectedError(this.url, 'sent a message that is not a JSON object'));
      return;
    }
    for (const listener of [...this.messageListeners]) {
      try {
        listener(message as ServerToClientMessage);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }

  private finish(code: number, reason: string): void {
    if (this.ended !== null) return;
    const error =
      this.failure ??
      (this.closeRequested
        ? undefined
        : new RemoteDisconnectedError(this.url, describeClose(code, reason), code));
    this.ended = { error };
    for (const listener of [...this.closeListeners]) {
      try {
        listener(error);
      } catch (listenerError) {
        reportListenerError(listenerError);
      }
    }
    this.closeListeners.clear();
  }
}

function describeClose(code: number, reason: string): string {
  if (reason !== '') return `${reason} (close code ${code})`;
  if (code === 1006) return 'connection lost';
  return 'connection closed';
}

/** The error for an upgrade answered with an HTTP status instead of 101. */
async function refusalOf(url: string, response: IncomingMessage): Promise<Error> {
  const status = response.statusCode ?? 0;
  const body = (await readSome(response)).trim();
  if (status === 401 || status === 403) {
    return new RemoteUnauthorizedError(url, status, body);
  }
  const statusText = response.statusMessage ? ` ${response.statusMessage}` : '';
  const detail = body === '' ? '' : `: ${body}`;
  return new RemoteConnectError(url, `HTTP ${status}${statusText}${detail}`, status);
}

/** Up to `MAX_REFUSAL_BODY` characters of a response body; never waits past its end or error. */
function readSome(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const done = (): void => {
      response.removeAllListeners('data');
      resolve(text.slice(0, MAX_REFUSAL_BODY));
    };
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      text += chunk;
      if (text.length >= MAX_REFUSAL_BODY) done();
    });
    response.once('end', done);
    response.once('error', done);
    response.once('close', done);
  });
}

function rawToText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
