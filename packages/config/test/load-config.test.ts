import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  ConfigParseError,
  ConfigValidationError,
  DEFAULT_MODEL,
  InvalidCwdError,
  loadConfig,
  parseConfigOverrides,
  UnknownConfigKeyError,
  UnknownModelProviderError,
} from '../src/index.js';
import { useTempHome } from './temp-home.js';

const home = useTempHome();

describe('loadConfig defaults', () => {
  it('resolves defaults when there is no config.toml', async () => {
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.codexHome).toBe(home.dir);
    expect(config.cwd).toBe(process.cwd());
    expect(config.model).toBe(DEFAULT_MODEL);
    expect(config.modelExplicit).toBe(false);
    expect(config.modelProviderId).toBe('openai');
    expect(config.modelProvider).toMatchObject({
      id: 'openai',
      name: 'OpenAI',
      baseUrl: 'https://api.openai.com/v1',
      baseUrlIsDefault: true,
      envKey: 'OPENAI_API_KEY',
      wireApi: 'responses',
      requestMaxRetries: 4,
      streamMaxRetries: 5,
      streamIdleTimeoutMs: 300_000,
      requiresOpenaiAuth: true,
    });
    expect(config.modelReasoningEffort).toBeNull();
    expect(config.modelReasoningSummary).toBe('auto');
    expect(config.modelVerbosity).toBeNull();
    expect(config.approvalPolicy).toBe('on-request');
    expect(config.sandboxMode).toBe('read-only');
    expect(config.sandboxWorkspaceWrite).toEqual({
      writableRoots: [],
      networkAccess: false,
      excludeTmpdirEnvVar: false,
      excludeSlashTmp: false,
    });
    expect(config.additionalWritableRoots).toEqual([]);
    expect(config.baseInstructions).toBeNull();
    expect(config.developerInstructions).toBeNull();
    expect(config.projectDocMaxBytes).toBe(32 * 1024);
    expect(config.warnings).toEqual([]);
  });

  it('has the local ollama and lmstudio providers built in', async () => {
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.modelProviders['ollama']).toMatchObject({
      baseUrl: 'http://localhost:11434/v1',
      envKey: null,
      requiresOpenaiAuth: false,
    });
    expect(config.modelProviders['lmstudio']?.baseUrl).toBe('http://localhost:1234/v1');
    const oss = await loadConfig({ codexHome: home.dir, env: { CODEX_OSS_PORT: '9999' } });
    expect(oss.modelProviders['ollama']?.baseUrl).toBe('http://localhost:9999/v1');
  });
});

