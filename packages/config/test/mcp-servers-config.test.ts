import { describe, expect, it } from 'vitest';
import { ConfigValidationError, UnknownConfigKeyError, loadConfig } from '@codex-ts/config';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

async function load(toml: string, opts: { strict?: boolean } = {}) {
  home.writeConfig(toml);
  return loadConfig({ codexHome: home.dir, env: {}, ...opts });
}

async function failure(toml: string): Promise<ConfigValidationError> {
  const error: unknown = await load(toml).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(ConfigValidationError);
  return error as ConfigValidationError;
}

describe('[mcp_servers]', () => {
  it('is empty by default', async () => {
    expect((await load('')).mcpServers).toEqual({});
  });

  it('reads a stdio server with its defaults', async () => {
    const config = await load(
      [
        '[mcp_servers.docs]',
        'command = "docs-server"',
        'args = ["--port", "0"]',
        'env_vars = ["HOME_TOKEN"]',
        'cwd = "/srv"',
        '[mcp_servers.docs.env]',
        'LEVEL = "debug"',
        '',
      ].join('\n'),
    );
    expect(config.mcpServers).toEqual({
      docs: {
        transport: {
          type: 'stdio',
          command: 'docs-server',
          args: ['--port', '0'],
          env: { LEVEL: 'debug' },
          envVars: ['HOME_TOKEN'],
          cwd: '/srv',
        },
        enabled: true,
        required: false,
        startupTimeoutMs: null,
        toolTimeoutMs: null,
        enabledTools: null,
        disabledTools: null,
        defaultToolsApprovalMode: null,
        toolApprovalModes: {},
      },
    });
    expect(config.warnings).toEqual([]);
  });

  it('reads a streamable HTTP server and the shared settings', async () => {
    const config = await load(
      [
        '[mcp_servers.remote]',
        'url = "https://mcp.example.com/mcp"',
        'bearer_token_env_var = "REMOTE_TOKEN"',
        'http_headers = { "X-Team" = "core" }',
        'env_http_headers = { "X-Key" = "REMOTE_KEY" }',
        'enabled = false',
        'required = true',
        'startup_timeout_sec = 2.5',
        'tool_timeout_sec = 30',
        'enabled_tools = ["a", "b"]',
        'disabled_tools = ["b"]',
        'default_tools_approval_mode = "prompt"',
        '[mcp_servers.remote.tools.a]',
        'approval_mode = "approve"',
        '',
      ].join('\n'),
    );
    expect(config.mcpServers['remote']).toEqual({
      transport: {
        type: 'streamable_http',
        url: 'https://mcp.example.com/mcp',
        bearerTokenEnvVar: 'REMOTE_TOKEN',
        httpHeaders: { 'X-Team': 'core' },
        envHttpHeaders: { 'X-Key': 'REMOTE_KEY' },
      },
      enabled: false,
      required: true,
      startupTimeoutMs: 2500,
      toolTimeoutMs: 30_000,
      enabledTools: ['a', 'b'],
      disabledTools: ['b'],
      defaultToolsApprovalMode: 'prompt',
      toolApprovalModes: { a: 'approve' },
    });
  });

  it('accepts startup_timeout_ms when startup_timeout_sec is absent', async () => {
    const config = await load('[mcp_servers.a]\ncommand = "x"\nstartup_timeout_ms = 1500\n');
    expect(config.mcpServers['a']?.startupTimeoutMs).toBe(1500);
  });

  it('rejects a table with neither command nor url, at its line', async () => {
    const error = await failure('model = "m"\n\n[mcp_servers.broken]\nargs = ["x"]\n');
    expect(error.message).toContain('mcp_servers.broken');
    expect(error.message).toContain(`${home.configPath}:3`);
    expect(error.message).toContain('invalid transport');
  });

  it('rejects keys of the other transport, as the Rust Codex does', async () => {
    const stdio = await failure('[mcp_servers.a]\ncommand = "x"\nurl = "http://h"\n');
    expect(stdio.message).toContain('mcp_servers.a.url');
    expect(stdio.message).toContain(`${home.configPath}:3`);
    expect(stdio.message).toContain('url is not supported for stdio');
    const http = await failure('[mcp_servers.a]\nurl = "http://h"\nenv = { A = "1" }\n');
    expect(http.message).toContain('env is not supported for streamable_http');
  });

  it('rejects values of the wrong type with their key and line', async () => {
    const error = await failure('[mcp_servers.a]\ncommand = "x"\ntool_timeout_sec = -1\n');
    expect(error.message).toContain('mcp_servers.a.tool_timeout_sec');
    expect(error.message).toContain(`${home.configPath}:3`);
    const args = await failure('[mcp_servers.a]\ncommand = "x"\nargs = "not-an-array"\n');
    expect(args.message).toContain('expected an array of strings');
  });

  it('warns about unknown server keys, and refuses them when strict', async () => {
    const toml = '[mcp_servers.a]\ncommand = "x"\nflavour = "mint"\n';
    const config = await load(toml);
    expect(config.warnings.map((w) => w.message)).toEqual([
      'unknown configuration field `mcp_servers.a.flavour`',
    ]);
    await expect(load(toml, { strict: true })).rejects.toBeInstanceOf(UnknownConfigKeyError);
  });
});
