import { existsSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import {
  ConfigEditError,
  loadConfig,
  removeMcpServerFromConfig,
  setMcpServerInConfig,
} from '@codex-ts/config';
import { useTempHome } from './temp-home.js';

const home = useTempHome();
const read = () => readFileSync(home.configPath, 'utf8');

describe('setMcpServerInConfig / removeMcpServerFromConfig', () => {
  it('creates config.toml with a stdio server', async () => {
    const result = await setMcpServerInConfig({
      codexHome: home.dir,
      name: 'docs',
      entry: { type: 'stdio', command: 'docs-server', args: ['--x', 'y z'], env: { K: 'V' } },
    });
    expect(result).toEqual({ path: home.configPath, changed: true });
    expect(read()).toBe(
      [
        '[mcp_servers.docs]',
        'command = "docs-server"',
        'args = ["--x", "y z"]',
        '',
        '[mcp_servers.docs.env]',
        'K = "V"',
        '',
      ].join('\n'),
    );
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.mcpServers['docs']?.transport).toEqual({
      type: 'stdio',
      command: 'docs-server',
      args: ['--x', 'y z'],
      env: { K: 'V' },
      envVars: [],
      cwd: null,
    });
  });

  it('keeps the rest of the file byte for byte, and removes what it added', async () => {
    const original = [
      '# my settings',
      'model = "gpt-5"  # the model',
      '',
      '[mcp_servers.keep]',
      'command = "keep-me"',
      '',
      '[tui]',
      'notifications = true',
      '',
    ].join('\n');
    home.writeConfig(original);
    await setMcpServerInConfig({
      codexHome: home.dir,
      name: 'web',
      entry: { type: 'streamable_http', url: 'https://mcp.example/mcp', bearerTokenEnvVar: 'TOK' },
    });
    const added = read();
    expect(added.startsWith(original)).toBe(true);
    expect(added.slice(original.length)).toBe(
      '\n[mcp_servers.web]\nurl = "https://mcp.example/mcp"\nbearer_token_env_var = "TOK"\n',
    );
    const removed = await removeMcpServerFromConfig({ codexHome: home.dir, name: 'web' });
    expect(removed.changed).toBe(true);
    expect(read()).toBe(original);
  });

  it('replaces a server of the same name in place', async () => {
    home.writeConfig('[mcp_servers.a]\ncommand = "old"\nargs = ["1"]\nstartup_timeout_sec = 5\n');
    await setMcpServerInConfig({
      codexHome: home.dir,
      name: 'a',
      entry: { type: 'stdio', command: 'new', args: [], env: null },
    });
    expect(read()).toBe('[mcp_servers.a]\ncommand = "new"\nargs = []\n');
  });

  it('reports an absent server without touching the file', async () => {
    expect(await removeMcpServerFromConfig({ codexHome: home.dir, name: 'nope' })).toEqual({
      path: home.configPath,
      changed: false,
    });
    expect(existsSync(home.configPath)).toBe(false);
  });

  it('refuses names outside [A-Za-z0-9_-]', async () => {
    await expect(
      setMcpServerInConfig({
        codexHome: home.dir,
        name: 'bad name',
        entry: { type: 'stdio', command: 'x', args: [], env: null },
      }),
    ).rejects.toBeInstanceOf(ConfigEditError);
  });
});
