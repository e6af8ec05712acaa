import { describe, expect, it } from 'vitest';

import { ConfigValidationError, loadConfig, parseConfigOverrides } from '../src/index.js';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

async function failure(toml: string, cliOverrides: Record<string, unknown> = {}) {
  home.writeConfig(toml);
  const error = await loadConfig({
    codexHome: home.dir,
    env: {},
    systemConfigPath: null,
    cliOverrides,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigValidationError);
  return error as ConfigValidationError;
}

describe('values are validated with zod and located at the offending key', () => {
  it('a string where a provider needs an integer', async () => {
    const error = await failure(
      ['model = "m"', '', '[model_providers.x]', 'name = "X"', 'request_max_retries = "3"'].join(
        '\n',
      ),
    );
    expect(error.key).toBe('model_providers.x.request_max_retries');
    expect(error.location).toBe(`${home.configPath}:5:23`);
    expect(error.message).toBe(
      `${home.configPath}:5:23: model_providers.x.request_max_retries: expected a non-negative ` +
        'integer; got "3"',
    );
  });

  it.each([
    [
      '[model_providers.x]\nquery_params = { v = 1 }\n',
      'model_providers.x.query_params.v',
      2,
      'expected a string; got 1',
    ],
    [
      '[model_providers.x]\nhttp_headers = "h"\n',
      'model_providers.x.http_headers',
      2,
      'expected a table; got "h"',
    ],
    [
      '[model_providers.x]\nname = "  "\n',
      'model_providers.x.name',
      2,
      'provider name must not be empty',
    ],
    [
      '[model_providers.x]\nrequires_openai_auth = "yes"\n',
      'model_providers.x.requires_openai_auth',
      2,
      'expected a boolean; got "yes"',
    ],
    [
      '[shell_environment_policy]\nset = { A = 1 }\n',
      'shell_environment_policy.set.A',
      2,
      'expected a string; got 1',
    ],
    [
      '[tools.web_search]\ncontext_size = "huge"\n',
      'tools.web_search.context_size',
      2,
      'expected one of low, medium, high; got "huge"',
    ],
    [
      '[tools]\nweb_search = "on"\n',
      'tools.web_search',
      2,
      'expected a boolean or a table; got "on"',
    ],
    [
      '[projects."/x"]\ntrust_level = "maybe"\n',
      'projects./x.trust_level',
      2,
      'expected one of trusted, untrusted; got "maybe"',
    ],
    ['[features]\nshell_tool = "yes"\n', 'features.shell_tool', 2, 'expected a boolean; got "yes"'],
    [
      '[features]\ncode_mode = 1\n',
      'features.code_mode',
      2,
      'expected a boolean or a table; got 1',
    ],
    [
      '[features.code_mode]\nenabled = "on"\n',
      'features.code_mode.enabled',
      2,
      'expected a boolean; got "on"',
    ],
    ['model = "m"\nprofiles = 3\n', 'profiles', 2, 'expected a table; got 3'],
    [
      'model = "m"\nforced_login_method = "sso"\n',
      'forced_login_method',
      2,
      'expected one of chatgpt, api; got "sso"',
    ],
  ])('%j', async (toml, key, line, reason) => {
    const error = await failure(toml);
    expect(error.key).toBe(key);
    expect(error.location).toMatch(new RegExp(`config\\.toml:${line}:\\d+$`));
    expect(error.reason).toBe(reason);
  });

  it('names the element of an array that is wrong', async () => {
    const error = await failure('[sandbox_workspace_write]\nwritable_roots = ["/a", 2]\n');
    expect(error.key).toBe('sandbox_workspace_write.writable_roots[1]');
    expect(error.location).toBe(`${home.configPath}:2:18`);
    expect(error.reason).toBe('expected a string; got 2');
  });

  it('keeps the -c location text for override values', async () => {
    const error = await failure(
      '',
      parseConfigOverrides([
        'model_providers.m.base_url="http://x"',
        'model_providers.m.stream_idle_timeout_ms=-1',
      ]),
    );
    expect(error.message).toBe(
      '-c model_providers.m.stream_idle_timeout_ms: expected a non-negative integer; got -1',
    );
    const feature = await failure('', parseConfigOverrides(['features.shell_tool=maybe']));
    expect(feature.message).toBe('-c features.shell_tool: expected a boolean; got "maybe"');
  });

  it('blames the highest layer that set the value', async () => {
    home.write('work.config.toml', '# work\nmodel_verbosity = "loud"\n');
    home.writeConfig('model_verbosity = "low"\n');
    const error = await loadConfig({
      codexHome: home.dir,
      env: {},
      systemConfigPath: null,
      profile: 'work',
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${home.dir}/work.config.toml:2:19: model_verbosity: expected one of low, medium, high; ` +
        'got "loud"',
    );
  });
});
