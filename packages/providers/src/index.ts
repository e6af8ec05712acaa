export {
  OSS_PROVIDER_IDS,
  DEFAULT_OSS_MODELS,
  NO_OSS_PROVIDER_MESSAGE,
  defaultOssModel,
  isOssProviderId,
  resolveOssProvider,
} from './oss/oss-provider.js';
export type { OssProviderId, ResolveOssProviderInput } from './oss/oss-provider.js';
export {
  OSS_SETUP_FAILED_PREFIX,
  OssError,
  isOssError,
  OssProviderNotConfiguredError,
  UnknownOssProviderError,
  OssServerUnavailableError,
  OssVersionTooOldError,
  OssRequestError,
  OssPullError,
  LmsNotFoundError,
  OssDownloadError,
} from './oss/oss-errors.js';
export type { OssErrorCode } from './oss/oss-errors.js';
export type { FetchLike, OssHttpOptions } from './oss/oss-http.js';
export { serverRootOf, isOpenAiCompatibleBaseUrl } from './oss/oss-url.js';
export { OllamaClient, ollamaUnavailableMessage } from './oss/ollama-client.js';
export type { OllamaClientOptions } from './oss/ollama-client.js';
export { pullEventsFromLine, readPullEvents } from './oss/ollama-pull-events.js';
export type { OllamaPullEvent } from './oss/ollama-pull-events.js';
export {
  MIN_OLLAMA_RESPONSES_VERSION,
  parseOllamaVersion,
  ollamaSupportsResponses,
} from './oss/ollama-version.js';
export type { OllamaVersion } from './oss/ollama-version.js';
export {
  LmStudioClient,
  lmStudioUnavailableMessage,
  lmStudioLoadRequestBody,
} from './oss/lmstudio-client.js';
export type { LmStudioClientOptions } from './oss/lmstudio-client.js';
export { findLmsBinary, downloadWithLms } from './oss/lms-cli.js';
export type { LmsLookupOptions, LmsDownloadOptions } from './oss/lms-cli.js';
export { PullProgressReporter } from './oss/pull-progress-reporter.js';
export type { ProgressSink, PullProgressReporterOptions } from './oss/pull-progress-reporter.js';
export { ensureOssReady } from './oss/ensure-oss-ready.js';
export { prepareOssThread } from './oss/prepare-oss-thread.js';
export type { OssRunOptions, OssRunIo } from './oss/prepare-oss-thread.js';
export type {
  EnsureOssReadyOptions,
  OssReadyResult,
  OssModelAction,
} from './oss/ensure-oss-ready.js';
export {
  CLIENT_ID,
  DEFAULT_ISSUER,
  DEFAULT_LOGIN_PORT,
  CHATGPT_CODEX_BASE_URL,
  KEYRING_SERVICE,
  REFRESH_TOKEN_URL_OVERRIDE_ENV_VAR,
  REVOKE_TOKEN_URL_OVERRIDE_ENV_VAR,
} from './auth/auth-constants.js';
export {
  AuthError,
  AuthFileInvalidError,
  AuthStorageError,
  InvalidJwtError,
  UnsupportedAuthModeError,
  RefreshTokenFailedError,
  TokenRefreshUnavailableError,
  LoginCancelledError,
  OAuthCallbackError,
  TokenExchangeError,
  WorkspaceRestrictedError,
  LoginPortInUseError,
  LoginPersistError,
  DeviceCodeNotEnabledError,
  DeviceCodeError,
  DeviceCodeTimeoutError,
  LoginRestrictionError,
} from './auth/auth-errors.js';
export type { AuthErrorCode, RefreshFailureReason } from './auth/auth-errors.js';
export {
  AuthDotJsonSchema,
  TokenDataSchema,
  parseAuthDotJson,
  serializeAuthDotJson,
  storedAuthMode,
} from './auth/auth-dot-json.js';
export type { AuthDotJson, TokenData, StoredAuthMode } from './auth/auth-dot-json.js';
export { parseIdToken, parseJwtExpiration, decodeJwtPayload } from './auth/id-token.js';
export type { IdTokenInfo } from './auth/id-token.js';
export { createAuthStorage, keyringAccountFor } from './auth/auth-storage.js';
export type { AuthStorage, AuthStorageOptions } from './auth/auth-storage.js';
export { codexAuthFromStored } from './auth/codex-auth.js';
export type { CodexAuth, ApiKeyAuth, ChatgptAuth, ChatgptTokens } from './auth/codex-auth.js';
export { AuthManager } from './auth/auth-manager.js';
export type { AuthManagerOptions } from './auth/auth-manager.js';
export {
  REFRESH_TOKEN_EXPIRED_MESSAGE,
  REFRESH_TOKEN_REUSED_MESSAGE,
  REFRESH_TOKEN_INVALIDATED_MESSAGE,
  REFRESH_TOKEN_UNKNOWN_MESSAGE,
  REFRESH_TOKEN_ACCOUNT_MISMATCH_MESSAGE,
} from './auth/token-refresh.js';
export { resolveModelAuth, chatgptRequestAuth } from './auth/model-auth.js';
export type {
  ModelAuthMode,
  ResolvedModelAuth,
  ResolveModelAuthOptions,
} from './auth/model-auth.js';
export { generatePkce, pkceChallenge } from './auth/pkce.js';
export type { PkceCodes } from './auth/pkce.js';
export { runBrowserLogin, buildAuthorizeUrl } from './auth/browser-login.js';
export type { BrowserLoginOptions, BrowserLoginHandle } from './auth/browser-login.js';
export {
  runDeviceCodeLogin,
  requestDeviceCode,
  completeDeviceCodeLogin,
} from './auth/device-code-login.js';
export type { DeviceCode, DeviceCodeLoginOptions } from './auth/device-code-login.js';
export {
  loginWithApiKey,
  loginStatus,
  logout,
  maskApiKey,
  enforceLoginRestrictions,
} from './auth/login-actions.js';
export type { LoginStatus } from './auth/login-actions.js';
export { resolveModelsEndpoint } from './auth/models-endpoint-auth.js';
export type { ModelsEndpointTarget } from './auth/models-endpoint-auth.js';
