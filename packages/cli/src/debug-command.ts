import type { Command } from 'commander';
import { loadCliConfig } from './global-flags.js';
import { CODEX_VERSION } from './version.js';

/** Registers `codex debug models [--bundled]`. */
export function registerDebug(program: Command, setExit: (code: number) => void): void {
  const debug = program.command('debug').description('Tools for looking inside Codex');
  debug
    .command('models')
    .description('Print the raw model catalog as JSON')
    .option('--bundled', 'print the catalog built into this binary, without any refresh')
    .action(async (flags: { bundled?: boolean }) => {
      setExit(await runDebugModels(program, Boolean(flags.bundled)));
    });
}

/**
 * `codex debug models`: the catalog the models manager uses, as `{"models": [...]}` (pretty
 * JSON on stdout): refreshed from `/models` for a ChatGPT sign-in unless `models_cache.json` is
 * fresh, else the cache or the bundled catalog. `--bundled` prints the bundled catalog as is.
 */
async function runDebugModels(program: Command, bundled: boolean): Promise<number> {
  const modelsManager = await import('@codex-ts/models-manager');
  if (bundled) {
    print(modelsManager.bundledModels());
    return 0;
  }
  try {
    const config = await loadCliConfig(program);
    const providers = await import('@codex-ts/providers');
    const target = await providers.resolveModelsEndpoint({
      provider: config.modelProvider,
      env: process.env,
      authManager: new providers.AuthManager({ authConfig: config.auth }),
    });
    const manager = new modelsManager.ModelsManager({
      codexHome: config.codexHome,
      clientVersion: CODEX_VERSION,
      endpoint: target,
      remoteIsAuthoritative: true,
    });
    const catalog = await manager.listModels(target === null ? 'offline' : 'onlineIfUncached');
    for (const warning of catalog.warnings) process.stderr.write(`warning: ${warning}\n`);
    print(catalog.models);
    return 0;
  } catch (err) {
    process.stderr.write(`Error: ${(err as Error).message}\n`);
    return 1;
  }
}

function print(models: unknown[]): void {
  process.stdout.write(`${JSON.stringify({ models }, null, 2)}\n`);
}
