import { afterEach, describe, expect, it } from 'vitest';
import type { McpServerConfig } from '@codex-ts/config';
import {
  FAKE_MCP_PNG,
  FAKE_MCP_TOOLS,
  fakeMcpServerCommand,
  startFakeMcpHttpServer,
  type FakeMcpHttpServer,
} from '@codex-ts/test-support';

import {
  McpConnectionManager,
  McpServerNotReadyError,
  McpToolCallTimeoutError,
  McpToolDisabledError,
  McpUnknownServerError,
  collectMcpSnapshot,
  type McpServerStatus,
} from '../src/index.js';

function stdioServer(overrides: Partial<McpServerConfig> = {}, env: Record<string, string> = {}) {
  const { command, args } = fakeMcpServerCommand();
  const config: McpServerConfig = {
    transport: { type: 'stdio', command, args, env, envVars: [], cwd: null },
    enabled: true,
    required: false,
    startupTimeoutMs: null,
    toolTimeoutMs: null,
    enabledTools: null,
    disabledTools: null,
    defaultToolsApprovalMode: null,
    toolApprovalModes: {},
    ...overrides,
  };
  return config;
}

const managers: McpConnectionManager[] = [];
const httpServers: FakeMcpHttpServer[] = [];

function start(servers: Record<string, McpServerConfig>, env: Record<string, string> = {}) {
  const statuses: McpServerStatus[] = [];
  const manager = McpConnectionManager.start({
    servers,
    env: { PATH: process.env['PATH'], ...env },
    clientVersion: '9.9.9',
    onStatus: (status) => statuses.push(status),
  });
  managers.push(manager);
  return { manager, statuses };
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
  await Promise.all(httpServers.splice(0).map((s) => s.close()));
});

