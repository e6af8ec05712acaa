import type {
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  InProcessAppServerOptions,
  ServerNotificationMessage,
  ServerRequestMessage,
  ServerToClientMessage,
} from '@codex-ts/app-server';
import type { ServerRequestMap, ServerRequestMethod } from '@codex-ts/protocol';
import type { InitializeResponse, JsonRpcErrorObject, RequestId } from '@codex-ts/protocol';
import { AppServerClosedError, AppServerRequestError } from './errors.js';
import { InProcessTransport, reportListenerError } from './in-process-transport.js';
import { isNotificationMessage, isServerRequest } from './message-kind.js';
import { RemoteInitializeError, RemoteTimeoutError } from './remote-errors.js';
import type { Transport } from './transport.js';
import { WebSocketTransport } from './websocket-transport.js';

export interface ClientInfo {
  name: string;
  version: string;
  title?: string | null;
}

export interface ConnectOptions {
  clientInfo: ClientInfo;
  /** Notification methods this client does not want to receive. */
  optOutNotificationMethods?: string[];
  experimentalApi?: boolean;
}

export type InProcessClientOptions = InProcessAppServerOptions & ConnectOptions;

export interface RemoteClientOptions extends ConnectOptions {
  /** Sent as `Authorization: Bearer <token>` (see `readRemoteAuthToken`, `assertAuthTokenAllowed`). */
  authToken?: string | null;
  /** Bound on opening the WebSocket (default 10 s). */
  connectTimeoutMs?: number;
  /** Bound on the `initialize` answer (default 10 s). */
  initializeTimeoutMs?: number;
}

/** Rust's remote client waits 10 s for the `initialize` answer. */
const DEFAULT_INITIALIZE_TIMEOUT_MS = 10_000;

/**
 * Answers server requests (approvals). Return the result for the request's method; throwing
 * answers the server with an error (the server then treats the request as declined).
 */
export type ServerRequestHandler = <M extends ServerRequestMethod>(request: {
  id: RequestId;
  method: M;
  params: ServerRequestMap[M]['params'];
}) => Promise<ServerRequestMap[M]['result']> | ServerRequestMap[M]['result'];

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * The one app-server API every front end uses: typed requests, server notifications, and the
 * `initialize` / `initialized` handshake, over any `Transport` (in process or, later, remote).
 */
export class AppServerClient {
  private nextId = 1;
  private readonly pending = new Map<RequestId, Pending>();
  private readonly listeners = new Set<(notification: ServerNotificationMessage) => void>();
  private closedError: AppServerClosedError | null = null;
  private closing: Promise<void> | null = null;
  private initializeResult: InitializeResponse | null = null;
  private serverRequestHandler: ServerRequestHandler | null = null;
  private readonly closeListeners = new Set<(error?: Error) => void>();
  private ended: { error: Error | undefined } | null = null;

  private constructor(private readonly transport: Transport) {
    transport.onMessage((message) => this.dispatch(message));
    transport.onClose((error) => this.handleTransportClosed(error));
  }

  /** Starts an app server in this process and completes the handshake with it. */
  static async inProcess(options: InProcessClientOptions): Promise<AppServerClient> {
    const { clientInfo, optOutNotificationMethods, experimentalApi, ...serverOptions } = options;
    const transport = await InProcessTransport.start(serverOptions);
    return AppServerClient.connect(transport, {
      clientInfo,
      ...(optOutNotificationMethods ? { optOutNotificationMethods } : {}),
      ...(experimentalApi !== undefined ? { experimentalApi } : {}),
    });
  }

