import type { McpServerConfig } from '@codex-ts/config';

import {
  McpError,
  McpServerNotReadyError,
  McpStartupCancelledError,
  McpUnknownServerError,
} from './errors.js';
import { ManagedClient } from './managed-client.js';
import type {
  McpCallToolResult,
  McpServerState,
  McpServerStatus,
  McpToolInfo,
} from './mcp-types.js';
import { qualifyTools } from './tool-names.js';
import type { EnvMap } from './transports.js';

export interface McpConnectionManagerOptions {
  /** The configured servers by name; disabled ones are not started. */
  servers: Readonly<Record<string, McpServerConfig>>;
  /** The environment stdio servers inherit from and HTTP headers are read from. */
  env: EnvMap;
  /** Reported to servers as `clientInfo.version`. */
  clientVersion?: string;
  /** Called on every state change of a server (`starting`, then `ready` / `failed`). */
  onStatus?: (status: McpServerStatus) => void;
}

interface Entry {
  config: McpServerConfig;
  state: McpServerState;
  error: string | null;
  client: Promise<ManagedClient>;
}

/**
 * The MCP servers of one thread: every enabled server starts at once, in parallel, each within
 * its start-up timeout; nothing waits for them until their tools are needed. A server that fails
 * to start is reported (`status()`) and its tools are left out; the others work.
 */
export class McpConnectionManager {
  private readonly entries = new Map<string, Entry>();
  private readonly cancel = new AbortController();

  private constructor(private readonly opts: McpConnectionManagerOptions) {}

  static start(opts: McpConnectionManagerOptions): McpConnectionManager {
    const manager = new McpConnectionManager(opts);
    for (const name of Object.keys(opts.servers).sort()) {
      const config = opts.servers[name];
      if (config?.enabled === true) manager.startServer(name, config);
    }
    return manager;
  }

  private startServer(name: string, config: McpServerConfig): void {
    const entry: Entry = {
      config,
      state: 'starting',
      error: null,
      client: ManagedClient.start(
        {
          server: name,
          config,
          env: this.opts.env,
          clientVersion: this.opts.clientVersion ?? '0.0.0',
        },
        this.cancel.signal,
      ),
    };
    this.entries.set(name, entry);
    this.report(name, entry);
    entry.client.then(
      () => this.settle(name, entry, 'ready', null),
      (err: unknown) => {
        const cancelled = err instanceof McpStartupCancelledError;
        this.settle(name, entry, cancelled ? 'cancelled' : 'failed', errorMessage(err));
      },
    );
  }

  private settle(name: string, entry: Entry, state: McpServerState, error: string | null): void {
    entry.state = state;
    entry.error = error;
    this.report(name, entry);
  }

  private report(name: string, entry: Entry): void {
    this.opts.onStatus?.({ name, state: entry.state, error: entry.error });
  }

  /** True when at least one enabled server is configured. */
  hasServers(): boolean {
    return this.entries.size > 0;
  }

  /** The started servers' states, by name. */
  status(): McpServerStatus[] {
    return [...this.entries].map(([name, e]) => ({ name, state: e.state, error: e.error }));
  }

  /** Waits until every server has started or failed; returns the final states. */
  async waitForStartup(): Promise<McpServerStatus[]> {
    await Promise.allSettled([...this.entries.values()].map((e) => e.client));
    return this.status();
  }

  /** The connection of a started server (waits for its start-up). */
  async client(server: string): Promise<ManagedClient> {
    const entry = this.entries.get(server);
    if (entry === undefined) throw new McpUnknownServerError(server);
    try {
      return await entry.client;
    } catch (err) {
      throw new McpServerNotReadyError(server, errorMessage(err));
    }
  }

  /**
   * The tools of every server that started, under their model-visible names (sorted). Waits for
   * the start-ups (each bounded by its timeout).
   */
  async listAllTools(): Promise<McpToolInfo[]> {
    const ready: { server: string; client: ManagedClient }[] = [];
    for (const [server, entry] of this.entries) {
      const client = await entry.client.catch(() => null);
      if (client !== null) ready.push({ server, client });
    }
    return qualifyTools(
      ready.flatMap(({ server, client }) => client.tools.map((tool) => ({ server, tool }))),
    );
  }

  /** `tools/call` on `server` (see `ManagedClient.callTool`). */
  async callTool(
    server: string,
    tool: string,
    args: Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<McpCallToolResult> {
    const client = await this.client(server);
    return client.callTool(tool, args, signal);
  }

  /** The `required = true` servers that did not start, with why (waits for them). */
  async requiredStartupFailures(): Promise<{ server: string; error: string }[]> {
    const failures: { server: string; error: string }[] = [];
    for (const [server, entry] of this.entries) {
      if (!entry.config.required) continue;
      const error = await entry.client.then(
        () => null,
        (err: unknown) => errorMessage(err),
      );
      if (error !== null) failures.push({ server, error });
    }
    return failures;
  }

  /** Cancels start-ups still running and closes every connection (stdio servers stop). */
  async close(): Promise<void> {
    this.cancel.abort(new Error('MCP connection manager closed'));
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        const client = await entry.client.catch(() => null);
        await client?.close();
      }),
    );
  }
}

function errorMessage(err: unknown): string {
  if (err instanceof McpError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
