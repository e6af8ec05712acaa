import * as z from 'zod';

import type { ConfigReader } from './config-reader.js';
import {
  expecting,
  stringArray,
  stringMap,
  tomlBoolean,
  tomlEnum,
  tomlString,
  tomlTable,
} from './schema-helpers.js';

/** How a server's tools are approved (`default_tools_approval_mode`, `tools.<name>.approval_mode`). */
export type McpToolApprovalMode = 'auto' | 'prompt' | 'approve' | 'writes';

const APPROVAL_MODES: readonly McpToolApprovalMode[] = ['auto', 'prompt', 'approve', 'writes'];

/** How codex-ts reaches an MCP server: a child process on stdio, or streamable HTTP. */
export type McpServerTransportConfig =
  | {
      type: 'stdio';
      command: string;
      args: string[];
      /** Variables set for the server (over the default set). */
      env: Record<string, string> | null;
      /** Names of our variables passed through to the server. */
      envVars: string[];
      cwd: string | null;
    }
  | {
      type: 'streamable_http';
      url: string;
      /** The variable holding the `Authorization: Bearer` token. */
      bearerTokenEnvVar: string | null;
      httpHeaders: Record<string, string> | null;
      /** Header name -> the variable holding its value. */
      envHttpHeaders: Record<string, string> | null;
    };

/** One `[mcp_servers.<name>]` table, resolved (the Rust Codex's `McpServerConfig`). */
export interface McpServerConfig {
  transport: McpServerTransportConfig;
  /** `enabled = false`: configured but not started. */
  enabled: boolean;
  /** A required server that fails to start fails the thread start. */
  required: boolean;
  /** `startup_timeout_sec` (or `startup_timeout_ms`) in milliseconds; null: the default. */
  startupTimeoutMs: number | null;
  /** `tool_timeout_sec` in milliseconds; null: the default. */
  toolTimeoutMs: number | null;
  /** Allow-list of tool names; null: every tool. */
  enabledTools: string[] | null;
  /** Deny-list of tool names, applied after `enabledTools`. */
  disabledTools: string[] | null;
  defaultToolsApprovalMode: McpToolApprovalMode | null;
  /** `[mcp_servers.<name>.tools.<tool>] approval_mode`, by tool name. */
  toolApprovalModes: Record<string, McpToolApprovalMode>;
}

const NON_NEGATIVE_SECONDS = expecting('a non-negative number of seconds');

/** A TOML integer or float >= 0 (seconds). */
const seconds = z
  .union(
    [
      z.number(NON_NEGATIVE_SECONDS).min(0, NON_NEGATIVE_SECONDS),
      z.bigint(NON_NEGATIVE_SECONDS).min(0n, NON_NEGATIVE_SECONDS),
    ],
    NON_NEGATIVE_SECONDS,
  )
  .transform((value) => Number(value));

const NON_NEGATIVE_MS = expecting('a non-negative integer');
const milliseconds = z
  .union(
    [
      z.number(NON_NEGATIVE_MS).int(NON_NEGATIVE_MS).min(0, NON_NEGATIVE_MS),
      z.bigint(NON_NEGATIVE_MS).min(0n, NON_NEGATIVE_MS),
    ],
    NON_NEGATIVE_MS,
  )
  .transform((value) => Number(value));

const ToolConfigSchema = tomlTable({ approval_mode: tomlEnum(APPROVAL_MODES).optional() });

const SERVER_SHAPE = {
  // stdio
  command: tomlString.optional(),
  args: stringArray.optional(),
  env: stringMap.optional(),
  env_vars: stringArray.optional(),
  cwd: tomlString.optional(),
  // streamable HTTP
  url: tomlString.optional(),
  bearer_token: tomlString.optional(),
  bearer_token_env_var: tomlString.optional(),
  http_headers: stringMap.optional(),
  env_http_headers: stringMap.optional(),
  // shared
  enabled: tomlBoolean.optional(),
  required: tomlBoolean.optional(),
  startup_timeout_sec: seconds.optional(),
  startup_timeout_ms: milliseconds.optional(),
  tool_timeout_sec: seconds.optional(),
  enabled_tools: stringArray.optional(),
  disabled_tools: stringArray.optional(),
  default_tools_approval_mode: tomlEnum(APPROVAL_MODES).optional(),
  tools: z.record(z.string(), ToolConfigSchema, expecting('a table')).optional(),
  // Accepted (the Rust Codex knows them), not acted on.
  supports_parallel_tool_calls: tomlBoolean.optional(),
  scopes: stringArray.optional(),
  oauth_resource: tomlString.optional(),
  experimental_environment: tomlString.optional(),
  name: tomlString.optional(),
};

