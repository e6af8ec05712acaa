import { createHash } from 'node:crypto';

import type { McpTool, McpToolInfo } from './mcp-types.js';

/** Separates `mcp`, the server and the tool; `__` fits the Responses API's name alphabet. */
export const MCP_TOOL_NAME_DELIMITER = '__';
/** The longest function name the Responses API accepts. */
export const MAX_TOOL_NAME_LENGTH = 64;

/** Every character outside `[a-zA-Z0-9_-]` becomes `_`; an empty name becomes `tool`. */
export function sanitizeToolName(name: string): string {
  const sanitized = name.replace(/[^a-zA-Z0-9_-]/gu, '_');
  return sanitized === '' ? 'tool' : sanitized;
}

/**
 * The model-visible names of the servers' tools, as the Rust Codex assigns them: the raw
 * `mcp__<server>__<tool>` is sanitised; a name over 64 characters keeps its first 24 and gains
 * the SHA-1 (hex) of the raw name, so that it stays stable and distinct. A raw name seen twice,
 * or a final name already taken, is skipped. The result is sorted by name (the order tools are
 * declared in, which keeps the request stable for prompt caching).
 */
export function qualifyTools(tools: Iterable<{ server: string; tool: McpTool }>): McpToolInfo[] {
  const seenRaw = new Set<string>();
  const used = new Map<string, McpToolInfo>();
  for (const { server, tool } of tools) {
    const raw = ['mcp', server, tool.name].join(MCP_TOOL_NAME_DELIMITER);
    if (seenRaw.has(raw)) continue;
    seenRaw.add(raw);
    let name = sanitizeToolName(raw);
    if (name.length > MAX_TOOL_NAME_LENGTH) {
      const hash = createHash('sha1').update(raw).digest('hex');
      name = `${name.slice(0, MAX_TOOL_NAME_LENGTH - hash.length)}${hash}`;
    }
    if (used.has(name)) continue;
    used.set(name, { qualifiedName: name, server, tool });
  }
  return [...used.values()].sort((a, b) =>
    a.qualifiedName < b.qualifiedName ? -1 : a.qualifiedName > b.qualifiedName ? 1 : 0,
  );
}
