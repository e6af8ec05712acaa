import type { FunctionCallOutputContentItem } from '@codex-ts/protocol';
import type { McpCallToolResult } from '@codex-ts/mcp';
import type { ToolResult } from '../tools/tool-types.js';

/** `_meta` key through which a server asks for an image detail level. */
const IMAGE_DETAIL_META_KEY = 'codex/imageDetail';
const IMAGE_DETAILS = ['auto', 'low', 'high', 'original'] as const;
type ImageDetail = (typeof IMAGE_DETAILS)[number];
const DEFAULT_IMAGE_DETAIL: ImageDetail = 'high';

/**
 * What the model reads back from an MCP tool call, as the Rust Codex converts a
 * `CallToolResult`: the structured content as JSON text when there is any; otherwise, when an
 * image is among the content blocks, the blocks as content items (text -> `input_text`, image ->
 * `input_image` data URL, anything else -> its JSON as text); otherwise the JSON text of the
 * content blocks. `success` is false when the tool reported `isError`.
 */
export function mcpResultToToolResult(result: McpCallToolResult): ToolResult {
  const success = result.isError !== true;
  const structured = result.structuredContent;
  if (structured !== undefined && structured !== null) {
    return { output: JSON.stringify(structured), success };
  }
  const output = JSON.stringify(result.content);
  const items = contentItems(result.content);
  return items === null ? { output, success } : { output, success, contentItems: items };
}

/** A failed call (`Err(message)` in the Rust Codex): one text block, an error. */
export function mcpErrorResult(message: string): McpCallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

function contentItems(blocks: readonly unknown[]): FunctionCallOutputContentItem[] | null {
  let sawImage = false;
  const items = blocks.map((block): FunctionCallOutputContentItem => {
    const b = (typeof block === 'object' && block !== null ? block : {}) as Record<string, unknown>;
    if (b['type'] === 'text' && typeof b['text'] === 'string') {
      return { type: 'input_text', text: b['text'] };
    }
    if (b['type'] === 'image' && typeof b['data'] === 'string') {
      sawImage = true;
      const data = b['data'];
      const mime = typeof b['mimeType'] === 'string' ? b['mimeType'] : 'application/octet-stream';
      return {
        type: 'input_image',
        image_url: data.startsWith('data:') ? data : `data:${mime};base64,${data}`,
        detail: imageDetail(b['_meta']),
      };
    }
    return { type: 'input_text', text: JSON.stringify(block) };
  });
  return sawImage ? items : null;
}

function imageDetail(meta: unknown): ImageDetail {
  if (typeof meta !== 'object' || meta === null) return DEFAULT_IMAGE_DETAIL;
  const value = (meta as Record<string, unknown>)[IMAGE_DETAIL_META_KEY];
  return IMAGE_DETAILS.find((d) => d === value) ?? DEFAULT_IMAGE_DETAIL;
}
