import type {
  CustomToolCallItem,
  CustomToolCallOutputItem,
  FunctionCallItem,
  FunctionCallOutputItem,
  ToolSpec,
} from '@codex-ts/protocol';
import {
  ToolCallError,
  type ToolCallContext,
  type ToolHandler,
  type ToolResult,
} from './tool-types.js';

export type ToolCallItem = FunctionCallItem | CustomToolCallItem;
export type ToolOutputItem = FunctionCallOutputItem | CustomToolCallOutputItem;

/**
 * Maps tool calls from the model to their handlers. Specs are data the request builder lists;
 * handlers run the calls. A call to an unknown tool, or one that fails with ToolCallError,
 * becomes output the model sees; any other error propagates and ends the turn.
 */
export class ToolRouter {
  private readonly handlers = new Map<string, ToolHandler>();
  private readonly declared: ToolHandler[];

  /**
   * `handlers` are declared to the model, in order; `undeclared` ones only answer calls the
   * model makes anyway (the Rust Codex keeps `shell` callable next to `exec_command`).
   */
  constructor(handlers: readonly ToolHandler[], undeclared: readonly ToolHandler[] = []) {
    this.declared = [...handlers];
    for (const handler of [...handlers, ...undeclared]) {
      if (this.handlers.has(handler.name)) {
        throw new Error(`duplicate tool name: ${handler.name}`);
      }
      this.handlers.set(handler.name, handler);
    }
  }

  specs(): ToolSpec[] {
    return this.declared.map((h) => h.spec);
  }

  /**
   * This router plus `extra` handlers (a thread's MCP tools), which it answers but leaves out
   * of `specs()`: the caller declares them where they belong in the request.
   */
  withExtraHandlers(extra: readonly ToolHandler[]): ToolRouter {
    const undeclared = [...this.handlers.values()].filter((h) => !this.declared.includes(h));
    return new ToolRouter(this.declared, [...undeclared, ...extra]);
  }

  async dispatch(call: ToolCallItem, ctx: ToolCallContext): Promise<ToolOutputItem> {
    const result = await this.run(call, ctx);
    return call.type === 'function_call'
      ? {
          type: 'function_call_output',
          call_id: call.call_id,
          output: result.contentItems ?? result.output,
        }
      : { type: 'custom_tool_call_output', call_id: call.call_id, output: result.output };
  }

  private async run(call: ToolCallItem, ctx: ToolCallContext): Promise<ToolResult> {
    const handler = this.handlers.get(call.name);
    if (!handler) {
      return { output: `unsupported call: ${call.name}`, success: false };
    }
    try {
      return await handler.handle(
        call.type === 'function_call'
          ? { kind: 'function', arguments: call.arguments }
          : { kind: 'custom', input: call.input },
        ctx,
      );
    } catch (err) {
      if (err instanceof ToolCallError) {
        return { output: err.message, success: false };
      }
      throw err;
    }
  }
}
