import { ListMcpServerStatusParamsSchema, McpServerStatusDetailSchema } from '@codex-ts/protocol';
import type { ClientRequestEntry, WireType } from './protocol-catalog.js';
import {
  ListMcpServerStatusResponseSchema,
  McpAuthStatusSchema,
  McpServerConnectionStatusSchema,
  McpServerInfoSchema,
  McpServerStatusSchema,
  ResourceSchema,
  ResourceTemplateSchema,
  ToolSchema,
} from './wire-mcp.js';

// The `mcpServerStatus/list` part of the protocol catalog.

export function mcpRequests(): ClientRequestEntry[] {
  return [
    {
      method: 'mcpServerStatus/list',
      params: {
        name: 'ListMcpServerStatusParams',
        schema: ListMcpServerStatusParamsSchema.clone(),
        namespace: 'v2',
      },
      response: {
        name: 'ListMcpServerStatusResponse',
        schema: ListMcpServerStatusResponseSchema.clone(),
        namespace: 'v2',
      },
    },
  ];
}

/** Named parts of `mcpServerStatus/list`'s messages. */
export function mcpHelpers(): WireType[] {
  const named: Array<[string, WireType['schema']]> = [
    ['McpServerStatusDetail', McpServerStatusDetailSchema],
    ['McpServerStatus', McpServerStatusSchema],
    ['McpAuthStatus', McpAuthStatusSchema],
    ['McpServerConnectionStatus', McpServerConnectionStatusSchema],
    ['McpServerInfo', McpServerInfoSchema],
    ['Tool', ToolSchema],
    ['Resource', ResourceSchema],
    ['ResourceTemplate', ResourceTemplateSchema],
  ];
  return named.map(([name, schema]) => ({ name, schema, namespace: 'v2' }));
}
