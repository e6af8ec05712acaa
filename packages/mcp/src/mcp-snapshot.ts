import type { McpServerConfig } from '@codex-ts/config';

import { McpConnectionManager } from './connection-manager.js';
import type {
  McpResource,
  McpResourceTemplate,
  McpServerInfo,
  McpServerState,
  McpTool,
} from './mcp-types.js';
import { transportOrigin, type EnvMap } from './transports.js';

/**
 * How a server authenticates (the Rust Codex's `McpAuthStatus`, snake_case as its CLI prints it
 * in JSON). codex-ts has no MCP OAuth yet: an HTTP server without a bearer token is
 * `unsupported`.
 */
export type McpAuthStatusKind = 'unsupported' | 'not_logged_in' | 'bearer_token' | 'o_auth';

export function mcpAuthStatus(config: McpServerConfig): McpAuthStatusKind {
  const transport = config.transport;
  if (transport.type === 'stdio') return 'unsupported';
  if (transport.bearerTokenEnvVar !== null) return 'bearer_token';
  const headers = [
    ...Object.keys(transport.httpHeaders ?? {}),
    ...Object.keys(transport.envHttpHeaders ?? {}),
  ];
  return headers.some((h) => h.toLowerCase() === 'authorization') ? 'bearer_token' : 'unsupported';
}

/** What one configured server offers right now. */
export interface McpServerSnapshot {
  name: string;
  enabled: boolean;
  /** `disabled` for a server that is configured off. */
  state: McpServerState | 'disabled';
  error: string | null;
  /** The tools offered to the model (after `enabled_tools` / `disabled_tools`), by name. */
  tools: Record<string, McpTool>;
  resources: McpResource[];
  resourceTemplates: McpResourceTemplate[];
  authStatus: McpAuthStatusKind;
  serverInfo: McpServerInfo | null;
  capabilities: Record<string, unknown> | null;
  /** The HTTP origin of a streamable HTTP server; null for stdio. */
  httpOrigin: string | null;
}

export interface McpSnapshotOptions {
  servers: Readonly<Record<string, McpServerConfig>>;
  env: EnvMap;
  clientVersion?: string;
  /** Only this server (absent: every configured server). */
  serverName?: string | null;
  /** Also list resources and resource templates (default true). */
  includeResources?: boolean;
}

/**
 * Starts the configured servers, collects their tools (and resources), closes them again. One
 * entry per configured server, sorted by name; a server that fails to start is reported with
 * its error and no tools.
 */
export async function collectMcpSnapshot(opts: McpSnapshotOptions): Promise<McpServerSnapshot[]> {
  const names = Object.keys(opts.servers)
    .filter((name) => opts.serverName == null || name === opts.serverName)
    .sort();
  const selected: Record<string, McpServerConfig> = {};
  for (const name of names) selected[name] = opts.servers[name] as McpServerConfig;
  const manager = McpConnectionManager.start({
    servers: selected,
    env: opts.env,
    ...(opts.clientVersion === undefined ? {} : { clientVersion: opts.clientVersion }),
  });
  try {
    return await Promise.all(
      names.map((name) => snapshotOf(manager, name, selected[name] as McpServerConfig, opts)),
    );
  } finally {
    await manager.close();
  }
}

async function snapshotOf(
  manager: McpConnectionManager,
  name: string,
  config: McpServerConfig,
  opts: McpSnapshotOptions,
): Promise<McpServerSnapshot> {
  const base: McpServerSnapshot = {
    name,
    enabled: config.enabled,
    state: 'disabled',
    error: null,
    tools: {},
    resources: [],
    resourceTemplates: [],
    authStatus: mcpAuthStatus(config),
    serverInfo: null,
    capabilities: null,
    httpOrigin: config.transport.type === 'stdio' ? null : transportOrigin(config.transport),
  };
  if (!config.enabled) return base;
  const client = await manager.client(name).catch(() => null);
  if (client === null) {
    const status = manager.status().find((s) => s.name === name);
    return { ...base, state: status?.state ?? 'failed', error: status?.error ?? null };
  }
  const tools: Record<string, McpTool> = {};
  for (const tool of client.tools) tools[tool.name] = tool;
  const withResources = opts.includeResources ?? true;
  const [resources, resourceTemplates] = withResources
    ? await Promise.all([
        client.listResources().catch(() => []),
        client.listResourceTemplates().catch(() => []),
      ])
    : [[], []];
  return {
    ...base,
    state: 'ready',
    tools,
    resources,
    resourceTemplates,
    serverInfo: client.serverInfo,
    capabilities: client.capabilities,
  };
}
