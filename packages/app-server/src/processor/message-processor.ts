import { loadConfig } from '@codex-ts/config';
import type { ClientRequestMethod } from '../protocol/client-request-map.js';
import type { ClientToServerMessage } from '../protocol/messages.js';
import {
  INVALID_REQUEST_ERROR_CODE,
  InvalidRequestError,
  MethodNotFoundError,
  NotInitializedError,
} from '../errors/rpc-errors.js';
import { toJsonRpcError } from '../errors/to-rpc-error.js';
import type { Connection } from './connection.js';
import { ConnectionState } from './connection-state.js';
import { classifyMessage } from './classify-message.js';
import { defaultMethodTable } from './method-table.js';
import { OriginatorState } from './originator-state.js';
import type { MessageProcessorOptions } from './processor-types.js';
import type { AnyRequestHandler, ProcessorServices, RequestContext } from './request-handler.js';
import { ThreadSubscriptions } from './thread-subscriptions.js';

/**
 * The JSON-RPC v2 app-server processor, independent of any transport. A transport calls
 * `handleMessage` for every message a client sends and `connectionClosed` when it goes away.
 */
export class MessageProcessor {
  private readonly services: ProcessorServices;
  private readonly methods: ReadonlyMap<string, AnyRequestHandler>;
  private readonly connections = new Map<Connection, ConnectionState>();
  private shutdownPromise: Promise<void> | null = null;

  constructor(options: MessageProcessorOptions) {
    this.services = {
      threadManager: options.threadManager,
      threads: new ThreadSubscriptions(),
      codexHome: options.codexHome,
      env: options.env,
      cliVersion: options.cliVersion,
      loadConfig: options.loadConfig ?? loadConfig,
      originator: new OriginatorState(options.env, options.originator),
      broadcast: (notification, threadId) => {
        for (const state of this.connections.values()) {
          if (state.initialized) state.notify(notification, threadId);
        }
      },
    };
    this.methods = defaultMethodTable();
  }

  /**
   * Handles one client message. Resolves when its request has been answered; never rejects.
   * The synchronous part runs at once, so connection state set by one message (`initialize`) is
   * visible to the next even when the caller does not await.
   */
  async handleMessage(connection: Connection, message: ClientToServerMessage): Promise<void> {
    const state = this.stateFor(connection);
    const kind = classifyMessage(message);
    switch (kind.type) {
      case 'request':
        await this.handleRequest(state, kind.id, kind.method, kind.params);
        return;
      case 'notification':
        // `initialized` needs no action; other client notifications are not defined yet.
        return;
      case 'response':
        state.serverRequests.settle(kind.id, kind.result, kind.error);
        return;
      case 'invalid':
        if (kind.id !== undefined) {
          state.sendError(kind.id, { code: INVALID_REQUEST_ERROR_CODE, message: kind.reason });
        }
        return;
    }
  }

  /** Drops a connection's subscriptions; its threads keep running. */
  connectionClosed(connection: Connection): void {
    const state = this.connections.get(connection);
    if (!state) {
      return;
    }
    this.connections.delete(connection);
    state.close();
    this.services.threads.removeConnection(state);
  }

  /** Interrupts every running turn and shuts the thread manager down. Idempotent. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= (async () => {
      try {
        await this.services.threadManager.shutdown();
      } finally {
        this.services.threads.clear();
      }
    })();
    return this.shutdownPromise;
  }

  private stateFor(connection: Connection): ConnectionState {
    let state = this.connections.get(connection);
    if (!state) {
      state = new ConnectionState(connection);
      this.connections.set(connection, state);
    }
    return state;
  }

  private async handleRequest(
    state: ConnectionState,
    id: string | number,
    method: string,
    params: unknown,
  ): Promise<void> {
    let answered = false;
    try {
      const handler = this.methods.get(method);
      if (!handler) {
        throw new MethodNotFoundError(method);
      }
      if (handler.requiresInitialize && !state.initialized) {
        throw new NotInitializedError();
      }
      if (this.shutdownPromise) {
        throw new InvalidRequestError('app server is shutting down');
      }
      const parsed = handler.parse(params);
      const ctx: RequestContext<ClientRequestMethod> = {
        method: handler.method as ClientRequestMethod,
        connection: state,
        services: this.services,
        respond(result) {
          if (answered) {
            return;
          }
          answered = true;
          state.sendResult(id, result);
        },
      };
      await handler.handle(ctx, parsed);
    } catch (error) {
      if (!answered) {
        answered = true;
        state.sendError(id, toJsonRpcError(error));
      }
    }
  }
}
