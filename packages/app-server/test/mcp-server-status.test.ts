import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Deep imports: the processor must be testable without loading core (see the fake thread manager).
import { MessageProcessor } from '../src/processor/message-processor.js';
import { serveInProcess } from '../src/transport/serve-in-process.js';
import {
  FAKE_MCP_TOOLS,
  fakeMcpServerToml,
  makeTempCodexHome,
  startFakeMcpHttpServer,
  type FakeMcpHttpServer,
  type TempDir,
} from '@codex-ts/test-support';
import { FakeThreadManager } from './helpers/fake-thread-manager.js';
import { RpcHarness } from './helpers/rpc-harness.js';
import { referenceValidator } from './helpers/schema-validators.js';

interface StatusEntry {
  name: string;
  tools: Record<string, { name: string }>;
  resources: unknown[];
  resourceTemplates: unknown[];
  authStatus: string;
  serverInfo: { name: string; version: string } | null;
  runtimeStatus: string | null;
  toolsError: string | null;
  httpOrigin: string | null;
}
interface StatusList {
  data: StatusEntry[];
  nextCursor: string | null;
}

let home: TempDir;
let harness: RpcHarness | null = null;
let http: FakeMcpHttpServer | null = null;
const reference = referenceValidator();

async function start(configToml: string): Promise<RpcHarness> {
  await writeFile(join(home.path, 'config.toml'), configToml);
  const processor = new MessageProcessor({
    threadManager: new FakeThreadManager({}, '0.9.1'),
    codexHome: home.path,
    env: { PATH: process.env['PATH'], WEB_TOKEN: 'sekrit' },
    cliVersion: '0.9.1',
  });
  harness = new RpcHarness(serveInProcess(processor, { shutdown: () => processor.shutdown() }));
  await harness.initialize();
  return harness;
}

async function list(h: RpcHarness, params: Record<string, unknown>): Promise<StatusList> {
  const result = await h.call<StatusList>('mcpServerStatus/list', params);
  expect(reference.errors('ListMcpServerStatusResponse', result)).toBeNull();
  return result;
}

beforeEach(async () => {
  home = await makeTempCodexHome();
});

afterEach(async () => {
  await harness?.close();
  expect(harness?.problems ?? []).toEqual([]);
  harness = null;
  await http?.close();
  http = null;
  await home.cleanup();
});

describe('mcpServerStatus/list', () => {
  it('lists every configured server with its tools, resources and status', async () => {
    http = await startFakeMcpHttpServer({ bearerToken: 'sekrit', name: 'remote-fake' });
    const h = await start(
      [
        fakeMcpServerToml('local'),
        '[mcp_servers.broken]',
        'command = "/nonexistent/mcp"',
        '[mcp_servers.off]',
        'command = "whatever"',
        'enabled = false',
        '[mcp_servers.web]',
        `url = "${http.url}"`,
        'bearer_token_env_var = "WEB_TOKEN"',
        '',
      ].join('\n'),
    );
    const result = await list(h, {});
    expect(result.nextCursor).toBeNull();
    expect(result.data.map((s) => [s.name, s.runtimeStatus, s.authStatus])).toEqual([
      ['broken', 'failed', 'unsupported'],
      ['local', 'connected', 'unsupported'],
      ['off', 'disabled', 'unsupported'],
      ['web', 'connected', 'bearerToken'],
    ]);
    const [broken, local, off, web] = result.data;
    expect(broken?.tools).toEqual({});
    expect(broken?.toolsError).toMatch(/^MCP client for `broken` failed to start: /);
    expect(Object.keys(local?.tools ?? {})).toEqual(FAKE_MCP_TOOLS.map((t) => t.name));
    expect(local?.tools['echo']).toEqual(FAKE_MCP_TOOLS[0]);
    expect(local).toMatchObject({
      resources: [{ uri: 'fake://readme', name: 'readme', mimeType: 'text/plain' }],
      resourceTemplates: [{ uriTemplate: 'fake://notes/{id}', name: 'note' }],
      serverInfo: { name: 'fake-mcp', version: '1.2.3' },
      toolsError: null,
      httpOrigin: null,
    });
    expect(off).toMatchObject({ tools: {}, serverInfo: null, toolsError: null });
    expect(web?.serverInfo?.name).toBe('remote-fake');
    expect(web?.httpOrigin).toBe(new URL(http.url).origin);
  });

  it('pages by limit and cursor, filters by server name, and can skip resources', async () => {
    const h = await start(
      [fakeMcpServerToml('a'), fakeMcpServerToml('b'), fakeMcpServerToml('c')].join('\n'),
    );
    const first = await list(h, { limit: 2, detail: 'toolsAndAuthOnly' });
    expect(first.data.map((s) => s.name)).toEqual(['a', 'b']);
    expect(first.data[0]?.resources).toEqual([]);
    expect(first.nextCursor).toBe('2');
    const second = await list(h, { limit: 2, cursor: first.nextCursor });
    expect(second.data.map((s) => s.name)).toEqual(['c']);
    expect(second.data[0]?.resources).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const one = await list(h, { serverName: 'b' });
    expect(one.data.map((s) => s.name)).toEqual(['b']);
  });

  it('answers an empty list without servers, and refuses a bad cursor', async () => {
    const h = await start('');
    expect(await list(h, {})).toEqual({ data: [], nextCursor: null });
    await expect(h.call('mcpServerStatus/list', { cursor: 'x' })).rejects.toThrow(
      /"invalid cursor: x"/,
    );
    await expect(h.call('mcpServerStatus/list', { cursor: '5' })).rejects.toThrow(
      /"cursor 5 exceeds total MCP servers 0"/,
    );
  });
});
