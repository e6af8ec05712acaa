// End-to-end tests of `codex mcp list|get|add|remove`, run through the built `./codex` launcher
// (`npm run bundle` first). CODEX_HOME is a temp dir.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseEnv, makeTempCodexHome, runCodex, type TempDir } from '@codex-ts/test-support';

let home: TempDir;
let configPath: string;

beforeEach(async () => {
  home = await makeTempCodexHome();
  configPath = join(home.path, 'config.toml');
});

afterEach(async () => {
  await home.cleanup();
});

function codex(args: string[]) {
  return runCodex(args, { cwd: home.path, env: baseEnv(home.path) });
}

describe('codex mcp', () => {
  it('adds, lists, shows and removes servers, keeping the rest of config.toml', async () => {
    const original = '# keep me\nmodel = "gpt-5"\n';
    writeFileSync(configPath, original);

    const empty = await codex(['mcp', 'list']);
    expect(empty).toMatchObject({ code: 0, stderr: '' });
    expect(empty.stdout).toBe(
      'No MCP servers configured yet. Try `codex mcp add my-tool -- my-command`.\n',
    );

    const added = await codex([
      'mcp',
      'add',
      'docs',
      '--env',
      'TOKEN=abc',
      '--',
      'docs-server',
      '--port',
      '0',
    ]);
    expect(added).toMatchObject({ code: 0, stdout: "Added global MCP server 'docs'.\n" });
    const web = await codex([
      'mcp',
      'add',
      'web',
      '--url',
      'https://mcp.example.com/mcp',
      '--bearer-token-env-var',
      'WEB_TOKEN',
    ]);
    expect(web).toMatchObject({ code: 0, stdout: "Added global MCP server 'web'.\n" });
    expect(readFileSync(configPath, 'utf8')).toBe(
      `${original}\n` +
        '[mcp_servers.docs]\ncommand = "docs-server"\nargs = ["--port", "0"]\n\n' +
        '[mcp_servers.docs.env]\nTOKEN = "abc"\n\n' +
        '[mcp_servers.web]\nurl = "https://mcp.example.com/mcp"\nbearer_token_env_var = "WEB_TOKEN"\n',
    );

    const list = await codex(['mcp', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      [
        'Name  Command      Args      Env          Cwd  Status   Auth       ',
        'docs  docs-server  --port 0  TOKEN=*****  -    enabled  Unsupported',
        '',
        'Name  Url                          Bearer Token Env Var  Status   Auth        ',
        'web   https://mcp.example.com/mcp  WEB_TOKEN             enabled  Bearer token',
        '',
      ].join('\n'),
    );

    const json = await codex(['mcp', 'list', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        name: 'docs',
        enabled: true,
        disabled_reason: null,
        transport: {
          type: 'stdio',
          command: 'docs-server',
          args: ['--port', '0'],
          env: { TOKEN: 'abc' },
          env_vars: [],
          cwd: null,
        },
        startup_timeout_sec: null,
        tool_timeout_sec: null,
        auth_status: 'unsupported',
      },
      {
        name: 'web',
        enabled: true,
        disabled_reason: null,
        transport: {
          type: 'streamable_http',
          url: 'https://mcp.example.com/mcp',
          bearer_token_env_var: 'WEB_TOKEN',
          http_headers: null,
          env_http_headers: null,
        },
        startup_timeout_sec: null,
        tool_timeout_sec: null,
        auth_status: 'bearer_token',
      },
    ]);

    const get = await codex(['mcp', 'get', 'docs']);
    expect(get.stdout).toBe(
      [
        'docs',
        '  enabled: true',
        '  transport: stdio',
        '  command: docs-server',
        '  args: --port 0',
        '  cwd: -',
        '  env: TOKEN=*****',
        '  remove: codex mcp remove docs',
        '',
      ].join('\n'),
    );
    const getJson = await codex(['mcp', 'get', 'web', '--json']);
    expect(JSON.parse(getJson.stdout)).toMatchObject({
      name: 'web',
      enabled: true,
      transport: { type: 'streamable_http', url: 'https://mcp.example.com/mcp' },
      enabled_tools: null,
      disabled_tools: null,
    });

    expect(await codex(['mcp', 'remove', 'docs'])).toMatchObject({
      code: 0,
      stdout: "Removed global MCP server 'docs'.\n",
    });
    expect(await codex(['mcp', 'remove', 'docs'])).toMatchObject({
      code: 0,
      stdout: "No MCP server named 'docs' found.\n",
    });
    expect(await codex(['mcp', 'remove', 'web'])).toMatchObject({ code: 0 });
    expect(readFileSync(configPath, 'utf8')).toBe(original);
  });

  it('reports unknown servers, bad names and bad usage', async () => {
    const missing = await codex(['mcp', 'get', 'nope']);
    expect(missing).toMatchObject({
      code: 1,
      stderr: "Error: No MCP server named 'nope' found.\n",
    });
    const badName = await codex(['mcp', 'add', 'bad.name', '--', 'x']);
    expect(badName).toMatchObject({
      code: 1,
      stderr: "Error: invalid server name 'bad.name' (use letters, numbers, '-', '_')\n",
    });
    const badEnv = await codex(['mcp', 'add', 'a', '--env', 'NOEQUALS', '--', 'x']);
    expect(badEnv).toMatchObject({
      code: 1,
      stderr: 'Error: environment entries must be in KEY=VALUE form\n',
    });
    expect((await codex(['mcp', 'add', 'a'])).code).toBe(2);
    expect((await codex(['mcp', 'add', 'a', '--url', 'http://h', '--', 'x'])).code).toBe(2);
  });
});