describe('loadConfig layers', () => {
  const FILE = [
    'model = "gpt-file"',
    'approval_policy = "never"',
    'sandbox_mode = "workspace-write"',
    'model_reasoning_effort = "high"',
    'model_reasoning_summary = "concise"',
    'model_verbosity = "low"',
    'developer_instructions = "be brief"',
    'project_doc_max_bytes = 1000',
    '',
    '[sandbox_workspace_write]',
    'writable_roots = ["/data", "rel"]',
    'network_access = true',
    '',
  ].join('\n');

  it('reads values from config.toml', async () => {
    home.writeConfig(FILE);
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.model).toBe('gpt-file');
    expect(config.modelExplicit).toBe(true);
    expect(config.approvalPolicy).toBe('never');
    expect(config.sandboxMode).toBe('workspace-write');
    expect(config.modelReasoningEffort).toBe('high');
    expect(config.modelReasoningSummary).toBe('concise');
    expect(config.modelVerbosity).toBe('low');
    expect(config.developerInstructions).toBe('be brief');
    expect(config.projectDocMaxBytes).toBe(1000);
    expect(config.sandboxWorkspaceWrite).toEqual({
      writableRoots: ['/data', join(home.dir, 'rel')],
      networkAccess: true,
      excludeTmpdirEnvVar: false,
      excludeSlashTmp: false,
    });
    expect(config.warnings).toEqual([]);
  });

  it('lets -c overrides beat the file', async () => {
    home.writeConfig(FILE);
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      cliOverrides: parseConfigOverrides([
        'model=gpt-cli',
        'approval_policy="on-failure"',
        'sandbox_workspace_write.network_access=false',
      ]),
    });
    expect(config.model).toBe('gpt-cli');
    expect(config.approvalPolicy).toBe('on-failure');
    expect(config.sandboxWorkspaceWrite.networkAccess).toBe(false);
    // Sibling keys of the overridden one keep their file values.
    expect(config.sandboxWorkspaceWrite.writableRoots[0]).toBe('/data');
  });

  it('lets explicit flags beat -c overrides', async () => {
    home.writeConfig(FILE);
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      cliOverrides: { model: 'gpt-cli', approval_policy: 'on-failure', sandbox_mode: 'read-only' },
      overrides: {
        model: 'gpt-flag',
        approvalPolicy: 'untrusted',
        sandboxMode: 'danger-full-access',
        developerInstructions: 'flag instructions',
        additionalWritableRoots: ['extra'],
      },
    });
    expect(config.model).toBe('gpt-flag');
    expect(config.approvalPolicy).toBe('untrusted');
    expect(config.sandboxMode).toBe('danger-full-access');
    expect(config.developerInstructions).toBe('flag instructions');
    expect(config.additionalWritableRoots).toEqual([join(process.cwd(), 'extra')]);
  });

  it('creates a custom provider from dotted -c overrides', async () => {
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      cliOverrides: parseConfigOverrides([
        'model_providers.mock.base_url="http://127.0.0.1:4010/v1/"',
        'model_provider=mock',
      ]),
    });
    expect(config.modelProviderId).toBe('mock');
    expect(config.modelProvider).toMatchObject({
      id: 'mock',
      name: 'mock',
      baseUrl: 'http://127.0.0.1:4010/v1',
      baseUrlIsDefault: false,
      envKey: null,
      wireApi: 'responses',
      requiresOpenaiAuth: false,
    });
    expect(config.modelProviders['openai']).toBeDefined();
  });

  it('reads a full [model_providers.<id>] table', async () => {
    home.writeConfig(
      [
        'model_provider = "azure"',
        '[model_providers.azure]',
        'name = "Azure"',
        'base_url = "https://example.openai.azure.com/openai"',
        'env_key = "AZURE_OPENAI_API_KEY"',
        'env_key_instructions = "Create a key in the portal."',
        'query_params = { api-version = "2025-04-01-preview" }',
        'http_headers = { "X-Team" = "core" }',
        'env_http_headers = { "X-Env" = "MY_HEADER_VAR" }',
        'request_max_retries = 500',
        'stream_max_retries = 7',
        'stream_idle_timeout_ms = 1000',
        'wire_api = "responses"',
      ].join('\n'),
    );
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.modelProvider).toEqual({
      id: 'azure',
      name: 'Azure',
      baseUrl: 'https://example.openai.azure.com/openai',
      baseUrlIsDefault: false,
      envKey: 'AZURE_OPENAI_API_KEY',
      envKeyInstructions: 'Create a key in the portal.',
      experimentalBearerToken: null,
      wireApi: 'responses',
      queryParams: { 'api-version': '2025-04-01-preview' },
      httpHeaders: { 'X-Team': 'core' },
      envHttpHeaders: { 'X-Env': 'MY_HEADER_VAR' },
      requestMaxRetries: 100,
      streamMaxRetries: 7,
      streamIdleTimeoutMs: 1000,
      requiresOpenaiAuth: false,
    });
  });

  it('resolves cwd overrides to an absolute directory', async () => {
    mkdirSync(join(home.dir, 'work'));
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      overrides: { cwd: join(home.dir, 'work', '..', 'work') },
    });
    expect(config.cwd).toBe(join(home.dir, 'work'));
    await expect(
      loadConfig({ codexHome: home.dir, env: {}, overrides: { cwd: join(home.dir, 'nope') } }),
    ).rejects.toBeInstanceOf(InvalidCwdError);
    await expect(
      loadConfig({ codexHome: home.dir, env: {}, overrides: { cwd: home.configPath } }),
    ).rejects.toMatchObject({ code: 'INVALID_CWD' });
  });

  it('reads base instructions from a file relative to CODEX_HOME', async () => {
    home.write('prompt.md', '\nYou are a test agent.\n');
    home.writeConfig('model_instructions_file = "prompt.md"\n');
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.baseInstructions).toBe('You are a test agent.');

    home.writeConfig('experimental_instructions_file = "missing.md"\n');
    await expect(loadConfig({ codexHome: home.dir, env: {} })).rejects.toMatchObject({
      code: 'INSTRUCTIONS_FILE_ERROR',
    });

    const flagged = await loadConfig({
      codexHome: home.dir,
      env: {},
      overrides: { baseInstructions: 'from flag' },
    });
    expect(flagged.baseInstructions).toBe('from flag');
  });
});

