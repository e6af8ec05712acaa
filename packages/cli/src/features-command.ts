import type { Command } from 'commander';
import {
  addFeatureToggleOptions,
  featureToggleOverrides,
  loadCliConfig,
  type FeatureToggleFlags,
  type GlobalFlags,
} from './global-flags.js';

/**
 * Registers `codex features list|enable|disable` and checks, before any command runs, that every
 * `--enable/--disable` name is a known feature (else a usage error, exit 2).
 */
export function registerFeatures(program: Command, setExit: (code: number) => void): void {
  program.hook('preAction', async (_root, actionCommand) => {
    const names: string[] = [];
    for (let cmd: Command | null = actionCommand; cmd !== null; cmd = cmd.parent) {
      const flags = cmd.opts() as FeatureToggleFlags;
      names.push(...(flags.enable ?? []), ...(flags.disable ?? []));
    }
    if (names.length === 0) return;
    const { requireKnownFeature } = await import('@codex-ts/config');
    for (const name of names) {
      try {
        requireKnownFeature(name);
      } catch (err) {
        actionCommand.error(`error: ${(err as Error).message}`, {
          exitCode: 2,
          code: 'codex.unknownFeature',
        });
      }
    }
  });

  const features = program.command('features').description('Inspect feature flags');
  addFeatureToggleOptions(
    features
      .command('list')
      .description('List known features with their stage and effective state'),
  ).action(async (flags: FeatureToggleFlags) => {
    setExit(await runList(program, flags));
  });
  for (const enabled of [true, false]) {
    features
      .command(enabled ? 'enable' : 'disable')
      .description(`${enabled ? 'Enable' : 'Disable'} a feature in config.toml`)
      .argument('<FEATURE>', 'feature key to update (for example: unified_exec)')
      .action(async (feature: string) => {
        setExit(await runSet(program.opts() as GlobalFlags, feature, enabled));
      });
  }
}

/**
 * `codex features list`: every known feature, sorted by name, as `name  stage  true|false`
 * in aligned columns (the Rust CLI's layout), from the effective configuration.
 */
async function runList(program: Command, flags: FeatureToggleFlags): Promise<number> {
  const config = await import('@codex-ts/config');
  try {
    const resolved = await loadCliConfig(program, featureToggleOverrides(flags));
    for (const warning of resolved.warnings) {
      const where = warning.location === null ? '' : `${warning.location}: `;
      process.stderr.write(`warning: ${where}${warning.message}\n`);
    }
    const rows = config.FEATURE_SPECS.map((spec) => ({
      name: spec.key,
      stage: config.featureStageLabel(spec.stage),
      enabled: resolved.features[spec.key] ?? spec.defaultEnabled,
    })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    process.stdout.write(formatFeatureRows(rows));
    return 0;
  } catch (err) {
    process.stderr.write(`Error: ${(err as Error).message}\n`);
    return 1;
  }
}

/** Rows as `name  stage  enabled`, the first two columns padded to their widest entry. */
export function formatFeatureRows(
  rows: readonly { name: string; stage: string; enabled: boolean }[],
): string {
  const nameWidth = Math.max(0, ...rows.map((row) => row.name.length));
  const stageWidth = Math.max(0, ...rows.map((row) => row.stage.length));
  return rows
    .map(
      (row) => `${row.name.padEnd(nameWidth)}  ${row.stage.padEnd(stageWidth)}  ${row.enabled}\n`,
    )
    .join('');
}

/** `codex features enable|disable NAME` (`-p NAME` writes into that profile). */
async function runSet(global: GlobalFlags, feature: string, enabled: boolean): Promise<number> {
  const config = await import('@codex-ts/config');
  try {
    const profile = global.profile ?? null;
    const result = await config.setFeatureInConfig({
      codexHome: config.resolveCodexHome(process.env),
      feature,
      enabled,
      profile,
    });
    process.stdout.write(
      `${enabled ? 'Enabled' : 'Disabled'} feature \`${feature}\` in config.toml.\n`,
    );
    const canonical = config.canonicalFeature(feature);
    if (enabled && profile === null && canonical?.stage === 'underDevelopment') {
      process.stderr.write(
        `Warning: \`${feature}\` is under development: it is incomplete and may not work as ` +
          'expected. Set `suppress_unstable_features_warning = true` in ' +
          `${result.path} to silence this warning.\n`,
      );
    }
    return 0;
  } catch (err) {
    process.stderr.write(`Error: ${(err as Error).message}\n`);
    return 1;
  }
}