/** Keys a transport does not accept, as the Rust Codex rejects them (`url is not supported for stdio`). */
const NOT_FOR_STDIO = [
  'url',
  'bearer_token_env_var',
  'bearer_token',
  'http_headers',
  'env_http_headers',
  'oauth_resource',
] as const;
const NOT_FOR_HTTP = ['args', 'env', 'env_vars', 'cwd', 'bearer_token'] as const;

/** One `[mcp_servers.<name>]` table: a `command` (stdio) or a `url` (streamable HTTP). */
export const McpServerTomlSchema = tomlTable(SERVER_SHAPE).check((ctx) => {
  const table = ctx.value;
  const fail = (key: string | null, message: string): void => {
    ctx.issues.push({ code: 'custom', input: table, path: key === null ? [] : [key], message });
  };
  if (table.command !== undefined) {
    const bad = NOT_FOR_STDIO.find((key) => table[key] !== undefined);
    if (bad !== undefined) fail(bad, `${bad} is not supported for stdio`);
  } else if (table.url !== undefined) {
    const bad = NOT_FOR_HTTP.find((key) => table[key] !== undefined);
    if (bad !== undefined) fail(bad, `${bad} is not supported for streamable_http`);
  } else {
    fail(null, 'invalid transport: set `command` (stdio) or `url` (streamable HTTP)');
  }
});

/** `[mcp_servers]`: server name -> its table. */
export const McpServersSchema = z.record(z.string(), McpServerTomlSchema, expecting('a table'));

type McpServerToml = z.output<typeof McpServerTomlSchema>;

/**
 * The configured MCP servers, by name. Unknown keys of a server table warn (or fail with
 * `--strict-config`); the Rust Codex refuses them.
 */
export function readMcpServers(
  tables: Record<string, McpServerToml> | undefined,
  reader: ConfigReader,
): Record<string, McpServerConfig> {
  const servers: Record<string, McpServerConfig> = {};
  for (const [name, table] of Object.entries(tables ?? {})) {
    reader.checkKeys(['mcp_servers', name], table, (key) => Object.hasOwn(SERVER_SHAPE, key));
    servers[name] = toServerConfig(table);
  }
  return servers;
}

function toServerConfig(table: McpServerToml): McpServerConfig {
  const startupTimeoutMs =
    table.startup_timeout_sec !== undefined
      ? Math.round(table.startup_timeout_sec * 1000)
      : (table.startup_timeout_ms ?? null);
  const toolApprovalModes: Record<string, McpToolApprovalMode> = {};
  for (const [tool, settings] of Object.entries(table.tools ?? {})) {
    if (settings.approval_mode !== undefined) toolApprovalModes[tool] = settings.approval_mode;
  }
  return {
    transport: toTransport(table),
    enabled: table.enabled ?? true,
    required: table.required ?? false,
    startupTimeoutMs,
    toolTimeoutMs:
      table.tool_timeout_sec === undefined ? null : Math.round(table.tool_timeout_sec * 1000),
    enabledTools: table.enabled_tools ?? null,
    disabledTools: table.disabled_tools ?? null,
    defaultToolsApprovalMode: table.default_tools_approval_mode ?? null,
    toolApprovalModes,
  };
}

function toTransport(table: McpServerToml): McpServerTransportConfig {
  if (table.command !== undefined) {
    return {
      type: 'stdio',
      command: table.command,
      args: table.args ?? [],
      env: table.env ?? null,
      envVars: table.env_vars ?? [],
      cwd: table.cwd ?? null,
    };
  }
  // The schema guarantees a url when there is no command.
  return {
    type: 'streamable_http',
    url: table.url ?? '',
    bearerTokenEnvVar: table.bearer_token_env_var ?? null,
    httpHeaders: table.http_headers ?? null,
    envHttpHeaders: table.env_http_headers ?? null,
  };
}
