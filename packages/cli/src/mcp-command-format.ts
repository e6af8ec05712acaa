import type { McpServerConfig } from '@codex-ts/config';

// Output of `codex mcp list` and `codex mcp get`, laid out as the Rust CLI prints it.

/** `McpAuthStatus` of the Rust CLI: snake_case in JSON, words in tables. */
export type AuthStatus = 'unsupported' | 'not_logged_in' | 'bearer_token' | 'o_auth';

const AUTH_DISPLAY: Record<AuthStatus, string> = {
  unsupported: 'Unsupported',
  not_logged_in: 'Not logged in',
  bearer_token: 'Bearer token',
  o_auth: 'OAuth',
};

export const NO_SERVERS_MESSAGE =
  'No MCP servers configured yet. Try `codex mcp add my-tool -- my-command`.';

/** Seconds as Rust prints an `f64`: `10`, `2.5`. */
function seconds(ms: number | null): number | null {
  return ms === null ? null : ms / 1000;
}

/** `KEY=*****` for each set variable (sorted), then `VAR=*****` for each passed-through one. */
export function formatEnvDisplay(env: Record<string, string> | null, envVars: string[]): string {
  const parts = [
    ...Object.keys(env ?? {})
      .sort()
      .map((key) => `${key}=*****`),
    ...envVars.map((name) => `${name}=*****`),
  ];
  return parts.length === 0 ? '-' : parts.join(', ');
}

function transportJson(config: McpServerConfig): Record<string, unknown> {
  const t = config.transport;
  if (t.type === 'stdio') {
    return {
      type: 'stdio',
      command: t.command,
      args: t.args,
      env: t.env,
      env_vars: t.envVars,
      cwd: t.cwd,
    };
  }
  return {
    type: 'streamable_http',
    url: t.url,
    bearer_token_env_var: t.bearerTokenEnvVar,
    http_headers: t.httpHeaders,
    env_http_headers: t.envHttpHeaders,
  };
}

/** One entry of `codex mcp list --json`. */
export function listJsonEntry(
  name: string,
  config: McpServerConfig,
  auth: AuthStatus,
): Record<string, unknown> {
  return {
    name,
    enabled: config.enabled,
    disabled_reason: null,
    transport: transportJson(config),
    startup_timeout_sec: seconds(config.startupTimeoutMs),
    tool_timeout_sec: seconds(config.toolTimeoutMs),
    auth_status: auth,
  };
}

/** `codex mcp get NAME --json`. */
export function getJson(name: string, config: McpServerConfig): Record<string, unknown> {
  return {
    name,
    enabled: config.enabled,
    disabled_reason: null,
    transport: transportJson(config),
    enabled_tools: config.enabledTools,
    disabled_tools: config.disabledTools,
    startup_timeout_sec: seconds(config.startupTimeoutMs),
    tool_timeout_sec: seconds(config.toolTimeoutMs),
  };
}

/** Rows padded to each column's widest cell, two spaces apart (trailing padding kept). */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '))
    .map((line) => `${line}\n`)
    .join('');
}

/** `codex mcp list`: a table of the stdio servers, then one of the HTTP servers. */
export function listTable(entries: ReadonlyArray<[string, McpServerConfig, AuthStatus]>): string {
  const stdio: string[][] = [];
  const http: string[][] = [];
  for (const [name, config, auth] of entries) {
    const status = config.enabled ? 'enabled' : 'disabled';
    const t = config.transport;
    if (t.type === 'stdio') {
      stdio.push([
        name,
        t.command,
        t.args.length === 0 ? '-' : t.args.join(' '),
        formatEnvDisplay(t.env, t.envVars),
        t.cwd === null || t.cwd === '' ? '-' : t.cwd,
        status,
        AUTH_DISPLAY[auth],
      ]);
    } else {
      http.push([name, t.url, t.bearerTokenEnvVar ?? '-', status, AUTH_DISPLAY[auth]]);
    }
  }
  const parts: string[] = [];
  if (stdio.length > 0) {
    parts.push(table(['Name', 'Command', 'Args', 'Env', 'Cwd', 'Status', 'Auth'], stdio));
  }
  if (http.length > 0) {
    parts.push(table(['Name', 'Url', 'Bearer Token Env Var', 'Status', 'Auth'], http));
  }
  return parts.join('\n');
}

/** `codex mcp get NAME`. */
export function getText(name: string, config: McpServerConfig): string {
  if (!config.enabled) return `${name} (disabled)\n`;
  const lines = [name, '  enabled: true'];
  const tools = (list: string[] | null) =>
    list === null ? '-' : list.length === 0 ? '[]' : list.join(', ');
  if (config.enabledTools !== null) lines.push(`  enabled_tools: ${tools(config.enabledTools)}`);
  if (config.disabledTools !== null) lines.push(`  disabled_tools: ${tools(config.disabledTools)}`);
  const t = config.transport;
  if (t.type === 'stdio') {
    lines.push(
      '  transport: stdio',
      `  command: ${t.command}`,
      `  args: ${t.args.length === 0 ? '-' : t.args.join(' ')}`,
      `  cwd: ${t.cwd === null || t.cwd === '' ? '-' : t.cwd}`,
      `  env: ${formatEnvDisplay(t.env, t.envVars)}`,
    );
  } else {
    const headers = (
      map: Record<string, string> | null,
      show: (k: string, v: string) => string,
    ) => {
      const keys = Object.keys(map ?? {}).sort();
      return keys.length === 0 ? '-' : keys.map((k) => show(k, map?.[k] ?? '')).join(', ');
    };
    lines.push(
      '  transport: streamable_http',
      `  url: ${t.url}`,
      `  bearer_token_env_var: ${t.bearerTokenEnvVar ?? '-'}`,
      `  http_headers: ${headers(t.httpHeaders, (k) => `${k}=*****`)}`,
      `  env_http_headers: ${headers(t.envHttpHeaders, (k, v) => `${k}=${v}`)}`,
      '  http_headers_helper: -',
    );
  }
  if (config.startupTimeoutMs !== null) {
    lines.push(`  startup_timeout_sec: ${config.startupTimeoutMs / 1000}`);
  }
  if (config.toolTimeoutMs !== null)
    lines.push(`  tool_timeout_sec: ${config.toolTimeoutMs / 1000}`);
  if (config.defaultToolsApprovalMode !== null) {
    lines.push(`  default_tools_approval_mode: ${config.defaultToolsApprovalMode}`);
  }
  lines.push(`  remove: codex mcp remove ${name}`);
  return `${lines.join('\n')}\n`;
}
