import { describe, expect, it } from 'vitest';
import { ConfigValidationError, loadConfig } from '@codex-ts/config';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

async function load(toml: string, cliOverrides: Record<string, unknown> = {}) {
  home.writeConfig(toml);
  return loadConfig({ codexHome: home.dir, env: {}, cliOverrides });
}

describe('web_search', () => {
  it('is unset by default', async () => {
    const config = await load('');
    expect(config.webSearch).toBeNull();
    expect(config.webSearchTool).toBeNull();
  });

  it('reads the mode and rejects unknown ones', async () => {
    expect((await load('web_search = "live"\n')).webSearch).toBe('live');
    expect((await load('web_search = "disabled"\n')).webSearch).toBe('disabled');
    expect((await load('', { web_search: 'cached' })).webSearch).toBe('cached');
    await expect(load('web_search = "sometimes"\n')).rejects.toBeInstanceOf(ConfigValidationError);
  });

  it('honours the legacy switches when web_search is not set', async () => {
    expect((await load('[features]\nweb_search_request = true\n')).webSearch).toBe('live');
    expect((await load('[features]\nweb_search_cached = true\n')).webSearch).toBe('cached');
    expect((await load('[tools]\nweb_search = true\n')).webSearch).toBe('live');
    expect((await load('web_search = "disabled"\n[tools]\nweb_search = true\n')).webSearch).toBe(
      'disabled',
    );
  });

  it('reads [tools.web_search] settings', async () => {
    const config = await load(
      [
        '[tools.web_search]',
        'context_size = "low"',
        'allowed_domains = ["docs.rs"]',
        'location = { country = "FR", city = "Paris" }',
        '',
      ].join('\n'),
    );
    expect(config.webSearchTool).toEqual({
      contextSize: 'low',
      allowedDomains: ['docs.rs'],
      location: { country: 'FR', city: 'Paris' },
    });
  });
});

describe('tools.update_plan', () => {
  it('is enabled unless its table says otherwise', async () => {
    expect((await load('')).updatePlanEnabled).toBe(true);
    expect((await load('[tools.update_plan]\nenabled = true\n')).updatePlanEnabled).toBe(true);
    expect((await load('[tools.update_plan]\nenabled = false\n')).updatePlanEnabled).toBe(false);
    expect((await load('[tools.update_plan]\n')).updatePlanEnabled).toBe(false);
    expect((await load('', { 'tools.update_plan.enabled': false })).updatePlanEnabled).toBe(false);
  });

  it('must be a table, as in the Rust Codex', async () => {
    await expect(load('[tools]\nupdate_plan = false\n')).rejects.toBeInstanceOf(
      ConfigValidationError,
    );
  });
});
