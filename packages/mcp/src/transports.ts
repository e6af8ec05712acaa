import type { Readable } from 'node:stream';

import type { McpServerTransportConfig } from '@codex-ts/config';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

import { McpStartupError } from './errors.js';
import type { McpSdk } from './mcp-sdk.js';

export type EnvMap = Record<string, string | undefined>;

/**
 * Variables a stdio server inherits from us without being asked (the Rust Codex's list); the
 * rest of our environment stays out unless `env_vars` names it.
 */
export const DEFAULT_SERVER_ENV_VARS: readonly string[] =
  process.platform === 'win32'
    ? ['PATH', 'PATHEXT', 'USERNAME', 'USERPROFILE', 'SYSTEMROOT', 'TEMP', 'TMP', 'HOME']
    : [
        'HOME',
        'LOGNAME',
        'PATH',
        'SHELL',
        'USER',
        '__CF_USER_TEXT_ENCODING',
        'LANG',
        'LC_ALL',
        'TERM',
        'TMPDIR',
        'TZ',
      ];

/** The environment of a stdio server: the default variables, `env_vars`, then `env`. */
export function stdioServerEnv(
  env: EnvMap,
  envVars: readonly string[],
  extra: Record<string, string> | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...DEFAULT_SERVER_ENV_VARS, ...envVars]) {
    const value = env[name];
    if (value !== undefined) out[name] = value;
  }
  return { ...out, ...extra };
}

/**
 * The HTTP headers of a streamable HTTP server: `http_headers`, then `env_http_headers` whose
 * variable is set and not empty, then `Authorization: Bearer` from `bearer_token_env_var`
 * (which must be set: the Rust Codex fails the start-up otherwise).
 */
export function httpServerHeaders(
  server: string,
  transport: Extract<McpServerTransportConfig, { type: 'streamable_http' }>,
  env: EnvMap,
): Record<string, string> {
  const headers: Record<string, string> = { ...transport.httpHeaders };
  for (const [header, variable] of Object.entries(transport.envHttpHeaders ?? {})) {
    const value = env[variable];
    if (value !== undefined && value.trim() !== '') headers[header] = value;
  }
  const tokenVar = transport.bearerTokenEnvVar;
  if (tokenVar !== null) {
    const token = env[tokenVar];
    if (token === undefined) {
      throw new McpStartupError(
        server,
        `Environment variable ${tokenVar} for MCP server '${server}' is not set`,
      );
    }
    if (token === '') {
      throw new McpStartupError(
        server,
        `Environment variable ${tokenVar} for MCP server '${server}' is empty`,
      );
    }
    headers['Authorization'] = `Bearer ${token}`;
  }
  return headers;
}

export interface CreatedTransport {
  transport: Transport;
  /** The child's stderr for a stdio server (drained by the caller), else null. */
  stderr: Readable | null;
}

/** An SDK transport for the configured server (not started yet). */
export function createTransport(
  sdk: McpSdk,
  server: string,
  config: McpServerTransportConfig,
  env: EnvMap,
): CreatedTransport {
  if (config.type === 'stdio') {
    const transport = new sdk.StdioClientTransport({
      command: config.command,
      args: config.args,
      env: stdioServerEnv(env, config.envVars, config.env),
      ...(config.cwd === null ? {} : { cwd: config.cwd }),
      stderr: 'pipe',
    });
    return { transport, stderr: transport.stderr as Readable | null };
  }
  let url: URL;
  try {
    url = new URL(config.url);
  } catch (err) {
    throw new McpStartupError(server, `invalid url ${JSON.stringify(config.url)}`, err);
  }
  const headers = httpServerHeaders(server, config, env);
  return {
    transport: new sdk.StreamableHTTPClientTransport(url, { requestInit: { headers } }),
    stderr: null,
  };
}

/** The origin (`https://host:port`) of an HTTP server, `stdio` for a child process. */
export function transportOrigin(config: McpServerTransportConfig): string | null {
  if (config.type === 'stdio') return 'stdio';
  try {
    return new URL(config.url).origin;
  } catch {
    return null;
  }
}
