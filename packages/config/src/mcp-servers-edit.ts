import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { writeFileAtomic } from '@codex-ts/utils';
import { setOwn, type ConfigTable } from './config-override.js';
import { CONFIG_FILE_NAME } from './config-layers.js';
import { readConfigToml, rewriteConfigText, valueAt } from './config-value-edit.js';
import { ConfigEditError } from './errors.js';
import type { McpServerTransportConfig } from './mcp-servers-config.js';

/** What `codex mcp add` writes: the transport keys of a new `[mcp_servers.<name>]` table. */
export type McpServerEntry =
  | { type: 'stdio'; command: string; args: string[]; env: Record<string, string> | null }
  | { type: 'streamable_http'; url: string; bearerTokenEnvVar: string | null };

/** `codex mcp add` refuses names outside `[A-Za-z0-9_-]+`, as the Rust CLI does. */
export function isValidMcpServerName(name: string): boolean {
  return /^[A-Za-z0-9_-]+$/u.test(name);
}

/** The TOML table of an entry, in the order its keys are written. */
export function mcpServerTable(entry: McpServerEntry): ConfigTable {
  if (entry.type === 'stdio') {
    const table: ConfigTable = { command: entry.command, args: entry.args };
    if (entry.env !== null && Object.keys(entry.env).length > 0) table['env'] = { ...entry.env };
    return table;
  }
  const table: ConfigTable = { url: entry.url };
  if (entry.bearerTokenEnvVar !== null) table['bearer_token_env_var'] = entry.bearerTokenEnvVar;
  return table;
}

/** The entry a resolved transport would be added as (for display and round trips). */
export function mcpServerEntryOf(transport: McpServerTransportConfig): McpServerEntry {
  return transport.type === 'stdio'
    ? { type: 'stdio', command: transport.command, args: transport.args, env: transport.env }
    : {
        type: 'streamable_http',
        url: transport.url,
        bearerTokenEnvVar: transport.bearerTokenEnvVar,
      };
}

export interface McpServerEditResult {
  /** `<codexHome>/config.toml`. */
  path: string;
  /** False when the file already said so (it is then not rewritten). */
  changed: boolean;
}

/**
 * `codex mcp add NAME ...`: writes `[mcp_servers.NAME]` into `<codexHome>/config.toml`,
 * replacing a server of that name. The file is edited in place (comments, order and other
 * values are kept) and replaced atomically.
 */
export async function setMcpServerInConfig(opts: {
  codexHome: string;
  name: string;
  entry: McpServerEntry;
}): Promise<McpServerEditResult> {
  return editMcpServers(opts.codexHome, opts.name, mcpServerTable(opts.entry));
}

/** `codex mcp remove NAME`: removes `[mcp_servers.NAME]`; `changed` is false when absent. */
export async function removeMcpServerFromConfig(opts: {
  codexHome: string;
  name: string;
}): Promise<McpServerEditResult> {
  return editMcpServers(opts.codexHome, opts.name, undefined);
}

async function editMcpServers(
  codexHome: string,
  name: string,
  table: ConfigTable | undefined,
): Promise<McpServerEditResult> {
  if (!isValidMcpServerName(name)) {
    throw new ConfigEditError(
      join(codexHome, CONFIG_FILE_NAME),
      `invalid server name '${name}' (use letters, numbers, '-', '_')`,
    );
  }
  const path = join(codexHome, CONFIG_FILE_NAME);
  const current = await readConfigToml(path);
  const keyPath = ['mcp_servers', name];
  if (table === undefined && valueAt(current.table, keyPath) === undefined) {
    return { path, changed: false };
  }
  const updated = structuredClone(current.table);
  const servers = valueAt(updated, ['mcp_servers']);
  const serversTable: ConfigTable =
    typeof servers === 'object' && servers !== null && !Array.isArray(servers)
      ? (servers as ConfigTable)
      : {};
  if (table === undefined) delete serversTable[name];
  else setOwn(serversTable, name, table);
  setOwn(updated, 'mcp_servers', serversTable);
  const text = rewriteConfigText(current.text, current.table, updated, [keyPath]);
  const changed = text !== current.text;
  if (changed) {
    await mkdir(codexHome, { recursive: true });
    await writeFileAtomic(path, text);
  }
  return { path, changed };
}
