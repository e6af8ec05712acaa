import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

import { REPO_ROOT } from './codex-binary.js';
import {
  createFakeMcpServer,
  FAKE_MCP_SERVER_SCRIPT,
  type FakeMcpServerOptions,
} from './fake-mcp-server.js';

/** The Node the repository pins (type stripping runs the fake server's TypeScript source). */
export const PINNED_NODE = join(REPO_ROOT, 'node_modules', 'node', 'bin', 'node');

/** `command` + `args` of a stdio MCP server config that runs the fake server. */
export function fakeMcpServerCommand(): { command: string; args: string[] } {
  return { command: PINNED_NODE, args: [FAKE_MCP_SERVER_SCRIPT] };
}

/** A `[mcp_servers.<name>]` table (TOML text) running the fake stdio server. */
export function fakeMcpServerToml(name: string, extra: Record<string, string> = {}): string {
  const { command, args } = fakeMcpServerCommand();
  const lines = [
    `[mcp_servers.${name}]`,
    `command = ${JSON.stringify(command)}`,
    `args = ${JSON.stringify(args)}`,
    ...Object.entries(extra).map(([key, literal]) => `${key} = ${literal}`),
  ];
  return `${lines.join('\n')}\n`;
}

export interface FakeMcpHttpServer {
  /** The MCP endpoint (`http://127.0.0.1:PORT/mcp`). */
  url: string;
  /** Headers of every HTTP request received, in order. */
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export interface FakeMcpHttpServerOptions extends FakeMcpServerOptions {
  /** Answer 401 unless `Authorization: Bearer <token>` is sent. */
  bearerToken?: string;
}

/**
 * The fake tools over streamable HTTP (stateless: a fresh server and transport per request),
 * on an ephemeral local port.
 */
export async function startFakeMcpHttpServer(
  options: FakeMcpHttpServerOptions = {},
): Promise<FakeMcpHttpServer> {
  const requests: IncomingHttpHeaders[] = [];
  const http: HttpServer = createServer((req, res) => {
    requests.push(req.headers);
    if (
      options.bearerToken !== undefined &&
      req.headers.authorization !== `Bearer ${options.bearerToken}`
    ) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
      return;
    }
    const server = createFakeMcpServer(options);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
