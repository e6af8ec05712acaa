import type { McpTool } from './mcp-types.js';

/** Servers that never stop paging are cut off here. */
const MAX_PAGES = 1000;

/**
 * Follows `nextCursor` until a page has none. A server that hands back the cursor it was just
 * given would loop forever: that is an error (`<method> returned duplicate cursor`).
 */
export async function listAllPages<T>(
  method: string,
  fetchPage: (
    cursor: string | undefined,
  ) => Promise<{ items: T[]; nextCursor?: string | undefined }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    const next = result.nextCursor;
    if (next === undefined || next === null) return items;
    if (next === cursor) throw new Error(`${method} returned duplicate cursor`);
    cursor = next;
  }
  throw new Error(`${method} returned more than ${MAX_PAGES} pages`);
}

const TOOL_KEYS = [
  'name',
  'title',
  'description',
  'inputSchema',
  'outputSchema',
  'annotations',
  'icons',
  '_meta',
] as const;

/** A listed tool with the protocol's fields only (the SDK passes unknown fields through). */
export function toMcpTool(listed: object): McpTool {
  const source = listed as Record<string, unknown>;
  const tool: Record<string, unknown> = {};
  for (const key of TOOL_KEYS) {
    if (source[key] !== undefined) tool[key] = source[key];
  }
  return tool as unknown as McpTool;
}
