import { type Command, Option } from 'commander';
import type { ExecOptions } from '@codex-ts/exec';
import {
  addFeatureToggleOptions,
  featureToggleOverrides,
  globalConfigStrings,
  type FeatureToggleFlags,
  type GlobalFlags,
} from './global-flags.js';
import { frontEndMeta, processIo } from './front-end-io.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];
/** `-i a.png,b.png` and repeated `-i`: values are split on commas, as clap's value_delimiter. */
const collectList = (value: string, previous: string[]): string[] => [
  ...previous,
  ...value.split(',').filter((part) => part !== ''),
];

/** Top-level `-c`/`--search` (as `-c` strings), `-p/--profile` and `--strict-config`. */
export function globalOf(program: Command): GlobalFlags & { configs: string[] } {
  return { ...(program.opts() as GlobalFlags), configs: globalConfigStrings(program) };
}

export interface RawExecFlags extends FeatureToggleFlags {
  image: string[];
  json?: boolean;
  outputLastMessage?: string;
  outputSchema?: string;
  model?: string;
  sandbox?: ExecOptions['sandbox'];
  dangerouslyBypassApprovalsAndSandbox?: boolean;
  fullAuto?: boolean;
  cd?: string;
  addDir: string[];
  skipGitRepoCheck?: boolean;
  config: string[];
  profile?: string;
  strictConfig?: boolean;
  color: ExecOptions['color'];
  ephemeral?: boolean;
  oss?: boolean;
  localProvider?: string;
  remote?: string;
  remoteAuthTokenEnv?: string;
}

/** Options shared by `codex exec` and `codex exec resume`. */
export function addExecOptions(cmd: Command): Command {
  return addFeatureToggleOptions(cmd)
    .option(
      '-i, --image <FILE>',
      'attach images to the prompt (repeatable, or comma-separated)',
      collectList,
      [],
    )
    .option('--json', 'print events to stdout as JSON lines')
    .addOption(new Option('--experimental-json').hideHelp())
    .option('-o, --output-last-message <FILE>', "write the agent's last message to FILE")
    .option('--output-schema <FILE>', 'JSON Schema file the final message must follow')
    .option('-m, --model <MODEL>', 'model to use')
    .addOption(
      new Option('-s, --sandbox <MODE>', 'sandbox for model-run commands').choices([
        'read-only',
        'workspace-write',
        'danger-full-access',
      ]),
    )
    .option(
      '--dangerously-bypass-approvals-and-sandbox',
      'run every command without a sandbox and without asking (dangerous)',
    )
    .addOption(new Option('--yolo').hideHelp())
    .option('--full-auto', 'workspace-write sandbox, model asks only on failure')
    .option('-C, --cd <DIR>', 'working directory for the agent')
    .option('--add-dir <DIR>', 'extra writable directory (repeatable)', collect, [])
    .option('--skip-git-repo-check', 'allow running outside a git repository')
    .option('-c, --config <key=value>', 'override a config.toml value (repeatable)', collect, [])
    .option('-p, --profile <NAME>', 'config profile to use ([profiles.NAME] / NAME.config.toml)')
    .option('--strict-config', 'treat unknown config keys as errors')
    .addOption(
      new Option('--color <WHEN>', 'colour in human output')
        .choices(['always', 'never', 'auto'])
        .default('auto'),
    )
    .option('--ephemeral', 'do not persist the session')
    .option('--oss', 'use a local model provider (Ollama or LM Studio)')
    .addOption(
      new Option('--local-provider <PROVIDER>', 'which local provider --oss uses').choices([
        'lmstudio',
        'ollama',
      ]),
    )
    .option('--remote <URL>', 'run against a remote app server (ws://host:port or wss://host:port)')
    .option(
      '--remote-auth-token-env <VAR>',
      'environment variable holding the bearer token for --remote (wss:// or loopback ws:// only)',
    )
    .addOption(new Option('--thread-source <SOURCE>').hideHelp())
    .addOption(new Option('--cyber-access-program <PROGRAM>').hideHelp());
}

/** `codex exec resume` positionals and flags, after the `--last` reinterpretation. */
export interface ExecResumeArgs {
  sessionId: string | null;
  prompt: string | undefined;
  last: boolean;
  all: boolean;
}

