import type { ListMcpServerStatusResponse } from '@codex-ts/protocol';
import * as z from 'zod';
import { int } from './wire-shared.js';

// The `mcpServerStatus/list` answer (types: v2-mcp.ts of @codex-ts/protocol), named after the
// Rust app server's definitions.

export const McpAuthStatusSchema = z.enum([
  'unknown',
  'unsupported',
  'notLoggedIn',
  'bearerToken',
  'oAuth',
]);

export const McpServerConnectionStatusSchema = z.enum([
  'notStarted',
  'starting',
  'connected',
  'authenticationRequired',
  'failed',
  'cancelled',
  'disabled',
]);

/** v2 `Tool`: an MCP tool as the server lists it. */
export const ToolSchema = z.object({
  name: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  inputSchema: z.unknown(),
  outputSchema: z.unknown().optional(),
  annotations: z.unknown().optional(),
  icons: z.array(z.unknown()).nullish(),
  _meta: z.unknown().optional(),
});

export const ResourceSchema = z.object({
  uri: z.string(),
  name: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  mimeType: z.string().nullish(),
  size: int('int64').nullish(),
  annotations: z.unknown().optional(),
  icons: z.array(z.unknown()).nullish(),
  _meta: z.unknown().optional(),
});

export const ResourceTemplateSchema = z.object({
  uriTemplate: z.string(),
  name: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  mimeType: z.string().nullish(),
  annotations: z.unknown().optional(),
});

export const McpServerInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  websiteUrl: z.string().nullish(),
  icons: z.array(z.unknown()).nullish(),
});

export const McpServerStatusSchema = z.object({
  name: z.string(),
  tools: z.record(z.string(), ToolSchema),
  resources: z.array(ResourceSchema),
  resourceTemplates: z.array(ResourceTemplateSchema),
  authStatus: McpAuthStatusSchema,
  serverInfo: McpServerInfoSchema.nullable(),
  serverCapabilities: z.unknown(),
  runtimeStatus: McpServerConnectionStatusSchema.nullable(),
  toolsError: z.string().nullable(),
  httpOrigin: z.string().nullable(),
});

export const ListMcpServerStatusResponseSchema = z.object({
  data: z.array(McpServerStatusSchema),
  nextCursor: z.string().nullable(),
});

/** Compile-time proof that the schema and the TypeScript type describe the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type McpWireTypeChecks = [
  Assert<Same<z.output<typeof ListMcpServerStatusResponseSchema>, ListMcpServerStatusResponse>>,
];
