import type { ServerNotification } from '@codex-ts/protocol';
import type { ClientRequestMethod, ClientRequestResult } from '../protocol/client-request-map.js';
import type { ConnectionState } from './connection-state.js';
import type { ConfigLoader, ThreadManagerLike } from './processor-types.js';
import type { ThreadSubscriptions } from './thread-subscriptions.js';
import type { OriginatorState } from './originator-state.js';

/** What the processor shares with every handler. */
export interface ProcessorServices {
  readonly threadManager: ThreadManagerLike;
  readonly threads: ThreadSubscriptions;
  readonly codexHome: string;
  readonly env: Record<string, string | undefined>;
  readonly cliVersion: string;
  readonly loadConfig: ConfigLoader;
  readonly originator: OriginatorState;
  /**
   * Sends a notification to every initialized connection (thread/archived, ...). With
   * `threadId`, each copy waits behind that connection's hold on the thread.
   */
  broadcast(notification: ServerNotification, threadId?: string): void;
}

export interface RequestContext<M extends ClientRequestMethod> {
  readonly method: M;
  readonly connection: ConnectionState;
  readonly services: ProcessorServices;
  /** Answers the request. Notifications sent after this call reach the client after it. */
  respond(result: ClientRequestResult<M>): void;
}

/**
 * One method of the processor. `parse` validates params (throwing `InvalidParamsError`); `handle`
 * answers with `ctx.respond` or throws (the processor turns the error into a JSON-RPC error).
 */
export interface RequestHandler<M extends ClientRequestMethod, P> {
  readonly method: M;
  /** False only for `initialize`. */
  readonly requiresInitialize: boolean;
  parse(params: unknown): P;
  handle(ctx: RequestContext<M>, params: P): void | Promise<void>;
}

/** A handler with its types erased, as stored in the method table. */
export interface AnyRequestHandler {
  readonly method: string;
  readonly requiresInitialize: boolean;
  parse(params: unknown): unknown;
  handle(ctx: RequestContext<ClientRequestMethod>, params: unknown): void | Promise<void>;
}

export function defineHandler<M extends ClientRequestMethod, P>(
  handler: RequestHandler<M, P>,
): AnyRequestHandler {
  return handler as unknown as AnyRequestHandler;
}
