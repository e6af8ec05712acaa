import { describe, expect, it } from 'vitest';
import { loadConfig } from '@codex-ts/config';
import { useTempHome } from './temp-home.js';

/** A config.toml as a Rust Codex user writes it: every section, several providers, profiles. */
const REALISTIC = `# ~/.codex/config.toml
model = "gpt-5.5"
model_provider = "openai"
approval_policy = "on-request"
sandbox_mode = "workspace-write"
model_reasoning_effort = "high"
model_reasoning_summary = "detailed"
file_opener = "vscode"
hide_agent_reasoning = false
notify = ["notify-send", "Codex"]
profile = "work"

[sandbox_workspace_write]
writable_roots = ["/opt/shared"]
network_access = true

[shell_environment_policy]
inherit = "core"
exclude = ["AWS_*"]
set = { CI = "1" }

[model_providers.azure]
name = "Azure"
base_url = "https://example.openai.azure.com/openai"
env_key = "AZURE_OPENAI_API_KEY"
wire_api = "responses"
query_params = { api-version = "2025-04-01-preview" }
request_max_retries = 2
stream_idle_timeout_ms = 120000

[model_providers.local]
name = "Local"
base_url = "http://localhost:8080/v1"
wire_api = "chat"

[profiles.work]
model = "gpt-5.4"
model_provider = "azure"
approval_policy = "untrusted"

[profiles.fast]
model = "gpt-5.4-mini"
model_reasoning_effort = "low"

[mcp_servers.docs]
command = "npx"
args = ["-y", "@example/docs-mcp"]
env = { DOCS_TOKEN = "x" }

[mcp_servers.remote]
url = "https://mcp.example.com/mcp"

[otel]
environment = "dev"
exporter = "none"

[tui]
notifications = true

[history]
persistence = "save-all"

[features]
web_search_request = false

[projects."/home/me/code/app"]
trust_level = "trusted"
`;

const home = useTempHome();

describe("a Rust Codex user's config.toml", () => {
  it('loads without error or warning and means what it says', async () => {
    home.writeConfig(REALISTIC);
    const config = await loadConfig({
      codexHome: home.dir,
      env: {},
      systemConfigPath: null,
      strict: true,
    });
    expect(config.warnings).toEqual([]);
    expect(config.profile).toBe('work');
    expect(config.history).toEqual({ persistence: 'save-all', maxBytes: null });
    expect(config.model).toBe('gpt-5.4');
    expect(config.modelProviderId).toBe('azure');
    expect(config.modelProvider).toMatchObject({
      name: 'Azure',
      baseUrl: 'https://example.openai.azure.com/openai',
      envKey: 'AZURE_OPENAI_API_KEY',
      queryParams: { 'api-version': '2025-04-01-preview' },
      requestMaxRetries: 2,
      streamIdleTimeoutMs: 120000,
    });
    expect(config.modelProviders['local']?.wireApi).toBe('chat');
    expect(config.approvalPolicy).toBe('untrusted');
    expect(config.sandboxMode).toBe('workspace-write');
    expect(config.modelReasoningEffort).toBe('high');
    expect(config.modelReasoningSummary).toBe('detailed');
    expect(config.sandboxWorkspaceWrite).toMatchObject({
      writableRoots: ['/opt/shared'],
      networkAccess: true,
    });
    expect(config.shellEnvironmentPolicy).toMatchObject({
      inherit: 'core',
      exclude: ['AWS_*'],
      set: { CI: '1' },
    });
    expect(config.projectTrust).toEqual({ '/home/me/code/app': 'trusted' });

    const fast = await loadConfig({
      codexHome: home.dir,
      env: {},
      systemConfigPath: null,
      profile: 'fast',
    });
    expect([fast.model, fast.modelReasoningEffort, fast.modelProviderId]).toEqual([
      'gpt-5.4-mini',
      'low',
      'openai',
    ]);
  });

  it.each([
    [
      'a TOML syntax error',
      'model = "gpt-5.5"\nsandbox_mode = "read-only\n',
      /config\.toml:2:\d+: /,
    ],
    [
      'a bad approval policy',
      'model = "m"\napproval_policy = "ask-me"\n',
      /config\.toml:2:19: approval_policy: expected one of/,
    ],
    [
      'a mistyped provider setting',
      '[model_providers.x]\nname = "X"\nbase_url = "http://x"\nrequest_max_retries = "three"\n',
      /config\.toml:4:23: model_providers\.x\.request_max_retries: /,
    ],
    [
      'a bad environment policy',
      '[shell_environment_policy]\ninherit = "everything"\n',
      /config\.toml:2:11: shell_environment_policy\.inherit: expected one of all, core, none/,
    ],
    [
      'a bad value in the selected profile',
      'profile = "p"\n\n[profiles.p]\nsandbox_mode = "sometimes"\n',
      /config\.toml:4:16: .*sandbox_mode: expected one of read-only, workspace-write, danger-full-access/,
    ],
  ])('%s fails with file:line:col, the key and what was expected', async (_what, toml, message) => {
    home.writeConfig(toml);
    await expect(
      loadConfig({ codexHome: home.dir, env: {}, systemConfigPath: null }),
    ).rejects.toThrow(message);
  });
});
