import type { McpServerConfig } from '@codex-ts/config';
import {
  McpConnectionManager,
  McpRequiredServersError,
  type EnvMap,
  type McpServerStatus,
} from '@codex-ts/mcp';
import type { ToolHandler } from '../tools/tool-types.js';
import { McpToolHandler } from './mcp-tool-handler.js';

export interface ThreadMcpOptions {
  servers: Readonly<Record<string, McpServerConfig>>;
  env: EnvMap;
  clientVersion: string;
}

/**
 * A thread's MCP servers. Connecting starts with the thread, in parallel with the rest of its
 * start-up; the first turn waits for the servers (each within its start-up timeout) before it
 * declares their tools. Servers that fail are reported once, as warnings, and left out.
 */
export class ThreadMcp {
  private handlers: Promise<ToolHandler[]> | null = null;
  private reported = false;

  private constructor(
    readonly manager: McpConnectionManager,
    private readonly servers: Readonly<Record<string, McpServerConfig>>,
  ) {}

  /** Starts the enabled servers; null when none is configured. */
  static start(opts: ThreadMcpOptions): ThreadMcp | null {
    if (!Object.values(opts.servers).some((server) => server.enabled)) return null;
    return new ThreadMcp(
      McpConnectionManager.start({
        servers: opts.servers,
        env: opts.env,
        clientVersion: opts.clientVersion,
      }),
      opts.servers,
    );
  }

  /** The tool handlers of every server that started (waits for the start-ups once). */
  tools(): Promise<ToolHandler[]> {
    this.handlers ??= this.manager.listAllTools().then((infos) =>
      infos.flatMap((info) => {
        const config = this.servers[info.server];
        return config === undefined ? [] : [new McpToolHandler(info, this.manager, config)];
      }),
    );
    return this.handlers;
  }

  /**
   * The start-up failures not reported yet (the first call after the start-ups returns them,
   * later calls nothing), for `warning` notifications.
   */
  async takeStartupFailures(): Promise<McpServerStatus[]> {
    const statuses = await this.manager.waitForStartup();
    if (this.reported) return [];
    this.reported = true;
    return statuses.filter((s) => s.state === 'failed');
  }

  /** Fails with `McpRequiredServersError` when a `required = true` server did not start. */
  async ensureRequiredServers(): Promise<void> {
    const failures = await this.manager.requiredStartupFailures();
    if (failures.length > 0) throw new McpRequiredServersError(failures);
  }

  /** Closes every connection (stdio servers stop). */
  async close(): Promise<void> {
    await this.manager.close();
  }
}
