/** Stable codes of the errors the MCP connection manager raises. */
export type McpErrorCode =
  | 'mcp_invalid_server_name'
  | 'mcp_startup_failed'
  | 'mcp_startup_timeout'
  | 'mcp_startup_cancelled'
  | 'mcp_unknown_server'
  | 'mcp_server_not_ready'
  | 'mcp_tool_disabled'
  | 'mcp_tool_call_failed'
  | 'mcp_tool_call_timeout'
  | 'mcp_required_servers_failed';

/** Base of every MCP error. None is retryable by the caller: a server is fixed by its user. */
export abstract class McpError extends Error {
  abstract readonly code: McpErrorCode;
  readonly retryable = false;

  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
  }
}

/** A server name outside `[a-zA-Z0-9_-]+` (the Rust Codex refuses to start it). */
export class McpInvalidServerNameError extends McpError {
  readonly code = 'mcp_invalid_server_name';
  constructor(readonly server: string) {
    super(`Invalid MCP server name '${server}': must match pattern ^[a-zA-Z0-9_-]+$`);
  }
}

/** The server could not be started or did not answer `initialize` / `tools/list`. */
export class McpStartupError extends McpError {
  readonly code = 'mcp_startup_failed';
  constructor(
    readonly server: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`MCP client for \`${server}\` failed to start: ${reason}`, cause);
  }
}

/** Start-up (spawn, `initialize`, first `tools/list`) took longer than `startup_timeout_sec`. */
export class McpStartupTimeoutError extends McpError {
  readonly code = 'mcp_startup_timeout';
  constructor(
    readonly server: string,
    readonly timeoutMs: number,
  ) {
    super(
      `MCP client for \`${server}\` timed out after ${formatSeconds(timeoutMs)} seconds. ` +
        'Add or adjust `startup_timeout_sec` in your config.toml:\n' +
        `[mcp_servers.${server}]\nstartup_timeout_sec = XX`,
    );
  }
}

/** The manager was closed while the server was still starting. */
export class McpStartupCancelledError extends McpError {
  readonly code = 'mcp_startup_cancelled';
  constructor(readonly server: string) {
    super('MCP startup cancelled');
  }
}

export class McpUnknownServerError extends McpError {
  readonly code = 'mcp_unknown_server';
  constructor(readonly server: string) {
    super(`unknown MCP server '${server}'`);
  }
}

/** The server is configured but failed to start (or was cancelled): it cannot run tools. */
export class McpServerNotReadyError extends McpError {
  readonly code = 'mcp_server_not_ready';
  constructor(
    readonly server: string,
    readonly reason: string,
  ) {
    super(`MCP server '${server}' is not available: ${reason}`);
  }
}

/** `enabled_tools` / `disabled_tools` leave this tool out. */
export class McpToolDisabledError extends McpError {
  readonly code = 'mcp_tool_disabled';
  constructor(
    readonly server: string,
    readonly tool: string,
  ) {
    super(`tool '${tool}' is disabled for MCP server '${server}'`);
  }
}

/** `tools/call` failed at the protocol level (the server's own tool errors are results). */
export class McpToolCallError extends McpError {
  readonly code = 'mcp_tool_call_failed';
  constructor(
    readonly server: string,
    readonly tool: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`tool call failed for \`${server}/${tool}\`: ${reason}`, cause);
  }
}

/** `tools/call` did not answer within `tool_timeout_sec`. */
export class McpToolCallTimeoutError extends McpError {
  readonly code = 'mcp_tool_call_timeout';
  constructor(
    readonly server: string,
    readonly tool: string,
    readonly timeoutMs: number,
  ) {
    super(
      `tool call failed for \`${server}/${tool}\`: request timed out after ` +
        `${formatSeconds(timeoutMs)} seconds`,
    );
  }
}

/** Servers marked `required = true` did not start. */
export class McpRequiredServersError extends McpError {
  readonly code = 'mcp_required_servers_failed';
  constructor(readonly failures: readonly { server: string; error: string }[]) {
    super(
      `required MCP servers failed to initialize: ${failures
        .map((f) => `${f.server}: ${f.error}`)
        .join('; ')}`,
    );
  }
}

export function isMcpError(value: unknown): value is McpError {
  return value instanceof McpError;
}

/** `10`, `2.5`: seconds without a trailing `.0`. */
function formatSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}
