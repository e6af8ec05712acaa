export { McpConnectionManager } from './connection-manager.js';
export type { McpConnectionManagerOptions } from './connection-manager.js';
export {
  ManagedClient,
  DEFAULT_STARTUP_TIMEOUT_MS,
  DEFAULT_TOOL_TIMEOUT_MS,
} from './managed-client.js';
export type { ManagedClientOptions } from './managed-client.js';
export {
  McpError,
  McpInvalidServerNameError,
  McpStartupError,
  McpStartupTimeoutError,
  McpStartupCancelledError,
  McpUnknownServerError,
  McpServerNotReadyError,
  McpToolDisabledError,
  McpToolCallError,
  McpToolCallTimeoutError,
  McpRequiredServersError,
  isMcpError,
} from './errors.js';
export type { McpErrorCode } from './errors.js';
export type {
  McpTool,
  McpToolAnnotations,
  McpToolInfo,
  McpCallToolResult,
  McpServerInfo,
  McpServerState,
  McpServerStatus,
  McpResource,
  McpResourceTemplate,
} from './mcp-types.js';
export {
  MCP_TOOL_NAME_DELIMITER,
  MAX_TOOL_NAME_LENGTH,
  qualifyTools,
  sanitizeToolName,
} from './tool-names.js';
export { ToolFilter } from './tool-filter.js';
export {
  DEFAULT_SERVER_ENV_VARS,
  stdioServerEnv,
  httpServerHeaders,
  transportOrigin,
} from './transports.js';
export type { EnvMap } from './transports.js';
export { collectMcpSnapshot, mcpAuthStatus } from './mcp-snapshot.js';
export type { McpAuthStatusKind, McpServerSnapshot, McpSnapshotOptions } from './mcp-snapshot.js';
