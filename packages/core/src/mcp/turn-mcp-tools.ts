import type { ToolHandler } from '../tools/tool-types.js';
import type { TurnEmitter } from '../turn/turn-emitter.js';
import type { TurnRuntime } from '../turn/turn-runtime.js';
import type { ThreadMcp } from './thread-mcp.js';

export type { ThreadMcp } from './thread-mcp.js';

/**
 * The MCP tools a turn offers: waits for the thread's servers to finish starting (the tools are
 * declared in the first request; ARCHITECTURE 3's readiness point), reporting each server that
 * failed as a `warning` notification the first time. An interrupt stops the wait (no tools).
 */
export async function prepareMcpTools(
  mcp: ThreadMcp | null,
  emitter: TurnEmitter,
  signal: AbortSignal,
): Promise<ToolHandler[]> {
  if (mcp === null) return [];
  const aborted = new Promise<null>((resolve) => {
    if (signal.aborted) resolve(null);
    signal.addEventListener('abort', () => resolve(null), { once: true });
  });
  const ready = Promise.all([mcp.tools(), mcp.takeStartupFailures()]);
  const result = await Promise.race([ready, aborted]);
  if (result === null) return [];
  const [tools, failures] = result;
  for (const failure of failures) {
    emitter.emit('warning', {
      threadId: emitter.threadId,
      message: failure.error ?? `MCP server \`${failure.name}\` failed to start`,
    });
  }
  return tools;
}

/**
 * A user turn's runtime with the thread's MCP tools (see `prepareMcpTools`, `withMcpTools`);
 * the runtime as it is when the thread has no MCP servers.
 */
export async function withThreadMcp(
  mcp: ThreadMcp | null | undefined,
  rt: TurnRuntime,
): Promise<TurnRuntime> {
  if (mcp === null || mcp === undefined) return rt;
  return withMcpTools(rt, await prepareMcpTools(mcp, rt.emitter, rt.signal));
}

/**
 * The runtime with the MCP tools added: callable through its router, and declared in every
 * request after the built-in and hosted tools (the Rust Codex lists MCP tools last, by name).
 */
export function withMcpTools(rt: TurnRuntime, tools: readonly ToolHandler[]): TurnRuntime {
  if (tools.length === 0) return rt;
  const specs = tools.map((tool) => tool.spec);
  return {
    ...rt,
    router: rt.router.withExtraHandlers(tools),
    buildRequest: () => {
      const request = rt.buildRequest();
      return { ...request, tools: [...request.tools, ...specs] };
    },
  };
}
