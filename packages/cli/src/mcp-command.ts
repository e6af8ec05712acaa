import type { Command } from 'commander';
import type { McpServerConfig } from '@codex-ts/config';
import { loadCliConfig } from './global-flags.js';
import type { AuthStatus } from './mcp-command-format.js';

interface AddFlags {
  env?: string[];
  url?: string;
  bearerTokenEnvVar?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/**
 * Registers `codex mcp list|get|add|remove`: manage the `[mcp_servers.<name>]` tables of
 * `$CODEX_HOME/config.toml` (edited in place, other settings and comments kept), as the Rust
 * CLI does. Failures print `Error: <message>` and exit 1; usage errors exit 2.
 */
export function registerMcp(program: Command, setExit: (code: number) => void): void {
  const mcp = program.command('mcp').description('Manage external MCP servers for Codex');
  mcp
    .command('list')
    .description('List configured MCP servers')
    .option('--json', 'output the configured servers as JSON')
    .action(async (flags: { json?: boolean }) => {
      setExit(await guarded(() => runList(program, flags.json === true)));
    });
  mcp
    .command('get')
    .description('Show details for a configured MCP server')
    .argument('<NAME>', 'name of the MCP server to display')
    .option('--json', 'output the server configuration as JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      setExit(await guarded(() => runGet(program, name, flags.json === true)));
    });
  const add = mcp
    .command('add')
    .description('Add a global MCP server entry')
    .usage('[OPTIONS] <NAME> (--url <URL> | -- <COMMAND>...)')
    .argument('<NAME>', 'name for the MCP server configuration')
    .argument('[COMMAND...]', 'command (and arguments) launching a stdio MCP server')
    .option('--env <KEY=VALUE>', 'environment variable for a stdio server (repeatable)', collect)
    .option('--url <URL>', 'URL of a streamable HTTP MCP server')
    .option('--bearer-token-env-var <ENV_VAR>', 'variable holding the bearer token (with --url)');
  add.action(async (name: string, command: string[], flags: AddFlags) => {
    const usage = addUsageError(command, flags);
    if (usage !== null) add.error(`error: ${usage}`, { exitCode: 2, code: 'codex.mcpUsage' });
    setExit(await guarded(() => runAdd(name, command, flags)));
  });
  mcp
    .command('remove')
    .description('Remove a global MCP server entry')
    .argument('<NAME>', 'name of the MCP server configuration to remove')
    .action(async (name: string) => {
      setExit(await guarded(() => runRemove(name)));
    });
}

/** What clap would refuse in `codex mcp add`'s arguments, or null. */
function addUsageError(command: string[], flags: AddFlags): string | null {
  if (command.length > 0 && flags.url !== undefined) {
    return 'the argument --url <URL> cannot be used with <COMMAND>...';
  }
  if (command.length === 0 && flags.url === undefined) {
    return 'the following required arguments were not provided: <COMMAND>... or --url <URL>';
  }
  if (flags.env !== undefined && flags.url !== undefined) {
    return 'the argument --env <KEY=VALUE> cannot be used with --url <URL>';
  }
  if (flags.bearerTokenEnvVar !== undefined && flags.url === undefined) {
    return 'the argument --bearer-token-env-var <ENV_VAR> requires --url <URL>';
  }
  return null;
}

async function guarded(action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (err) {
    process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

function validateName(name: string): void {
  if (!/^[A-Za-z0-9_-]+$/u.test(name)) {
    throw new Error(`invalid server name '${name}' (use letters, numbers, '-', '_')`);
  }
}

async function servers(program: Command): Promise<Array<[string, McpServerConfig, AuthStatus]>> {
  const [config, { mcpAuthStatus }] = await Promise.all([
    loadCliConfig(program),
    import('@codex-ts/mcp'),
  ]);
  return Object.entries(config.mcpServers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, server]) => [name, server, mcpAuthStatus(server)]);
}

async function runList(program: Command, json: boolean): Promise<number> {
  const format = await import('./mcp-command-format.js');
  const entries = await servers(program);
  if (json) {
    const out = entries.map(([name, server, auth]) => format.listJsonEntry(name, server, auth));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (entries.length === 0) {
    process.stdout.write(`${format.NO_SERVERS_MESSAGE}\n`);
  } else {
    process.stdout.write(format.listTable(entries));
  }
  return 0;
}

async function runGet(program: Command, name: string, json: boolean): Promise<number> {
  const format = await import('./mcp-command-format.js');
  const config = await loadCliConfig(program);
  const server = config.mcpServers[name];
  if (server === undefined) throw new Error(`No MCP server named '${name}' found.`);
  process.stdout.write(
    json
      ? `${JSON.stringify(format.getJson(name, server), null, 2)}\n`
      : format.getText(name, server),
  );
  return 0;
}

async function runAdd(name: string, command: string[], flags: AddFlags): Promise<number> {
  validateName(name);
  const config = await import('@codex-ts/config');
  const env: Record<string, string> = {};
  for (const pair of flags.env ?? []) {
    const at = pair.indexOf('=');
    const key = at < 0 ? '' : pair.slice(0, at).trim();
    if (key === '') throw new Error('environment entries must be in KEY=VALUE form');
    env[key] = pair.slice(at + 1);
  }
  const [bin, ...args] = command;
  await config.setMcpServerInConfig({
    codexHome: config.resolveCodexHome(process.env),
    name,
    entry:
      bin === undefined
        ? {
            type: 'streamable_http',
            url: flags.url ?? '',
            bearerTokenEnvVar: flags.bearerTokenEnvVar ?? null,
          }
        : { type: 'stdio', command: bin, args, env: Object.keys(env).length > 0 ? env : null },
  });
  process.stdout.write(`Added global MCP server '${name}'.\n`);
  return 0;
}

async function runRemove(name: string): Promise<number> {
  validateName(name);
  const config = await import('@codex-ts/config');
  const result = await config.removeMcpServerFromConfig({
    codexHome: config.resolveCodexHome(process.env),
    name,
  });
  process.stdout.write(
    result.changed
      ? `Removed global MCP server '${name}'.\n`
      : `No MCP server named '${name}' found.\n`,
  );
  return 0;
}
