import { describe, expect, it } from 'vitest';
import { ConfigValidationError, loadConfig } from '@codex-ts/config';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

describe('[shell_environment_policy]', () => {
  it('defaults to inherit all with the default excludes', async () => {
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.shellEnvironmentPolicy).toEqual({
      inherit: 'all',
      ignoreDefaultExcludes: false,
      exclude: [],
      set: {},
      includeOnly: [],
      useProfile: false,
    });
  });

  it('reads every key', async () => {
    home.writeConfig(
      [
        '[shell_environment_policy]',
        'inherit = "core"',
        'ignore_default_excludes = true',
        'exclude = ["AWS_*"]',
        'include_only = ["PATH", "HOME"]',
        'set = { CI = "1" }',
        '',
      ].join('\n'),
    );
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.shellEnvironmentPolicy).toMatchObject({
      inherit: 'core',
      ignoreDefaultExcludes: true,
      exclude: ['AWS_*'],
      includeOnly: ['PATH', 'HOME'],
      set: { CI: '1' },
    });
  });

  it('rejects a bad inherit value with its line', async () => {
    home.writeConfig('model = "m"\n[shell_environment_policy]\ninherit = "some"\n');
    const load = loadConfig({ codexHome: home.dir, env: {} });
    await expect(load).rejects.toBeInstanceOf(ConfigValidationError);
    await expect(load).rejects.toThrow(/config\.toml:3:11: shell_environment_policy\.inherit/);
  });
});
