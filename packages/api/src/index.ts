export { ModelClient } from './model-client.js';
export type { ModelClientOptions, StreamOptions } from './model-client.js';
export { staticApiKeyAuth } from './request-auth.js';
export type { RequestAuth } from './request-auth.js';
export type { ModelProviderConfig, WireApi } from './model-provider-config.js';
export {
  backoffDelayMs,
  parseRetryAfterMs,
  parseTryAgainHintMs,
  BACKOFF_BASE_MS,
} from './backoff.js';
export {
  buildResponsesUrl,
  buildChatCompletionsUrl,
  buildRequestHeaders,
  defaultUserAgent,
} from './request-headers.js';
export { buildChatRequest, chatToolsFromSpecs } from './chat-request.js';
export type {
  ChatCompletionsRequest,
  ChatContentPart,
  ChatFunctionTool,
  ChatMessage,
  ChatToolCall,
} from './chat-request.js';
export { ChatStreamAssembler, tokenUsageFromChat } from './chat-stream-assembler.js';
export type { RequestHeaderInputs } from './request-headers.js';
export { ApiError, isApiError, STREAM_DISCONNECTED_PREFIX } from './api-error.js';
export type { ApiErrorCode, ApiErrorOptions } from './api-error.js';
export {
  UnexpectedStatusError,
  InvalidRequestError,
  InternalServerError,
  ServerOverloadedError,
  RetryLimitError,
  formatStatus,
} from './http-status-errors.js';
export type { UnexpectedStatusDetails } from './http-status-errors.js';
export {
  ContextWindowExceededError,
  QuotaExceededError,
  UsageNotIncludedError,
  UsageLimitReachedError,
} from './usage-errors.js';
export {
  StreamDisconnectedError,
  IdleTimeoutError,
  TransportError,
  ResponseFailedError,
  IncompleteResponseError,
  InterruptedError,
  UnsupportedWireApiError,
} from './stream-errors.js';
export { classifyHttpFailure } from './http-error-mapper.js';
export type { HttpFailure, HttpFailureVerdict } from './http-error-mapper.js';
export { errorFromResponseFailure } from './response-failure-mapper.js';
export { usageLimitMessage, formatResetTime } from './usage-limit-message.js';
