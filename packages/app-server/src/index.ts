export { MessageProcessor } from './processor/message-processor.js';
export type { Connection } from './processor/connection.js';
export type {
  MessageProcessorOptions,
  ThreadManagerLike,
  ConfigLoader,
} from './processor/processor-types.js';
export { createInProcessAppServer } from './transport/in-process-app-server.js';
export type { InProcessAppServerOptions } from './transport/in-process-app-server.js';
export { serveInProcess } from './transport/serve-in-process.js';
export type { InProcessAppServer, ServeInProcessOptions } from './transport/serve-in-process.js';
export { AsyncChannel, ChannelClosedError } from './transport/async-channel.js';
export { isServerNotificationMessage, isServerRequestMessage } from './protocol/messages.js';
export type {
  ServerNotificationMessage,
  ServerRequestMessage,
  ServerToClientMessage,
  ClientToServerMessage,
} from './protocol/messages.js';
export type {
  ClientRequestMap,
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  TurnInterruptResponse,
} from './protocol/client-request-map.js';
export { parseParams, formatPath } from './protocol/parse-params.js';
export {
  RpcError,
  InvalidRequestError,
  NotInitializedError,
  AlreadyInitializedError,
  MethodNotFoundError,
  InvalidParamsError,
  ThreadNotFoundError,
  InternalRpcError,
  INVALID_REQUEST_ERROR_CODE,
  METHOD_NOT_FOUND_ERROR_CODE,
  INVALID_PARAMS_ERROR_CODE,
  INTERNAL_ERROR_CODE,
} from './errors/rpc-errors.js';
export type { RpcErrorCode } from './errors/rpc-errors.js';
export { toJsonRpcError } from './errors/to-rpc-error.js';
export { ServerRequestFailedError } from './processor/server-requests.js';
export { connectionApprovalRequester } from './processor/approval-bridge.js';
export { runAppServer, AppServerStartError } from './transport/run-app-server.js';
export type { RunAppServerOptions } from './transport/run-app-server.js';
export { serveStdio } from './transport/stdio-transport.js';
export type {
  ServeStdioOptions,
  StdioServer,
  StdioStopReason,
} from './transport/stdio-transport.js';
export { startWebSocketServer, WebSocketListenError } from './transport/websocket-server.js';
export type {
  WebSocketServerOptions,
  WebSocketServerHandle,
  WebSocketServerTotals,
} from './transport/websocket-server.js';
export type { WebSocketConnectionStats } from './transport/websocket-connection.js';
export {
  parseListenUrl,
  isLoopbackHost,
  ListenUrlError,
  DEFAULT_LISTEN_URL,
} from './transport/websocket-listen-url.js';
export type { ListenTarget } from './transport/websocket-listen-url.js';
export {
  authSettingsFromFlags,
  loadAuthPolicy,
  capabilityTokenPolicy,
  WebSocketAuthConfigError,
  WEBSOCKET_AUTH_MODES,
} from './transport/websocket-auth.js';
export type {
  WebSocketAuthFlags,
  WebSocketAuthMode,
  WebSocketAuthSettings,
  WebSocketAuthPolicy,
  AuthRejection,
} from './transport/websocket-auth.js';
export {
  CHANNEL_CAPACITY,
  MAX_MESSAGE_BYTES,
  OVERLOADED_ERROR_CODE,
  OVERLOADED_ERROR_MESSAGE,
  WEBSOCKET_LIMITS,
  STDIO_LIMITS,
} from './transport/transport-limits.js';
export type { TransportLimits } from './transport/transport-limits.js';
export type { OutboundStats } from './transport/bounded-outbound.js';
export type { SignalSource, ShutdownSignal } from './transport/shutdown-signals.js';
export {
  generateJsonSchema,
  generateTs,
  SchemaOutputError,
  PrettierFailedError,
} from './schema/generate-schema-files.js';
export type {
  GenerateJsonSchemaOptions,
  GenerateTsOptions,
} from './schema/generate-schema-files.js';
