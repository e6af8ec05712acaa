import type { Command } from 'commander';
import type { ConfigOverrides, ResolvedConfig } from '@codex-ts/config';

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** `--enable/--disable FEATURE` values of one command (repeatable; absent when not given). */
export interface FeatureToggleFlags {
  enable?: string[];
  disable?: string[];
}

/** The root command's options every subcommand honours. */
export interface GlobalFlags extends FeatureToggleFlags {
  config?: string[];
  search?: boolean;
  profile?: string;
  strictConfig?: boolean;
}

/** Adds the repeatable `--enable <FEATURE>` / `--disable <FEATURE>` options to `cmd`. */
export function addFeatureToggleOptions(cmd: Command): Command {
  return cmd
    .option(
      '--enable <FEATURE>',
      'enable a feature (repeatable); same as -c features.<name>=true',
      collect,
    )
    .option(
      '--disable <FEATURE>',
      'disable a feature (repeatable); same as -c features.<name>=false',
      collect,
    );
}

/**
 * `--enable X` / `--disable Y` as the `-c` overrides they stand for (`features.X=true`,
 * `features.Y=false`), enables first, as the Rust CLI folds them; they go after every `-c`.
 */
export function featureToggleOverrides(flags: FeatureToggleFlags): string[] {
  return [
    ...(flags.enable ?? []).map((name) => `features.${name}=true`),
    ...(flags.disable ?? []).map((name) => `features.${name}=false`),
  ];
}

export function globalFlagsOf(program: Command): GlobalFlags {
  return program.opts() as GlobalFlags;
}

/**
 * The root command's settings as `-c` strings: `-c` values, `--search` (= `web_search="live"`),
 * then `--enable/--disable` (= `features.<name>=true|false`).
 */
export function globalConfigStrings(program: Command): string[] {
  const global = globalFlagsOf(program);
  return [
    ...(global.config ?? []),
    ...(global.search ? ['web_search="live"'] : []),
    ...featureToggleOverrides(global),
  ];
}

/**
 * Loads config for a subcommand that runs in this process (login, features, debug, sandbox):
 * the root flags, then the subcommand's own `-c` strings, then explicit overrides. Errors (a
 * bad `-c`, a config file with a mistake) are thrown with their file:line:col messages.
 */
export async function loadCliConfig(
  program: Command,
  extraConfig: readonly string[] = [],
  overrides: ConfigOverrides = {},
): Promise<ResolvedConfig> {
  const { loadConfig, parseConfigOverrides } = await import('@codex-ts/config');
  const global = globalFlagsOf(program);
  return loadConfig({
    cliOverrides: parseConfigOverrides([...globalConfigStrings(program), ...extraConfig]),
    profile: global.profile ?? null,
    strict: global.strictConfig ?? false,
    overrides,
  });
}