describe('loadConfig errors', () => {
  it('reports TOML syntax errors as path:line:col', async () => {
    home.writeConfig('model = "x"\napproval_policy = \n');
    const error = await loadConfig({ codexHome: home.dir, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigParseError);
    const parseError = error as ConfigParseError;
    expect(parseError.code).toBe('CONFIG_PARSE_ERROR');
    expect(parseError.line).toBe(2);
    expect(parseError.message).toMatch(new RegExp(`^${escape(home.configPath)}:2:\\d+: \\S`));
  });

  it('reports an invalid enum value with the file line and key', async () => {
    home.writeConfig('model = "x"\n\napproval_policy = "sometimes"\n');
    const error = await loadConfig({ codexHome: home.dir, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as Error).message).toBe(
      `${home.configPath}:3:19: approval_policy: expected one of untrusted, on-failure, ` +
        'on-request, never; got "sometimes"',
    );
    expect(error).toMatchObject({ key: 'approval_policy', location: `${home.configPath}:3:19` });
  });

  it('points at nested keys inside tables', async () => {
    home.writeConfig(['[model_providers.local]', 'name = "Local"', 'wire_api = "grpc"'].join('\n'));
    await expect(loadConfig({ codexHome: home.dir, env: {} })).rejects.toThrow(
      `${home.configPath}:3:12: model_providers.local.wire_api: expected one of responses, chat; ` +
        'got "grpc"',
    );
    home.writeConfig('project_doc_max_bytes = -5\n');
    await expect(loadConfig({ codexHome: home.dir, env: {} })).rejects.toThrow(
      `${home.configPath}:1:25: project_doc_max_bytes: expected a non-negative integer; got -5`,
    );
  });

  it('names the -c override when the bad value came from one', async () => {
    await expect(
      loadConfig({ codexHome: home.dir, env: {}, cliOverrides: { sandbox_mode: 'yolo' } }),
    ).rejects.toThrow(
      '-c sandbox_mode: expected one of read-only, workspace-write, danger-full-access; got "yolo"',
    );
    await expect(
      loadConfig({
        codexHome: home.dir,
        env: {},
        cliOverrides: { 'model_providers.m': { stream_max_retries: 'many' } },
      }),
    ).rejects.toThrow(
      '-c model_providers.m: model_providers.m.stream_max_retries: expected a non-negative ' +
        'integer; got "many"',
    );
  });

  it('blames the override that created a table for errors about the table', async () => {
    await expect(
      loadConfig({
        codexHome: home.dir,
        env: {},
        cliOverrides: parseConfigOverrides(['model_providers.openai.base_url="http://x/v1"']),
      }),
    ).rejects.toThrow(
      /^-c model_providers\.openai\.base_url: model_providers\.openai: model_providers contains reserved/,
    );
  });

  it('rejects invalid explicit overrides', async () => {
    await expect(
      loadConfig({
        codexHome: home.dir,
        env: {},
        overrides: { approvalPolicy: 'always' as never },
      }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID_VALUE', location: 'override approvalPolicy' });
  });

  it('refuses to redefine a built-in provider', async () => {
    home.writeConfig('[model_providers.openai]\nbase_url = "http://localhost:1/v1"\n');
    await expect(loadConfig({ codexHome: home.dir, env: {} })).rejects.toThrow(
      /config\.toml:1:\d+: model_providers\.openai: model_providers contains reserved built-in provider IDs: `openai`/,
    );
  });

  it('lists the known providers when model_provider is unknown', async () => {
    home.writeConfig('model_provider = "nope"\n[model_providers.mine]\nname = "Mine"\n');
    const error = await loadConfig({ codexHome: home.dir, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownModelProviderError);
    expect((error as UnknownModelProviderError).knownIds).toEqual([
      'lmstudio',
      'mine',
      'ollama',
      'openai',
    ]);
    expect((error as Error).message).toBe(
      'Model provider `nope` not found; known providers: lmstudio, mine, ollama, openai',
    );
  });
});

describe('loadConfig unknown keys', () => {
  it('warns about unknown keys with their location', async () => {
    home.writeConfig('model = "x"\nmodle = "typo"\n[sandbox_workspace_write]\nnetwork = true\n');
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      cliOverrides: { bogus_flag: true },
    });
    expect(config.warnings).toEqual([
      { message: 'unknown configuration field `modle`', location: `${home.configPath}:2:9` },
      { message: 'unknown configuration field `bogus_flag`', location: '-c bogus_flag' },
      {
        message: 'unknown configuration field `sandbox_workspace_write.network`',
        location: `${home.configPath}:4:11`,
      },
    ]);
  });

  it('accepts keys the Rust Codex knows without warning', async () => {
    home.writeConfig(
      [
        'profile = "work"',
        'notify = ["notify-send"]',
        'hide_agent_reasoning = true',
        'model_context_window = 200000',
        'disable_response_storage = true',
        'preferred_auth_method = "apikey"',
        'experimental_use_freeform_apply_patch = true',
        'personality = "pragmatic"',
        'service_tier = "flex"',
        'review_model = "gpt-5"',
        'web_search = "live"',
        '[mcp_servers.docs]',
        'command = "docs-server"',
        '[shell_environment_policy]',
        'inherit = "core"',
        '[history]',
        'persistence = "none"',
        '[profiles.work]',
        'model = "o3"',
        '[projects."/tmp/x"]',
        'trust_level = "trusted"',
        '[tui]',
        'notifications = true',
        '[features]',
        'web_search_request = true',
        '[otel]',
        'exporter = "none"',
        '[tools]',
        'web_search = true',
      ].join('\n'),
    );
    const config = await loadConfig({ codexHome: home.dir, env: {} });
    expect(config.warnings).toEqual([]);
  });

  it('fails on unknown keys in strict mode', async () => {
    home.writeConfig('model = "x"\nmodle = "typo"\n');
    const error = await loadConfig({ codexHome: home.dir, env: {}, strict: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnknownConfigKeyError);
    expect((error as Error).message).toBe(
      `${home.configPath}:2:9: unknown configuration field \`modle\``,
    );
  });
});

describe('openai base URL', () => {
  it('honours OPENAI_BASE_URL with a deprecation warning', async () => {
    const config = await loadConfig({
      codexHome: home.dir,
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1/' },
    });
    expect(config.modelProvider.baseUrl).toBe('http://127.0.0.1:9999/v1');
    expect(config.modelProvider.baseUrlIsDefault).toBe(false);
    expect(config.warnings).toEqual([
      {
        message: '`OPENAI_BASE_URL` is deprecated. Set `openai_base_url` in config.toml instead.',
        location: null,
      },
    ]);
  });

  it('prefers openai_base_url from config.toml over the environment', async () => {
    home.writeConfig('openai_base_url = "https://proxy.example/v1"\n');
    const config = await loadConfig({
      codexHome: home.dir,
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1' },
    });
    expect(config.modelProvider.baseUrl).toBe('https://proxy.example/v1');
    expect(config.warnings).toEqual([]);
  });

  it('takes openai_base_url from -c (the TypeScript SDK passes baseUrl this way)', async () => {
    home.writeConfig('openai_base_url = "https://proxy.example/v1"\n');
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      cliOverrides: parseConfigOverrides(['openai_base_url="http://localhost:3000/v1"']),
    });
    expect(config.modelProvider.baseUrl).toBe('http://localhost:3000/v1');
    const reset = await loadConfig({
      codexHome: home.dir,
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1' },
      cliOverrides: { openai_base_url: '' },
    });
    expect(reset.modelProvider.baseUrl).toBe('https://api.openai.com/v1');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