/**
 * `codex exec resume [SESSION_ID] [PROMPT]`: with `--last` and one positional, that positional
 * is the prompt (`codex exec resume --last "fix it"`), as in the Rust CLI.
 */
export function execResumeArgs(
  first: string | undefined,
  second: string | undefined,
  flags: { last?: boolean; all?: boolean },
): ExecResumeArgs {
  const last = Boolean(flags.last);
  const all = Boolean(flags.all);
  if (last && second === undefined) return { sessionId: null, prompt: first, last, all };
  return { sessionId: first ?? null, prompt: second, last, all };
}

export function toExecOptions(
  prompt: string | undefined,
  flags: RawExecFlags & { experimentalJson?: boolean; yolo?: boolean },
  global: GlobalFlags & { configs: string[] },
  resume: ExecResumeArgs | null,
): ExecOptions {
  return {
    prompt: prompt ?? null,
    images: flags.image,
    json: Boolean(flags.json || flags.experimentalJson),
    outputLastMessage: flags.outputLastMessage ?? null,
    outputSchemaFile: flags.outputSchema ?? null,
    model: flags.model ?? null,
    sandbox: flags.sandbox ?? null,
    yolo: Boolean(flags.dangerouslyBypassApprovalsAndSandbox || flags.yolo),
    fullAuto: Boolean(flags.fullAuto),
    cd: flags.cd ?? null,
    addDirs: flags.addDir,
    skipGitRepoCheck: Boolean(flags.skipGitRepoCheck),
    configOverrides: [...global.configs, ...flags.config, ...featureToggleOverrides(flags)],
    profile: flags.profile ?? global.profile ?? null,
    strictConfig: Boolean(flags.strictConfig || global.strictConfig),
    color: flags.color,
    ephemeral: Boolean(flags.ephemeral),
    resumeThreadId: resume?.sessionId ?? null,
    resumeLast: resume?.last ?? false,
    resumeAll: resume?.all ?? false,
    oss: Boolean(flags.oss),
    localProvider: flags.localProvider ?? null,
    remote: flags.remote ?? null,
    remoteAuthTokenEnv: flags.remoteAuthTokenEnv ?? null,
  };
}

export async function run(options: ExecOptions): Promise<number> {
  const { runExec } = await import('@codex-ts/exec');
  return runExec(options, processIo(), frontEndMeta());
}

/**
 * The flags of an `exec` subcommand (`resume`, `review`) over those given to `exec` itself: the
 * subcommand's win, repeatable lists are joined, `--color auto` defers to the parent's.
 */
export function mergedExecFlags<F extends RawExecFlags>(exec: Command, flags: F): F {
  const parentFlags = exec.opts() as RawExecFlags;
  return {
    ...parentFlags,
    ...flags,
    config: [...parentFlags.config, ...flags.config],
    image: [...parentFlags.image, ...flags.image],
    addDir: [...parentFlags.addDir, ...flags.addDir],
    color: flags.color === 'auto' ? parentFlags.color : flags.color,
  };
}

/** Registers `codex exec` (alias `e`) and `codex exec resume`. */
export function registerExec(program: Command, setExit: (code: number) => void): void {
  const exec = addExecOptions(
    program
      .command('exec')
      .alias('e')
      .description('Run Codex non-interactively')
      .argument('[PROMPT]', 'the prompt; read from stdin when absent or "-"'),
  );
  exec.action(async (prompt: string | undefined, flags: RawExecFlags) => {
    setExit(await run(toExecOptions(prompt, flags, globalOf(program), null)));
  });
  addExecOptions(
    exec
      .command('resume')
      .description('Resume a previous session by id or name, or the most recent with --last')
      .argument('[SESSION_ID]', 'thread id (UUID) or thread name to resume')
      .argument('[PROMPT]', 'the prompt; read from stdin when absent or "-"')
      .option('--last', 'resume the most recent session (of this directory)')
      .option('--all', 'look in every directory, not only the current one'),
  ).action(
    async (
      first: string | undefined,
      second: string | undefined,
      flags: RawExecFlags & { last?: boolean; all?: boolean },
    ) => {
      const merged = mergedExecFlags(exec, flags);
      const resume = execResumeArgs(first, second, flags);
      setExit(await run(toExecOptions(resume.prompt, merged, globalOf(program), resume)));
    },
  );
}
