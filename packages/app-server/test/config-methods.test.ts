import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
import { startEnvServer, type EnvServer } from './helpers/env-server.js';
import type { RpcHarness } from './helpers/rpc-harness.js';

// config/read, config/value/write and config/batchWrite over a temp CODEX_HOME. Every message
// is checked against the official schema by the harness.

let home: TempDir;
let work: TempDir;
let server: EnvServer | undefined;

beforeEach(async () => {
  home = await makeTempCodexHome();
  work = await makeTempCodexHome();
});

afterEach(async () => {
  const problems = (await server?.close()) ?? [];
  server = undefined;
  await home.cleanup();
  await work.cleanup();
  expect(problems).toEqual([]);
});

async function start(configToml?: string): Promise<RpcHarness> {
  if (configToml !== undefined) await writeFile(userConfig(), configToml);
  server = await startEnvServer(home.path, {});
  return server.client;
}

const userConfig = (): string => join(home.path, 'config.toml');
const readUserConfig = (): Promise<string> => readFile(userConfig(), 'utf8');

/** The Rust version scheme: sha256 of the values as compact JSON with sorted keys. */
function versionOf(values: Record<string, unknown>): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(sort(values)))
    .digest('hex')}`;
}

interface ReadResult {
  config: Record<string, unknown>;
  origins: Record<string, { name: Record<string, unknown>; version: string }>;
  layers?: Array<{ name: Record<string, unknown>; version: string; disabledReason: unknown }>;
}

const SAMPLE = `# my settings
model = "gpt-5.1"   # pinned
approval_policy = "on-request"
some_unknown_key = 1

[tools]
web_search = true

