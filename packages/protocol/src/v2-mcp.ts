import * as z from 'zod';
import './zod-config.js';

// `mcpServerStatus/list`: the configured MCP servers with what each offers (tools, resources)
// and how it authenticates. Field names and shapes follow the Rust app server's v2 protocol.

/** How much to fetch per server: everything, or tools and auth only (no resources). */
export const McpServerStatusDetailSchema = z.enum(['full', 'toolsAndAuthOnly']);
export type McpServerStatusDetail = z.infer<typeof McpServerStatusDetailSchema>;

export const ListMcpServerStatusParamsSchema = z
  .object({
    /** Opaque cursor from a previous page (the index of the next server). */
    cursor: z.string().nullish(),
    /** Page size; absent: every server. */
    limit: z.number().int().min(0).max(4294967295).nullish(),
    detail: McpServerStatusDetailSchema.nullish(),
    /** Only this server. */
    serverName: z.string().nullish(),
    threadId: z.string().nullish(),
  })
  .loose();
export type ListMcpServerStatusParams = z.infer<typeof ListMcpServerStatusParamsSchema>;

export type McpAuthStatus = 'unknown' | 'unsupported' | 'notLoggedIn' | 'bearerToken' | 'oAuth';

export type McpServerConnectionStatus =
  | 'notStarted'
  | 'starting'
  | 'connected'
  | 'authenticationRequired'
  | 'failed'
  | 'cancelled'
  | 'disabled';

/** A tool as the MCP server lists it (v2 `Tool`). */
export interface McpToolDescriptor {
  name: string;
  title?: string | null;
  description?: string | null;
  inputSchema: unknown;
  outputSchema?: unknown;
  annotations?: unknown;
  icons?: unknown[] | null;
  _meta?: unknown;
}

/** v2 `Resource`. */
export interface McpResourceDescriptor {
  uri: string;
  name: string;
  title?: string | null;
  description?: string | null;
  mimeType?: string | null;
  size?: number | null;
  annotations?: unknown;
  icons?: unknown[] | null;
  _meta?: unknown;
}

/** v2 `ResourceTemplate`. */
export interface McpResourceTemplateDescriptor {
  uriTemplate: string;
  name: string;
  title?: string | null;
  description?: string | null;
  mimeType?: string | null;
  annotations?: unknown;
}

/** v2 `McpServerInfo`: `serverInfo` of the server's `initialize` answer. */
export interface McpServerInfoDescriptor {
  name: string;
  version: string;
  title?: string | null;
  description?: string | null;
  websiteUrl?: string | null;
  icons?: unknown[] | null;
}

/** v2 `McpServerStatus`. */
export interface McpServerStatus {
  name: string;
  /** By tool name (the server's own names). */
  tools: Record<string, McpToolDescriptor>;
  resources: McpResourceDescriptor[];
  resourceTemplates: McpResourceTemplateDescriptor[];
  authStatus: McpAuthStatus;
  serverInfo: McpServerInfoDescriptor | null;
  serverCapabilities: unknown;
  runtimeStatus: McpServerConnectionStatus | null;
  /** Why tool discovery failed (the server did not start); null when tools were listed. */
  toolsError: string | null;
  /** Origin of a streamable HTTP server; null for stdio. */
  httpOrigin: string | null;
}

export interface ListMcpServerStatusResponse {
  data: McpServerStatus[];
  nextCursor: string | null;
}
