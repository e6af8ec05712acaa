// A small MCP server for tests, built on the official SDK's server classes. Imported, it builds
// a server to attach to any transport (the streamable HTTP variant does so); run as a program
// (`node fake-mcp-server.ts`, type stripping), it serves stdio. It imports packages only, so
// that Node can run the TypeScript source directly.
//
// Tools: echo {message}, fail (a tool error), slow {ms} (answers after a delay), structured
// (structuredContent), get_env {name} (reads a variable of the server's environment), image (an
// image block), pid (the server's process id), delete_everything (annotated destructive).
// tools/list pages by FAKE_MCP_PAGE_SIZE (default 2); FAKE_MCP_STARTUP_DELAY_MS delays answering
// `initialize`.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

/** The tools the fake server lists, in order. */
export const FAKE_MCP_TOOLS = [
  {
    name: 'echo',
    description: 'Echoes the message back.',
    inputSchema: {
      type: 'object',
      properties: { message: { type: 'string', description: 'What to echo.' } },
      required: ['message'],
    },
  },
  {
    name: 'fail',
    description: 'Always reports an error.',
    inputSchema: { type: 'object', properties: {} },
  },
  {
    name: 'slow',
    description: 'Answers after `ms` milliseconds.',
    inputSchema: { type: 'object', properties: { ms: { type: 'integer' } } },
  },
  {
    name: 'structured',
    description: 'Returns structured content.',
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object', properties: { answer: { type: 'number' } } },
  },
  {
    name: 'get_env',
    description: 'Reads a variable of the server environment.',
    inputSchema: { type: 'object', properties: { name: { type: 'string' } } },
  },
  {
    name: 'image',
    description: 'Returns a tiny PNG.',
    inputSchema: { type: 'object', properties: {} },
  },
  {
    name: 'pid',
    description: 'Returns the server process id.',
    inputSchema: { type: 'object', properties: {} },
  },
  {
    name: 'delete_everything',
    description: 'Pretends to delete everything.',
    inputSchema: { type: 'object', properties: {} },
    annotations: { destructiveHint: true },
  },
] as const;

/** A 1x1 transparent PNG, base64. */
export const FAKE_MCP_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export interface FakeMcpServerOptions {
  /** `serverInfo.name` (default `fake-mcp`). */
  name?: string;
  /** tools/list page size (default 2). */
  pageSize?: number;
  /** The environment `get_env` reads (default `process.env`). */
  env?: Record<string, string | undefined>;
}

type CallResult = {
  content: unknown[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

function text(value: string): CallResult {
  return { content: [{ type: 'text', text: value }] };
}

async function callTool(
  name: string,
  args: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Promise<CallResult> {
  switch (name) {
    case 'echo':
      return text(String(args['message'] ?? ''));
    case 'fail':
      return { ...text('the tool failed on purpose'), isError: true };
    case 'slow': {
      const ms = typeof args['ms'] === 'number' ? args['ms'] : 1000;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return text(`done after ${ms} ms`);
    }
    case 'structured':
      return { ...text('{"answer":42}'), structuredContent: { answer: 42 } };
    case 'get_env':
      return text(env[String(args['name'])] ?? '<unset>');
    case 'image':
      return { content: [{ type: 'image', data: FAKE_MCP_PNG, mimeType: 'image/png' }] };
    case 'pid':
      return text(String(process.pid));
    case 'delete_everything':
      return text('deleted nothing, really');
    default:
      return { ...text(`unknown tool ${name}`), isError: true };
  }
}

/** An MCP server with the fake tools (and one resource), not yet connected to a transport. */
export function createFakeMcpServer(options: FakeMcpServerOptions = {}): Server {
  const pageSize = options.pageSize ?? 2;
  const env = options.env ?? process.env;
  const server = new Server(
    { name: options.name ?? 'fake-mcp', version: '1.2.3' },
    { capabilities: { tools: {}, resources: {} } },
  );
  server.setRequestHandler(ListToolsRequestSchema, (request) => {
    const start = Number(request.params?.cursor ?? '0');
    const tools = FAKE_MCP_TOOLS.slice(start, start + pageSize);
    const next = start + pageSize;
    return {
      tools: tools as unknown as { name: string; inputSchema: { type: 'object' } }[],
      ...(next < FAKE_MCP_TOOLS.length ? { nextCursor: String(next) } : {}),
    };
  });
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    callTool(request.params.name, request.params.arguments ?? {}, env),
  );
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: [{ uri: 'fake://readme', name: 'readme', mimeType: 'text/plain' }],
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: [{ uriTemplate: 'fake://notes/{id}', name: 'note' }],
  }));
  return server;
}

/** Serves the fake tools on stdio until stdin closes. */
export async function runFakeMcpServerOnStdio(): Promise<void> {
  const delay = Number(process.env['FAKE_MCP_STARTUP_DELAY_MS'] ?? '0');
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const pageSize = Number(process.env['FAKE_MCP_PAGE_SIZE'] ?? '2');
  const name = process.env['FAKE_MCP_NAME'];
  const server = createFakeMcpServer({ pageSize, ...(name ? { name } : {}) });
  process.stdin.on('end', () => process.exit(0));
  await server.connect(new StdioServerTransport());
}

/** This file's own path: what a stdio server config runs. */
export const FAKE_MCP_SERVER_SCRIPT = fileURLToPath(import.meta.url);

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === FAKE_MCP_SERVER_SCRIPT) {
  await runFakeMcpServerOnStdio();
}
