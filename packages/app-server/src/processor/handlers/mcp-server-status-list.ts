import { collectMcpSnapshot, type McpAuthStatusKind, type McpServerSnapshot } from '@codex-ts/mcp';
import {
  ListMcpServerStatusParamsSchema,
  type ListMcpServerStatusParams,
  type McpAuthStatus,
  type McpResourceDescriptor,
  type McpResourceTemplateDescriptor,
  type McpServerConnectionStatus,
  type McpServerStatus,
  type McpToolDescriptor,
} from '@codex-ts/protocol';
import { InvalidRequestError } from '../../errors/rpc-errors.js';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';

/**
 * `mcpServerStatus/list`: every configured MCP server (sorted by name, paged by `limit` /
 * `cursor`, the cursor being the index of the next server as in the Rust app server) with its
 * tools, resources and resource templates (`detail: "toolsAndAuthOnly"` skips the resources) and
 * its auth status. The servers of the page are started for the occasion and stopped again; one
 * that fails to start is listed with `toolsError` and no tools.
 */
export const mcpServerStatusListHandler = defineHandler({
  method: 'mcpServerStatus/list',
  requiresInitialize: true,
  parse: (params) => parseParams('mcpServerStatus/list', ListMcpServerStatusParamsSchema, params),
  async handle(ctx, params: ListMcpServerStatusParams) {
    const { codexHome, env, cliVersion } = ctx.services;
    const config = await ctx.services.loadConfig({ codexHome, env });
    const names = Object.keys(config.mcpServers)
      .filter((name) => params.serverName == null || name === params.serverName)
      .sort();
    const total = names.length;
    const start = params.cursor == null ? 0 : parseCursor(params.cursor);
    if (start > total) {
      throw new InvalidRequestError(
        `cursor ${String(start)} exceeds total MCP servers ${String(total)}`,
      );
    }
    const limit = Math.max(params.limit ?? total, 1);
    const end = Math.min(start + limit, total);
    const page = names.slice(start, end);
    const servers = Object.fromEntries(page.map((name) => [name, config.mcpServers[name]!]));
    const snapshot = await collectMcpSnapshot({
      servers,
      env,
      clientVersion: cliVersion,
      includeResources: params.detail !== 'toolsAndAuthOnly',
    });
    ctx.respond({
      data: snapshot.map(statusOf),
      nextCursor: end < total ? String(end) : null,
    });
  },
});

function parseCursor(cursor: string): number {
  if (!/^\d+$/.test(cursor)) throw new InvalidRequestError(`invalid cursor: ${cursor}`);
  return Number(cursor);
}

const AUTH_STATUS: Record<McpAuthStatusKind, McpAuthStatus> = {
  unsupported: 'unsupported',
  not_logged_in: 'notLoggedIn',
  bearer_token: 'bearerToken',
  o_auth: 'oAuth',
};

const RUNTIME_STATUS: Record<McpServerSnapshot['state'], McpServerConnectionStatus> = {
  starting: 'starting',
  ready: 'connected',
  failed: 'failed',
  cancelled: 'cancelled',
  disabled: 'disabled',
};

const RESOURCE_KEYS = [
  'uri',
  'name',
  'title',
  'description',
  'mimeType',
  'size',
  'annotations',
  'icons',
  '_meta',
] as const;
const TEMPLATE_KEYS = [
  'uriTemplate',
  'name',
  'title',
  'description',
  'mimeType',
  'annotations',
] as const;

function statusOf(server: McpServerSnapshot): McpServerStatus {
  const tools: Record<string, McpToolDescriptor> = {};
  // The manager's tools carry the protocol's fields only already (mcp's `toMcpTool`).
  for (const [name, tool] of Object.entries(server.tools)) tools[name] = tool;
  const info = server.serverInfo;
  return {
    name: server.name,
    tools,
    // Servers are trusted to send these fields in the protocol's types.
    resources: server.resources.map(
      (r) => pick(r, RESOURCE_KEYS) as unknown as McpResourceDescriptor,
    ),
    resourceTemplates: server.resourceTemplates.map(
      (t) => pick(t, TEMPLATE_KEYS) as unknown as McpResourceTemplateDescriptor,
    ),
    authStatus: AUTH_STATUS[server.authStatus],
    serverInfo:
      info === null
        ? null
        : pick(info, ['name', 'version', 'title', 'description', 'websiteUrl', 'icons']),
    serverCapabilities: server.capabilities,
    runtimeStatus: RUNTIME_STATUS[server.state],
    toolsError: server.state === 'failed' || server.state === 'cancelled' ? server.error : null,
    httpOrigin: server.httpOrigin,
  };
}

function pick<T extends object, K extends keyof T & string>(
  value: T,
  keys: readonly K[],
): Pick<T, K> {
  const out: Partial<T> = {};
  for (const key of keys) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out as Pick<T, K>;
}