[sandbox_workspace_write]
writable_roots = ["/tmp/a", "/tmp/b"]
`;

describe('config/read', () => {
  it('reports the effective config, the origin of every value and the layers', async () => {
    const client = await start(SAMPLE);
    const result = await client.call<ReadResult>('config/read', { includeLayers: true });
    expect(result.config).toMatchObject({
      model: 'gpt-5.1',
      approval_policy: 'on-request',
      sandbox_workspace_write: { writable_roots: ['/tmp/a', '/tmp/b'] },
      features: { apps: true, plugins: true, memories: false },
    });
    expect(result.config).not.toHaveProperty('some_unknown_key');
    // The legacy boolean form is not a v2 `ToolsV2.web_search`: left out of `config`.
    expect(result.config['tools']).toEqual({});
    const user = {
      name: { type: 'user', file: userConfig(), profile: null },
      version: versionOf({
        model: 'gpt-5.1',
        approval_policy: 'on-request',
        some_unknown_key: 1,
        tools: { web_search: true },
        sandbox_workspace_write: { writable_roots: ['/tmp/a', '/tmp/b'] },
      }),
    };
    expect(result.origins['model']).toEqual(user);
    expect(result.origins['tools.web_search']).toEqual(user);
    expect(result.origins['sandbox_workspace_write.writable_roots.1']).toEqual(user);
    expect(result.layers?.map((layer) => layer.name['type'])).toEqual(['user', 'system']);
    expect(result.layers?.[0]).toMatchObject({ ...user, disabledReason: null });
    expect(result.layers?.[1]).toMatchObject({ version: versionOf({}), disabledReason: null });
  });

  it('leaves the layers out unless asked, and reads a missing config.toml as empty', async () => {
    const client = await start();
    const result = await client.call<ReadResult>('config/read');
    expect(result).not.toHaveProperty('layers');
    expect(result.origins).toEqual({});
    expect(Object.keys(result.config)).toEqual(['features']);
  });

  it('adds trusted project layers for a cwd and lists untrusted ones as disabled', async () => {
    await mkdir(join(work.path, '.git'));
    await mkdir(join(work.path, '.codex'));
    await writeFile(join(work.path, '.codex', 'config.toml'), 'model = "project-model"\n');
    const trust = (level: string) =>
      `model = "user-model"\n[projects.${JSON.stringify(work.path)}]\ntrust_level = "${level}"\n`;
    const client = await start(trust('trusted'));
    const trusted = await client.call<ReadResult>('config/read', {
      cwd: work.path,
      includeLayers: true,
    });
    expect(trusted.config['model']).toBe('project-model');
    expect(trusted.origins['model']?.name).toEqual({
      type: 'project',
      dotCodexFolder: join(work.path, '.codex'),
    });
    expect(trusted.layers?.[0]?.disabledReason).toBeNull();

    await writeFile(userConfig(), trust('untrusted'));
    const untrusted = await client.call<ReadResult>('config/read', {
      cwd: work.path,
      includeLayers: true,
    });
    expect(untrusted.config['model']).toBe('user-model');
    expect(untrusted.layers?.[0]?.name['type']).toBe('project');
    expect(untrusted.layers?.[0]?.disabledReason).toEqual(expect.any(String));
  });

  it('answers an internal error for a config.toml that does not parse', async () => {
    const client = await start('model = \n');
    const error = await client.callError('config/read');
    expect(error.code).toBe(-32603);
    expect(error.message).toContain('config.toml:1');
  });
});

describe('config/value/write', () => {
  it('changes one value in place, keeping comments, and answers the new version', async () => {
    const client = await start(SAMPLE);
    const result = await client.call<Record<string, unknown>>('config/value/write', {
      keyPath: 'model',
      value: 'gpt-5.2',
      mergeStrategy: 'replace',
    });
    expect(await readUserConfig()).toBe(SAMPLE.replace('"gpt-5.1"', '"gpt-5.2"'));
    const read = await client.call<ReadResult>('config/read');
    expect(result).toEqual({
      status: 'ok',
      version: read.origins['model']?.version,
      filePath: userConfig(),
      overriddenMetadata: null,
    });
  });

  it('adds keys and tables, merges tables with upsert, replaces them with replace', async () => {
    const client = await start(SAMPLE);
    await client.call('config/value/write', {
      keyPath: 'model_reasoning_effort',
      value: 'high',
      mergeStrategy: 'replace',
    });
    await client.call('config/value/write', {
      keyPath: 'sandbox_workspace_write',
      value: { network_access: true },
      mergeStrategy: 'upsert',
    });
    let text = await readUserConfig();
    expect(text).toContain('some_unknown_key = 1\nmodel_reasoning_effort = "high"\n\n[tools]');
    expect(text).toContain(
      '[sandbox_workspace_write]\nwritable_roots = ["/tmp/a", "/tmp/b"]\nnetwork_access = true\n',
    );
    expect(text.startsWith('# my settings\n')).toBe(true);

    await client.call('config/value/write', {
      keyPath: 'sandbox_workspace_write',
      value: { exclude_slash_tmp: true },
      mergeStrategy: 'replace',
    });
    const read = await client.call<ReadResult>('config/read');
    expect(read.config['sandbox_workspace_write']).toEqual({ exclude_slash_tmp: true });
    text = await readUserConfig();
    expect(text).toContain('# my settings');
  });

  it('removes a key written as null and creates a missing config.toml', async () => {
    const client = await start();
    const created = await client.call<{ version: string }>('config/value/write', {
      keyPath: 'features.web_search_request',
      value: true,
      mergeStrategy: 'upsert',
    });
    expect(await readUserConfig()).toBe('[features]\nweb_search_request = true\n');
    expect(created.version).toBe(versionOf({ features: { web_search_request: true } }));
    await client.call('config/value/write', {
      keyPath: 'features.web_search_request',
      value: null,
      mergeStrategy: 'replace',
    });
    const read = await client.call<ReadResult>('config/read');
    expect(read.origins).toEqual({});
  });

  it('writes quoted key path segments', async () => {
    const client = await start();
    await client.call('config/value/write', {
      keyPath: `projects."${work.path}".trust_level`,
      value: 'trusted',
      mergeStrategy: 'replace',
    });
    const read = await client.call<ReadResult>('config/read');
    expect(read.config['projects']).toEqual({ [work.path]: { trust_level: 'trusted' } });
  });

  it('refuses a stale expectedVersion, another file, bad key paths and bad values', async () => {
    const client = await start(SAMPLE);
    const write = (extra: Record<string, unknown>) =>
      client.callError('config/value/write', {
        keyPath: 'model',
        value: 'x',
        mergeStrategy: 'replace',
        ...extra,
      });
    expect(await write({ expectedVersion: 'sha256:stale' })).toEqual({
      code: -32600,
      message: 'Configuration was modified since last read. Fetch latest version and retry.',
      data: { config_write_error_code: 'configVersionConflict' },
    });
    expect(await write({ filePath: join(work.path, 'config.toml') })).toEqual({
      code: -32600,
      message: 'Only writes to the user config are allowed',
      data: { config_write_error_code: 'configLayerReadonly' },
    });
    expect(await write({ keyPath: 'tools..web_search' })).toMatchObject({
      code: -32600,
      message: 'keyPath segments must not be empty',
      data: { config_write_error_code: 'configValidationError' },
    });
    expect(await write({ keyPath: 'profile' })).toMatchObject({
      data: { config_write_error_code: 'configValidationError' },
    });
    const badValue = await write({ keyPath: 'model_reasoning_effort', value: 'ultra' });
    expect(badValue).toMatchObject({
      code: -32600,
      data: { config_write_error_code: 'configValidationError' },
    });
    expect(badValue.message).toContain('model_reasoning_effort');
    expect(badValue.message).toContain('Invalid configuration');
    const nullInside = await write({ keyPath: 'tools.list', value: ['a', null] });
    expect(nullInside.message).toContain('tools.list[1]');
    const missing = await client.callError('config/value/write', { keyPath: 'model' });
    expect(missing.code).toBe(-32602);
    expect(missing.message).toContain('value');
    expect(missing.message).toContain('mergeStrategy');
    expect(await readUserConfig()).toBe(SAMPLE);

    const current = versionOf({
      model: 'gpt-5.1',
      approval_policy: 'on-request',
      some_unknown_key: 1,
      tools: { web_search: true },
      sandbox_workspace_write: { writable_roots: ['/tmp/a', '/tmp/b'] },
    });
    const ok = await client.call('config/value/write', {
      keyPath: 'model',
      value: 'y',
      mergeStrategy: 'replace',
      expectedVersion: current,
      filePath: userConfig(),
    });
    expect(ok).toMatchObject({ status: 'ok' });
  });
});

describe('config/batchWrite', () => {
  it('applies the edits in order, or none of them', async () => {
    const client = await start(SAMPLE);
    const refused = await client.callError('config/batchWrite', {
      edits: [
        { keyPath: 'model', value: 'first', mergeStrategy: 'replace' },
        { keyPath: 'approval_policy', value: 'sometimes', mergeStrategy: 'replace' },
      ],
    });
    expect(refused.data).toEqual({ config_write_error_code: 'configValidationError' });
    expect(refused.message).toContain('approval_policy');
    expect(await readUserConfig()).toBe(SAMPLE);

    const result = await client.call<{ version: string }>('config/batchWrite', {
      edits: [
        { keyPath: 'model', value: 'first', mergeStrategy: 'replace' },
        { keyPath: 'model', value: 'second', mergeStrategy: 'replace' },
        { keyPath: 'tools', value: null, mergeStrategy: 'replace' },
      ],
      reloadUserConfig: true,
    });
    const text = await readUserConfig();
    expect(text).toContain('model = "second"   # pinned');
    expect(text).not.toContain('web_search');
    const read = await client.call<ReadResult>('config/read');
    expect(read.config['tools']).toBeUndefined();
    expect(result.version).toBe(read.origins['model']?.version);
    expect(existsSync(userConfig())).toBe(true);
  });
});
