/**
 * MCP shapes as the manager hands them out: plain JSON objects with the protocol's field names
 * (`inputSchema`, `structuredContent`, `_meta`), independent of the SDK's zod types.
 */

/** A tool as the server lists it (`tools/list`). */
export interface McpTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: McpToolAnnotations;
  icons?: unknown[];
  _meta?: Record<string, unknown>;
}

/** Hints a server gives about a tool; the approval rules read them. */
export interface McpToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/** A tool of one server under the name the model sees (`mcp__<server>__<tool>`). */
export interface McpToolInfo {
  /** The model-visible name: sanitised to `[a-zA-Z0-9_-]`, at most 64 characters. */
  qualifiedName: string;
  server: string;
  tool: McpTool;
}

/** The result of `tools/call`. `isError` marks a failure the tool reported itself. */
export interface McpCallToolResult {
  content: unknown[];
  structuredContent?: unknown;
  isError?: boolean;
  _meta?: Record<string, unknown>;
}

/** `initialize`'s `serverInfo`. */
export interface McpServerInfo {
  name: string;
  version: string;
  title?: string;
  description?: string;
  websiteUrl?: string;
  icons?: unknown[];
}

export type McpServerState = 'starting' | 'ready' | 'failed' | 'cancelled';

/** Where one configured, enabled server stands. */
export interface McpServerStatus {
  name: string;
  state: McpServerState;
  /** Why it failed (the message shown to users); null unless `failed` / `cancelled`. */
  error: string | null;
}

export interface McpResource {
  uri: string;
  name: string;
  [key: string]: unknown;
}

export interface McpResourceTemplate {
  uriTemplate: string;
  name: string;
  [key: string]: unknown;
}
