import type { Readable } from 'node:stream';

import type { McpServerConfig } from '@codex-ts/config';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

import {
  McpInvalidServerNameError,
  McpStartupCancelledError,
  McpStartupError,
  McpStartupTimeoutError,
  McpToolCallError,
  McpToolCallTimeoutError,
  McpToolDisabledError,
} from './errors.js';
import { listAllPages, toMcpTool } from './mcp-pages.js';
import { loadMcpSdk, type McpSdk } from './mcp-sdk.js';
import type {
  McpCallToolResult,
  McpResource,
  McpResourceTemplate,
  McpServerInfo,
  McpTool,
} from './mcp-types.js';
import { ToolFilter } from './tool-filter.js';
import { createTransport, type EnvMap } from './transports.js';

/** Default `startup_timeout_sec`: spawn, `initialize` and the first `tools/list`. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 10_000;
/** Default `tool_timeout_sec`. */
export const DEFAULT_TOOL_TIMEOUT_MS = 60_000;

const SERVER_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/u;
const STDERR_TAIL_BYTES = 2048;

export interface ManagedClientOptions {
  server: string;
  config: McpServerConfig;
  env: EnvMap;
  /** Reported to the server as `clientInfo.version`. */
  clientVersion: string;
}

/**
 * One running connection to an MCP server: started (with its start-up timeout) by `start`,
 * which also lists the server's tools; afterwards it calls tools with the tool timeout.
 */
export class ManagedClient {
  private constructor(
    private readonly sdk: McpSdk,
    readonly server: string,
    private readonly client: Client,
    private readonly filter: ToolFilter,
    private readonly toolTimeoutMs: number,
    /** Every tool the server lists, before `enabled_tools` / `disabled_tools`. */
    readonly allTools: readonly McpTool[],
  ) {}

  /** The tools offered to the model (the filter applied). */
  get tools(): McpTool[] {
    return this.allTools.filter((tool) => this.filter.allows(tool.name));
  }

  get serverInfo(): McpServerInfo | null {
    return (this.client.getServerVersion() as McpServerInfo | undefined) ?? null;
  }

  get capabilities(): Record<string, unknown> | null {
    return (this.client.getServerCapabilities() as Record<string, unknown> | undefined) ?? null;
  }

  /**
   * Connects and lists the tools. Fails with `McpStartupTimeoutError` after the start-up timeout,
   * `McpStartupCancelledError` when `signal` aborts, `McpStartupError` otherwise; the child
   * process (stdio) is stopped in every failure case.
   */
  static async start(opts: ManagedClientOptions, signal: AbortSignal): Promise<ManagedClient> {
    const { server, config } = opts;
    if (!SERVER_NAME_PATTERN.test(server)) throw new McpInvalidServerNameError(server);
    const timeoutMs = config.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
    const sdk = await loadMcpSdk();
    const { transport, stderr } = createTransport(sdk, server, config.transport, opts.env);
    const tail = stderr === null ? null : drainStderr(stderr);
    const client = new sdk.Client(
      { name: 'codex-mcp-client', version: opts.clientVersion, title: 'Codex' },
      { capabilities: {} },
    );
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('startup timeout')), timeoutMs);
    const onCancel = (): void => deadline.abort(new Error('startup cancelled'));
    if (signal.aborted) onCancel();
    signal.addEventListener('abort', onCancel, { once: true });
    const stopped = new Promise<never>((_resolve, reject) => {
      deadline.signal.addEventListener('abort', () => reject(deadline.signal.reason), {
        once: true,
      });
    });
    stopped.catch(() => undefined);
    try {
      const requestOptions = { signal: deadline.signal, timeout: timeoutMs };
      await Promise.race([client.connect(transport, requestOptions), stopped]);
      const tools = await Promise.race([
        listAllPages('tools/list', (cursor) =>
          client
            .listTools(cursor === undefined ? {} : { cursor }, requestOptions)
            .then((page) => ({ items: page.tools.map(toMcpTool), nextCursor: page.nextCursor })),
        ),
        stopped,
      ]);
      return new ManagedClient(
        sdk,
        server,
        client,
        ToolFilter.fromConfig(config),
        config.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
        tools,
      );
    } catch (err) {
      await client.close().catch(() => undefined);
      if (signal.aborted) throw new McpStartupCancelledError(server);
      if (deadline.signal.aborted || isSdkTimeout(sdk, err)) {
        throw new McpStartupTimeoutError(server, timeoutMs);
      }
      throw new McpStartupError(server, startupReason(err, tail?.()), err);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onCancel);
    }
  }

  /**
   * `tools/call` with the tool timeout. A tool the filter leaves out is refused. `signal`
   * (the turn's) cancels the request; its abort reason is thrown as is.
   */
  async callTool(
    tool: string,
    args: Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<McpCallToolResult> {
    if (!this.filter.allows(tool)) throw new McpToolDisabledError(this.server, tool);
    try {
      const result = await this.client.callTool(
        { name: tool, ...(args === undefined ? {} : { arguments: args }) },
        undefined,
        { timeout: this.toolTimeoutMs, ...(signal ? { signal } : {}) },
      );
      return result as McpCallToolResult;
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (isSdkTimeout(this.sdk, err))
        throw new McpToolCallTimeoutError(this.server, tool, this.toolTimeoutMs);
      throw new McpToolCallError(this.server, tool, errorText(err), err);
    }
  }

  /** Every resource (`resources/list`, all pages); empty when the server has no resources. */
  async listResources(): Promise<McpResource[]> {
    if (this.capabilities?.['resources'] === undefined) return [];
    return listAllPages('resources/list', (cursor) =>
      this.client
        .listResources(cursor === undefined ? {} : { cursor }, { timeout: this.toolTimeoutMs })
        .then((page) => ({ items: page.resources as McpResource[], nextCursor: page.nextCursor })),
    );
  }

  /** Every resource template (`resources/templates/list`, all pages). */
  async listResourceTemplates(): Promise<McpResourceTemplate[]> {
    if (this.capabilities?.['resources'] === undefined) return [];
    return listAllPages('resources/templates/list', (cursor) =>
      this.client
        .listResourceTemplates(cursor === undefined ? {} : { cursor }, {
          timeout: this.toolTimeoutMs,
        })
        .then((page) => ({
          items: page.resourceTemplates as McpResourceTemplate[],
          nextCursor: page.nextCursor,
        })),
    );
  }

  /** Closes the connection; a stdio server is asked to exit, then killed. */
  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }
}

function isSdkTimeout(sdk: McpSdk, err: unknown): boolean {
  return err instanceof sdk.McpError && err.code === Number(sdk.ErrorCode.RequestTimeout);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The error, followed by the last lines the server wrote to stderr (if it wrote any). */
function startupReason(err: unknown, stderrTail: string | undefined): string {
  const reason = errorText(err);
  const tail = stderrTail?.trim() ?? '';
  return tail === '' ? reason : `${reason}\n${tail}`;
}

/** Reads the child's stderr so that it never blocks; keeps its last bytes for error messages. */
function drainStderr(stream: Readable): () => string {
  let tail = '';
  stream.on('data', (chunk: Buffer | string) => {
    tail = (tail + chunk.toString()).slice(-STDERR_TAIL_BYTES);
  });
  stream.on('error', () => undefined);
  return () => tail;
}
