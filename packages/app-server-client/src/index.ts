export { AppServerClient } from './app-server-client.js';
export type {
  ClientInfo,
  ConnectOptions,
  InProcessClientOptions,
  ServerRequestHandler,
} from './app-server-client.js';
export type { Transport } from './transport.js';
export { InProcessTransport } from './in-process-transport.js';
export { AppServerRequestError, AppServerClosedError, TransportClosedError } from './errors.js';
export type {
  ClientRequestMap,
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  TurnInterruptResponse,
  ServerNotificationMessage,
  ServerRequestMessage,
} from '@codex-ts/app-server';
export type { ServerNotification, ServerNotificationMethod } from '@codex-ts/protocol';
export { WebSocketTransport, DEFAULT_CONNECT_TIMEOUT_MS } from './websocket-transport.js';
export type { WebSocketTransportOptions } from './websocket-transport.js';
export type { RemoteClientOptions } from './app-server-client.js';
export {
  parseRemoteUrl,
  urlAllowsAuthToken,
  assertAuthTokenAllowed,
  readRemoteAuthToken,
} from './remote-url.js';
export {
  RemoteUrlError,
  RemoteAuthTokenTransportError,
  RemoteAuthTokenEnvError,
  RemoteConnectError,
  RemoteUnauthorizedError,
  RemoteTimeoutError,
  RemoteInitializeError,
  RemoteDisconnectedError,
} from './remote-errors.js';
