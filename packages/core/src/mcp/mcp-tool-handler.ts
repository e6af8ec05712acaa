import type { McpServerConfig } from '@codex-ts/config';
import type { McpCallToolResult, McpConnectionManager, McpToolInfo } from '@codex-ts/mcp';
import type { ThreadItem, ToolSpec } from '@codex-ts/protocol';
import {
  ToolCallError,
  type ToolCallContext,
  type ToolHandler,
  type ToolPayload,
  type ToolResult,
} from '../tools/tool-types.js';
import {
  MCP_CALL_CANCELLED_MESSAGE,
  mcpToolApprovalMode,
  mcpToolNeedsApproval,
} from './mcp-approval.js';
import { mcpErrorResult, mcpResultToToolResult } from './mcp-call-output.js';
import { mcpToolParameters } from './mcp-tool-schema.js';

type McpToolCallItem = Extract<ThreadItem, { type: 'mcpToolCall' }>;

/** The Responses function tool declaring an MCP tool under its model-visible name. */
export function mcpToolSpec(info: McpToolInfo): ToolSpec {
  return {
    type: 'function',
    name: info.qualifiedName,
    description: info.tool.description ?? '',
    strict: false,
    parameters: mcpToolParameters(info.tool.inputSchema),
  };
}

/**
 * Runs one MCP tool (`mcp__<server>__<tool>`): reports the call as an `mcpToolCall` item
 * (`item/started`, then `item/completed` with the result or the error), calls the server, and
 * answers the model with the converted result. Failures the model should see (bad JSON
 * arguments, a server that is down, a timeout, a refused approval) become the call's output.
 */
export class McpToolHandler implements ToolHandler {
  readonly name: string;
  readonly spec: ToolSpec;

  constructor(
    private readonly info: McpToolInfo,
    private readonly manager: McpConnectionManager,
    private readonly config: McpServerConfig,
  ) {
    this.name = info.qualifiedName;
    this.spec = mcpToolSpec(info);
  }

  async handle(payload: ToolPayload, ctx: ToolCallContext): Promise<ToolResult> {
    if (payload.kind !== 'function') {
      throw new ToolCallError('mcp handler received unsupported payload');
    }
    let args: unknown = null;
    if (payload.arguments.trim() !== '') {
      try {
        args = JSON.parse(payload.arguments) as unknown;
      } catch (err) {
        return mcpResultToToolResult(mcpErrorResult(`err: ${(err as Error).message}`));
      }
    }
    const server = this.info.server;
    const tool = this.info.tool.name;
    const item: McpToolCallItem = {
      type: 'mcpToolCall',
      id: ctx.callId,
      server,
      tool,
      status: 'inProgress',
      arguments: args,
      result: null,
      error: null,
      durationMs: null,
    };
    emitItem(ctx, 'item/started', item);

    const needsApproval = mcpToolNeedsApproval({
      annotations: this.info.tool.annotations,
      mode: mcpToolApprovalMode(this.config, tool),
      approvalPolicy: ctx.turn.approvalPolicy,
      sandboxMode: ctx.turn.sandboxMode,
    });
    if (needsApproval) {
      // No client can answer an MCP approval (elicitation) yet: the call is cancelled, as
      // `codex exec` cancels it in the Rust Codex.
      emitItem(ctx, 'item/completed', failed(item, MCP_CALL_CANCELLED_MESSAGE, 0));
      return mcpResultToToolResult(mcpErrorResult(MCP_CALL_CANCELLED_MESSAGE));
    }

    const started = Date.now();
    let result: McpCallToolResult;
    try {
      result = await this.manager.callTool(server, tool, argumentObject(args), ctx.signal);
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      const message = `tool call error: ${err instanceof Error ? err.message : String(err)}`;
      emitItem(ctx, 'item/completed', failed(item, message, Date.now() - started));
      return mcpResultToToolResult(mcpErrorResult(message));
    }
    emitItem(ctx, 'item/completed', {
      ...item,
      status: result.isError === true ? 'failed' : 'completed',
      result: { content: result.content, structuredContent: result.structuredContent ?? null },
      durationMs: Date.now() - started,
    });
    return mcpResultToToolResult(result);
  }
}

function failed(item: McpToolCallItem, message: string, durationMs: number): McpToolCallItem {
  return { ...item, status: 'failed', error: { message }, durationMs };
}

/** MCP arguments are an object; anything else is sent as no arguments. */
function argumentObject(args: unknown): Record<string, unknown> | undefined {
  return typeof args === 'object' && args !== null && !Array.isArray(args)
    ? (args as Record<string, unknown>)
    : undefined;
}

function emitItem(
  ctx: ToolCallContext,
  method: 'item/started' | 'item/completed',
  item: McpToolCallItem,
): void {
  const { threadId, turnId } = ctx.turn;
  if (method === 'item/started') {
    ctx.emit({ method, params: { threadId, turnId, item, startedAtMs: Date.now() } });
  } else {
    ctx.emit({ method, params: { threadId, turnId, item, completedAtMs: Date.now() } });
  }
}
