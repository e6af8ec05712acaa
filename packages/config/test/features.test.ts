import { describe, expect, it } from 'vitest';

import {
  FEATURE_SPECS,
  featureForKey,
  isKnownFeatureKey,
  loadConfig,
  parseConfigOverrides,
  requireKnownFeature,
  UnknownConfigKeyError,
  UnknownFeatureError,
} from '../src/index.js';
import type { LoadConfigOptions } from '../src/index.js';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

async function features(toml: string, opts: LoadConfigOptions & { cli?: string[] } = {}) {
  home.writeConfig(toml);
  const config = await loadConfig({
    codexHome: home.dir,
    env: {},
    systemConfigPath: null,
    cliOverrides: parseConfigOverrides(opts.cli ?? []),
    ...opts,
  });
  return config;
}

describe('the feature registry', () => {
  it('has unique keys with the Rust stages', () => {
    const keys = FEATURE_SPECS.map((spec) => spec.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(featureForKey('unified_exec')).toMatchObject({ stage: 'stable' });
    expect(featureForKey('memories')).toMatchObject({
      stage: 'experimental',
      defaultEnabled: false,
    });
    expect(featureForKey('web_search_request')).toMatchObject({ stage: 'deprecated' });
    expect(featureForKey('code_mode')).toMatchObject({ stage: 'underDevelopment' });
    expect(featureForKey('undo')).toMatchObject({ stage: 'removed' });
  });

  it('resolves legacy aliases to their feature', () => {
    expect(featureForKey('collab')?.key).toBe('multi_agent');
    expect(featureForKey('experimental_use_unified_exec_tool')?.key).toBe('unified_exec');
    expect(featureForKey('web_search')?.key).toBe('web_search_request');
    expect(isKnownFeatureKey('codex_hooks')).toBe(true);
    expect(isKnownFeatureKey('bogus')).toBe(false);
  });

  it('suggests close names for an unknown one', () => {
    expect(() => requireKnownFeature('unifed_exec')).toThrow(UnknownFeatureError);
    expect(() => requireKnownFeature('unifed_exec')).toThrow(
      'Unknown feature flag: unifed_exec. Did you mean `unified_exec`?',
    );
    const error = (() => {
      try {
        requireKnownFeature('zzzzzzzzzz');
      } catch (e) {
        return e as UnknownFeatureError;
      }
      return null;
    })();
    expect(error?.code).toBe('UNKNOWN_FEATURE');
    expect(error?.suggestions).toEqual([]);
    expect(error?.message).toMatch(
      /^Unknown feature flag: zzzzzzzzzz\. Known features: .*unified_exec/,
    );
  });
});

describe('effective features', () => {
  it('lists every known feature at its default when nothing is configured', async () => {
    const config = await features('');
    expect(Object.keys(config.features).sort()).toEqual(FEATURE_SPECS.map((s) => s.key).sort());
    for (const spec of FEATURE_SPECS) expect(config.features[spec.key]).toBe(spec.defaultEnabled);
  });

  it('layers defaults < [features] < profile < -c < --enable/--disable', async () => {
    const toml = [
      'profile = "work"',
      '[features]',
      'memories = true',
      'shell_tool = false',
      'runtime_metrics = true',
      '[profiles.work.features]',
      'shell_tool = true',
      'runtime_metrics = false',
      'code_mode = true',
    ].join('\n');
    let config = await features(toml);
    expect(config.features).toMatchObject({
      memories: true,
      shell_tool: true,
      runtime_metrics: false,
      code_mode: true,
    });
    // `-c features.x` beats the profile; `--enable/--disable` come after every -c.
    config = await features(toml, {
      cli: ['features.code_mode=false', 'features.memories=false', 'features.memories=true'],
    });
    expect(config.features).toMatchObject({ code_mode: false, memories: true });
    config = await features(toml, {
      cli: ['features.shell_tool=true', 'features.shell_tool=false'],
    });
    expect(config.features['shell_tool']).toBe(false);
  });

  it('lets a higher layer win whichever spelling it uses', async () => {
    home.write('work.config.toml', '[features]\nmulti_agent = false\n');
    const config = await features('[features]\ncollab = true\n', { profile: 'work' });
    expect(config.features['multi_agent']).toBe(false);
    const aliased = await features('[features]\nmulti_agent = false\n', {
      cli: ['features.collab=true'],
    });
    expect(aliased.features['multi_agent']).toBe(true);
  });

  it('maps the legacy switches outside [features]', async () => {
    let config = await features('experimental_use_unified_exec_tool = false\n');
    expect(config.features['unified_exec']).toBe(false);
    config = await features('[tools]\nweb_search = true\n');
    expect(config.features['web_search_request']).toBe(true);
    expect(config.webSearch).toBe('live');
    config = await features('[features]\nweb_search = true\n');
    expect(config.features['web_search_request']).toBe(true);
    expect(config.webSearch).toBe('live');
    config = await features('web_search = "cached"\n[features]\nweb_search_request = true\n');
    expect(config.webSearch).toBe('cached');
  });

  it('reads table-valued features and ignores removed no-op flags', async () => {
    const config = await features(
      [
        '[features]',
        'undo = true',
        'tui_app_server = false',
        'sqlite = false',
        '[features.code_mode]',
        'enabled = true',
        '[features.network_proxy]',
        'mode = "limited"',
      ].join('\n'),
    );
    expect(config.features).toMatchObject({
      undo: false,
      tui_app_server: true,
      sqlite: false,
      code_mode: true,
      network_proxy: false,
    });
  });

  it('switches on what an enabled feature needs', async () => {
    const config = await features('[features]\nenable_fanout = true\ncode_mode_only = true\n', {
      cli: ['features.multi_agent=false'],
    });
    expect(config.features).toMatchObject({ multi_agent: true, code_mode: true });
  });

  it('warns about unknown feature names, and fails on them under strict', async () => {
    const config = await features('[features]\nshell_tool = true\nshel_tool = true\n', {
      cli: ['features.nope=false'],
    });
    expect(config.warnings).toEqual([
      {
        message: 'unknown configuration field `features.shel_tool`',
        location: `${home.configPath}:3:13`,
      },
      { message: 'unknown configuration field `features.nope`', location: '-c features.nope' },
    ]);
    const retired = await features('[features]\nguardian_ext = true\n');
    expect(retired.warnings).toEqual([]);
    await expect(features('[features]\nshel_tool = true\n', { strict: true })).rejects.toThrow(
      UnknownConfigKeyError,
    );
  });
});
