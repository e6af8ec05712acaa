import { realpathSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  CodexHomeNotFoundError,
  loadConfig,
  resolveCodexHome,
  toSandboxPolicy,
} from '../src/index.js';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

describe('resolveCodexHome', () => {
  it('uses $CODEX_HOME when it is an existing directory', () => {
    expect(resolveCodexHome({ CODEX_HOME: home.dir })).toBe(realpathSync(home.dir));
  });

  it('defaults to ~/.codex', () => {
    expect(resolveCodexHome({}, '/home/someone')).toBe('/home/someone/.codex');
    expect(resolveCodexHome({ CODEX_HOME: '' }, '/home/someone')).toBe('/home/someone/.codex');
  });

  it('fails with a typed error naming a missing $CODEX_HOME', () => {
    const missing = join(home.dir, 'does-not-exist');
    expect(() => resolveCodexHome({ CODEX_HOME: missing })).toThrow(CodexHomeNotFoundError);
    expect(() => resolveCodexHome({ CODEX_HOME: missing })).toThrow(
      `CODEX_HOME points to ${JSON.stringify(missing)}, but that path does not exist`,
    );
    home.writeConfig('');
    expect(() => resolveCodexHome({ CODEX_HOME: home.configPath })).toThrow(/is not a directory/);
  });

  it('is what loadConfig uses when codexHome is not given', async () => {
    home.writeConfig('model = "from-env-home"\n');
    const config = await loadConfig({ env: { CODEX_HOME: home.dir } });
    expect(config.codexHome).toBe(realpathSync(home.dir));
    expect(config.model).toBe('from-env-home');
  });
});

describe('toSandboxPolicy', () => {
  it('maps each sandbox mode to the v2 policy', async () => {
    home.writeConfig(
      [
        'sandbox_mode = "workspace-write"',
        '[sandbox_workspace_write]',
        'writable_roots = ["/srv/data"]',
        'network_access = true',
        'exclude_slash_tmp = true',
      ].join('\n'),
    );
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      overrides: { additionalWritableRoots: ['/srv/data', '/opt/extra'] },
    });
    expect(toSandboxPolicy(config)).toEqual({
      type: 'workspaceWrite',
      writableRoots: ['/srv/data', '/opt/extra'],
      networkAccess: true,
      excludeTmpdirEnvVar: false,
      excludeSlashTmp: true,
    });
    expect(toSandboxPolicy({ ...config, sandboxMode: 'read-only' })).toEqual({
      type: 'readOnly',
      networkAccess: false,
    });
    expect(toSandboxPolicy({ ...config, sandboxMode: 'danger-full-access' })).toEqual({
      type: 'dangerFullAccess',
    });
  });
});
