import {
  chmodSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  ConfigEditError,
  ConfigParseError,
  loadConfig,
  setFeatureInConfig,
  UnknownFeatureError,
} from '../src/index.js';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

const read = (): string => readFileSync(home.configPath, 'utf8');

function set(feature: string, enabled: boolean, profile: string | null = null) {
  return setFeatureInConfig({ codexHome: home.dir, feature, enabled, profile });
}

/** A config.toml as people write it: comments everywhere, odd spacing, sections in any order. */
const HAND_WRITTEN = `# My Codex settings   
model    = "gpt-5.5"   # the default
approval_policy = 'on-request'

[features]
# turned on for the beta
memories = true   # keep
shell_tool=true

# ---- providers ----
[model_providers.local]
name = "Local"
base_url = "http://localhost:8080/v1"
`;

describe('setFeatureInConfig', () => {
  it('adds the key to [features] and leaves every other byte alone', async () => {
    home.writeConfig(HAND_WRITTEN);
    const result = await set('unified_exec', false);
    expect(result).toMatchObject({ action: 'set', changed: true, path: home.configPath });
    const lines = HAND_WRITTEN.split('\n');
    const at = lines.indexOf('shell_tool=true') + 1;
    expect(read()).toBe(
      [...lines.slice(0, at), 'unified_exec = false', ...lines.slice(at)].join('\n'),
    );
    const config = await loadConfig({ codexHome: home.dir, env: {}, systemConfigPath: null });
    expect(config.features['unified_exec']).toBe(false);
  });

  it('changes an existing value in place, keeping its comment', async () => {
    home.writeConfig(HAND_WRITTEN);
    await set('memories', true, null);
    expect(read()).toBe(HAND_WRITTEN);
    await set('shell_tool', false);
    expect(read()).toBe(HAND_WRITTEN.replace('\nshell_tool=true\n', '\nshell_tool=false\n'));
  });

  it('removes the entry when a feature that is off by default is disabled', async () => {
    home.writeConfig(HAND_WRITTEN);
    const result = await set('memories', false);
    expect(result).toMatchObject({ action: 'cleared', changed: true });
    expect(read()).toBe(HAND_WRITTEN.replace('memories = true   # keep\n', ''));
    const again = await set('runtime_metrics', false);
    expect(again).toMatchObject({ action: 'cleared', changed: false });
    // In a profile, `false` is written: it may have to override an enable inherited from the top.
    await set('memories', false, 'work');
    expect(read()).toContain('\n[profiles.work.features]\nmemories = false\n');
  });

  it('creates the file, or a [features] table at the end', async () => {
    await set('shell_tool', false);
    expect(read()).toBe('[features]\nshell_tool = false\n');
    expect(statSync(home.configPath).mode & 0o777).toBe(0o600);

    home.writeConfig('model = "m"   # no newline at the end');
    await set('memories', true);
    expect(read()).toBe('model = "m"   # no newline at the end\n\n[features]\nmemories = true\n');
  });

  it('writes into [profiles.NAME.features] with a profile', async () => {
    home.writeConfig('[profiles.work]\nmodel = "o3"\n');
    await set('runtime_metrics', false, 'work');
    await set('memories', true, 'work');
    expect(read()).toBe(
      '[profiles.work]\nmodel = "o3"\n\n[profiles.work.features]\nruntime_metrics = false\nmemories = true\n',
    );
    await set('shell_tool', false, 'my team');
    expect(read()).toContain('\n[profiles."my team".features]\nshell_tool = false\n');
  });

  it('extends dotted keys and keeps CRLF line endings', async () => {
    home.writeConfig('model = "m"\r\nfeatures.memories = true\r\n[tui]\r\nx = 1\r\n');
    await set('apps', false);
    expect(read()).toBe(
      'model = "m"\r\nfeatures.memories = true\r\nfeatures.apps = false\r\n[tui]\r\nx = 1\r\n',
    );
  });

  it('keeps the mode of the file it replaces and leaves no temporary file', async () => {
    home.writeConfig(HAND_WRITTEN);
    chmodSync(home.configPath, 0o640);
    await set('apps', false);
    expect(statSync(home.configPath).mode & 0o777).toBe(0o640);
    expect(readdirSync(home.dir)).toEqual(['config.toml']);
  });

  it('follows a symlinked config.toml and keeps the link', async () => {
    const real = home.write('real.toml', 'model = "m"\n');
    symlinkSync(real, join(home.dir, 'config.toml'));
    await set('apps', false);
    expect(readFileSync(real, 'utf8')).toBe('model = "m"\n\n[features]\napps = false\n');
    expect(readdirSync(home.dir).sort()).toEqual(['config.toml', 'real.toml']);
  });

  it('leaves a file that does not parse untouched and says where it is wrong', async () => {
    const broken = 'model = "m"\n[features]\nmemories = tru\n';
    home.writeConfig(broken);
    const error = await set('apps', false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigParseError);
    expect((error as Error).message).toMatch(new RegExp(`^${escape(home.configPath)}:3:\\d+: `));
    expect(read()).toBe(broken);
  });

  it('refuses shapes it cannot edit safely, leaving the file untouched', async () => {
    const inline = 'features = { memories = true }\n';
    home.writeConfig(inline);
    await expect(set('apps', false)).rejects.toThrow(ConfigEditError);
    await expect(set('apps', false)).rejects.toThrow(/is not a \[table\] section/);
    expect(read()).toBe(inline);

    const inlineProfile = 'profiles = { work = { model = "o3" } }\n';
    home.writeConfig(inlineProfile);
    await expect(set('apps', true, 'work')).rejects.toThrow(ConfigEditError);
    expect(read()).toBe(inlineProfile);
  });

  it('rejects an unknown feature without touching the file', async () => {
    home.writeConfig(HAND_WRITTEN);
    await expect(set('unifed_exec', true)).rejects.toThrow(UnknownFeatureError);
    expect(read()).toBe(HAND_WRITTEN);
  });

  it('accepts legacy aliases and writes them as given', async () => {
    writeFileSync(home.configPath, '');
    await set('collab', false);
    expect(read()).toBe('[features]\ncollab = false\n');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