describe('McpConnectionManager over stdio', () => {
  it('starts the enabled servers, lists every page of tools and reports the states', async () => {
    const { manager, statuses } = start({
      echo: stdioServer(),
      off: stdioServer({ enabled: false }),
    });
    const tools = await manager.listAllTools();
    expect(tools.map((t) => t.qualifiedName)).toEqual(
      FAKE_MCP_TOOLS.map((t) => `mcp__echo__${t.name}`).sort(),
    );
    expect(tools.find((t) => t.tool.name === 'echo')?.tool).toEqual(FAKE_MCP_TOOLS[0]);
    expect(manager.status()).toEqual([{ name: 'echo', state: 'ready', error: null }]);
    expect(statuses).toEqual([
      { name: 'echo', state: 'starting', error: null },
      { name: 'echo', state: 'ready', error: null },
    ]);
  });

  it('calls tools: text, a tool error, structured content and images', async () => {
    const { manager } = start({ srv: stdioServer() });
    expect(await manager.callTool('srv', 'echo', { message: 'hi' })).toEqual({
      content: [{ type: 'text', text: 'hi' }],
    });
    expect(await manager.callTool('srv', 'fail', {})).toEqual({
      content: [{ type: 'text', text: 'the tool failed on purpose' }],
      isError: true,
    });
    expect(await manager.callTool('srv', 'structured', undefined)).toEqual({
      content: [{ type: 'text', text: '{"answer":42}' }],
      structuredContent: { answer: 42 },
    });
    expect((await manager.callTool('srv', 'image', {})).content).toEqual([
      { type: 'image', data: FAKE_MCP_PNG, mimeType: 'image/png' },
    ]);
  });

  it('fails a call that outlives tool_timeout_sec with a typed error', async () => {
    const { manager } = start({ srv: stdioServer({ toolTimeoutMs: 100 }) });
    const error = await manager.callTool('srv', 'slow', { ms: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpToolCallTimeoutError);
    expect((error as Error).message).toBe(
      'tool call failed for `srv/slow`: request timed out after 0.1 seconds',
    );
  });

  it('reports a server that does not start in time, and keeps the others', async () => {
    const { manager } = start({
      good: stdioServer(),
      sleepy: stdioServer({ startupTimeoutMs: 200 }, { FAKE_MCP_STARTUP_DELAY_MS: '20000' }),
      missing: stdioServer({
        transport: {
          type: 'stdio',
          command: '/nonexistent/mcp-server',
          args: [],
          env: null,
          envVars: [],
          cwd: null,
        },
      }),
    });
    const tools = await manager.listAllTools();
    expect(new Set(tools.map((t) => t.server))).toEqual(new Set(['good']));
    const status = Object.fromEntries(manager.status().map((s) => [s.name, s]));
    expect(status['good']?.state).toBe('ready');
    expect(status['sleepy']).toEqual({
      name: 'sleepy',
      state: 'failed',
      error:
        'MCP client for `sleepy` timed out after 0.2 seconds. Add or adjust `startup_timeout_sec` ' +
        'in your config.toml:\n[mcp_servers.sleepy]\nstartup_timeout_sec = XX',
    });
    expect(status['missing']?.state).toBe('failed');
    expect(status['missing']?.error).toMatch(/^MCP client for `missing` failed to start: .*ENOENT/);
    const notReady = await manager.callTool('missing', 'echo', {}).catch((e: unknown) => e);
    expect(notReady).toBeInstanceOf(McpServerNotReadyError);
    await expect(manager.callTool('nope', 'echo', {})).rejects.toBeInstanceOf(
      McpUnknownServerError,
    );
  });

  it('lists the required servers that failed', async () => {
    const { manager } = start({
      ok: stdioServer({ required: true }),
      bad: stdioServer(
        { required: true, startupTimeoutMs: 100 },
        {
          FAKE_MCP_STARTUP_DELAY_MS: '20000',
        },
      ),
      optional: stdioServer({ startupTimeoutMs: 100 }, { FAKE_MCP_STARTUP_DELAY_MS: '20000' }),
    });
    const failures = await manager.requiredStartupFailures();
    expect(failures.map((f) => f.server)).toEqual(['bad']);
  });

  it('offers only the tools enabled_tools / disabled_tools allow', async () => {
    const { manager } = start({
      srv: stdioServer({ enabledTools: ['echo', 'fail'], disabledTools: ['fail'] }),
    });
    expect((await manager.listAllTools()).map((t) => t.qualifiedName)).toEqual(['mcp__srv__echo']);
    await expect(manager.callTool('srv', 'fail', {})).rejects.toBeInstanceOf(McpToolDisabledError);
  });

  it('gives the server the default variables, env_vars and env only', async () => {
    const server = stdioServer({}, { EXTRA: 'from-env' });
    if (server.transport.type === 'stdio') server.transport.envVars = ['PASSED'];
    const { manager } = start({ srv: server }, { PASSED: 'yes', SECRET_TOKEN: 'hidden' });
    const read = async (name: string) =>
      (await manager.callTool('srv', 'get_env', { name })).content;
    expect(await read('EXTRA')).toEqual([{ type: 'text', text: 'from-env' }]);
    expect(await read('PASSED')).toEqual([{ type: 'text', text: 'yes' }]);
    expect(await read('SECRET_TOKEN')).toEqual([{ type: 'text', text: '<unset>' }]);
  });

  it('stops the server processes when closed', async () => {
    const { manager } = start({ srv: stdioServer() });
    const [block] = (await manager.callTool('srv', 'pid', {})).content as [{ text: string }];
    const pid = Number(block.text);
    expect(() => process.kill(pid, 0)).not.toThrow();
    await manager.close();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('McpConnectionManager over streamable HTTP', () => {
  it('sends the bearer token and headers, and calls tools', async () => {
    const http = await startFakeMcpHttpServer({ bearerToken: 'sekrit', pageSize: 3 });
    httpServers.push(http);
    const { manager } = start(
      {
        web: stdioServer({
          transport: {
            type: 'streamable_http',
            url: http.url,
            bearerTokenEnvVar: 'WEB_TOKEN',
            httpHeaders: { 'X-Team': 'core' },
            envHttpHeaders: { 'X-Key': 'WEB_KEY', 'X-Unset': 'NOT_SET' },
          },
        }),
      },
      { WEB_TOKEN: 'sekrit', WEB_KEY: 'k1' },
    );
    expect(await manager.listAllTools()).toHaveLength(FAKE_MCP_TOOLS.length);
    expect(await manager.callTool('web', 'echo', { message: 'over http' })).toEqual({
      content: [{ type: 'text', text: 'over http' }],
    });
    const first = http.requests[0];
    expect(first?.['authorization']).toBe('Bearer sekrit');
    expect(first?.['x-team']).toBe('core');
    expect(first?.['x-key']).toBe('k1');
    expect(first?.['x-unset']).toBeUndefined();
  });

  it('fails to start when the bearer token variable is not set', async () => {
    const { manager } = start({
      web: stdioServer({
        transport: {
          type: 'streamable_http',
          url: 'http://127.0.0.1:9/mcp',
          bearerTokenEnvVar: 'MISSING_TOKEN',
          httpHeaders: null,
          envHttpHeaders: null,
        },
      }),
    });
    const [status] = await manager.waitForStartup();
    expect(status?.error).toBe(
      "MCP client for `web` failed to start: Environment variable MISSING_TOKEN for MCP server 'web' is not set",
    );
  });
});

describe('collectMcpSnapshot', () => {
  it('reports tools, resources and server info per configured server', async () => {
    const snapshot = await collectMcpSnapshot({
      servers: { b: stdioServer({ enabledTools: ['echo'] }), a: stdioServer({ enabled: false }) },
      env: { PATH: process.env['PATH'] },
    });
    expect(snapshot.map((s) => [s.name, s.state])).toEqual([
      ['a', 'disabled'],
      ['b', 'ready'],
    ]);
    const b = snapshot[1];
    expect(Object.keys(b?.tools ?? {})).toEqual(['echo']);
    expect(b?.resources).toEqual([
      { uri: 'fake://readme', name: 'readme', mimeType: 'text/plain' },
    ]);
    expect(b?.resourceTemplates).toEqual([{ uriTemplate: 'fake://notes/{id}', name: 'note' }]);
    expect(b?.serverInfo).toEqual({ name: 'fake-mcp', version: '1.2.3' });
    expect(b?.authStatus).toBe('unsupported');
  });
});