  /**
   * Connects to `codex app-server --listen ws://...` (or `wss://`) and completes the handshake,
   * both within bounded waits. Errors are typed and name the URL (`RemoteConnectError`,
   * `RemoteUnauthorizedError`, `RemoteTimeoutError`, `RemoteInitializeError`, ...).
   */
  static async remote(url: string, options: RemoteClientOptions): Promise<AppServerClient> {
    const { authToken, connectTimeoutMs, initializeTimeoutMs, ...connectOptions } = options;
    const transport = await WebSocketTransport.connect({
      url,
      authToken: authToken ?? null,
      ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    });
    const timer = setTimeout(
      () => transport.fail(new RemoteTimeoutError(url, 'initialize')),
      initializeTimeoutMs ?? DEFAULT_INITIALIZE_TIMEOUT_MS,
    );
    try {
      return await AppServerClient.connect(transport, connectOptions);
    } catch (error) {
      if (error instanceof AppServerClosedError && error.cause instanceof Error) {
        throw error.cause;
      }
      if (error instanceof AppServerRequestError) {
        throw new RemoteInitializeError(url, error.message, { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends `initialize` over a transport, awaits it, then sends `initialized`. */
  static async connect(transport: Transport, options: ConnectOptions): Promise<AppServerClient> {
    const client = new AppServerClient(transport);
    try {
      client.initializeResult = await client.request('initialize', {
        clientInfo: options.clientInfo,
        capabilities: {
          experimentalApi: options.experimentalApi ?? false,
          optOutNotificationMethods: options.optOutNotificationMethods ?? null,
        },
      });
      client.transport.send({ method: 'initialized' });
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  }

  /** What the server answered to `initialize` (user agent, CODEX_HOME, platform). */
  get serverInfo(): InitializeResponse {
    if (!this.initializeResult) {
      throw new Error('AppServerClient is not initialized');
    }
    return this.initializeResult;
  }

  /** Sends a request; resolves with its result or rejects with `AppServerRequestError`. */
  request<M extends ClientRequestMethod>(
    method: M,
    params: ClientRequestParams<M>,
  ): Promise<ClientRequestResult<M>> {
    if (this.closedError) {
      return Promise.reject(new AppServerClosedError(method));
    }
    const id = this.nextId++;
    return new Promise<ClientRequestResult<M>>((resolve, reject) => {
      this.pending.set(id, {
        method,
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      try {
        this.transport.send({ id, method, params });
      } catch (error) {
        this.pending.delete(id);
        reject(new AppServerClosedError(method, { cause: error }));
      }
    });
  }

  /** Listens to server notifications (each carries `emittedAtMs`); returns an unsubscribe function. */
  onNotification(listener: (notification: ServerNotificationMessage) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Sets who answers server requests (approvals). Without a handler they are answered with
   * "method not found", which the server treats as a declined request.
   */
  onServerRequest(handler: ServerRequestHandler | null): void {
    this.serverRequestHandler = handler;
  }

  /**
   * Called once when the connection ends: with the error when it ended on its own (a remote
   * server went away), without one after `close()`. Added after the end: called at once.
   */
  onClose(listener: (error?: Error) => void): () => void {
    if (this.ended !== null) {
      const { error } = this.ended;
      queueMicrotask(() => listener(error));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => {
      this.closeListeners.delete(listener);
    };
  }

  /** Closes the connection (for in-process: shuts the server down); pending requests reject. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.transport.close();
      } finally {
        this.handleTransportClosed();
      }
    })();
    return this.closing;
  }

  private dispatch(message: ServerToClientMessage): void {
    if (isServerRequest(message)) {
      void this.answerServerRequest(message);
      return;
    }
    if (isNotificationMessage(message)) {
      for (const listener of [...this.listeners]) {
        try {
          listener(message);
        } catch (error) {
          reportListenerError(error);
        }
      }
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) {
      return;
    }
    this.pending.delete(message.id);
    if ('error' in message) {
      pending.reject(new AppServerRequestError(pending.method, message.error));
    } else {
      pending.resolve(message.result);
    }
  }

  private async answerServerRequest(request: ServerRequestMessage): Promise<void> {
    const handler = this.serverRequestHandler;
    let reply: { id: RequestId; result: unknown } | { id: RequestId; error: JsonRpcErrorObject };
    if (!handler) {
      reply = {
        id: request.id,
        error: { code: -32601, message: `method not found: ${request.method}` },
      };
    } else {
      try {
        reply = { id: request.id, result: await handler(request) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reply = { id: request.id, error: { code: -32603, message } };
      }
    }
    try {
      this.transport.send(reply);
    } catch {
      // closed: nothing to answer
    }
  }

  private handleTransportClosed(error?: Error): void {
    this.failAll(error);
    if (this.ended !== null) return;
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

  private failAll(cause?: Error): void {
    this.closedError ??= new AppServerClosedError(null, cause ? { cause } : undefined);
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      p.reject(new AppServerClosedError(p.method, cause ? { cause } : undefined));
    }
  }
}
