import { describe, expect, it } from 'vitest';
import { ConfigValidationError, loadConfig } from '@codex-ts/config';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

describe('explicit overrides do not hide bad file values', () => {
  it.each([
    ['approval_policy = "sometimes"', { approvalPolicy: 'never' as const }, 'approval_policy'],
    ['sandbox_mode = "open"', { sandboxMode: 'read-only' as const }, 'sandbox_mode'],
    ['model_provider = ""', { modelProvider: 'openai' }, 'model_provider'],
  ])('%s is reported even when a flag overrides it', async (line, overrides, key) => {
    home.writeConfig(`model = "m"\n${line}\n`);
    const load = loadConfig({ codexHome: home.dir, env: {}, overrides });
    await expect(load).rejects.toBeInstanceOf(ConfigValidationError);
    await expect(load).rejects.toThrow(new RegExp(`config\\.toml:2:\\d+: ${key}`));
  });
});
