import { type Command, Option } from 'commander';
import type { TuiOptions, TuiSessionTarget } from '@codex-ts/tui';
import { globalConfigStrings, globalFlagsOf } from './global-flags.js';
import { frontEndMeta, processIo } from './front-end-io.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const collectList = (value: string, previous: string[]): string[] => [
  ...previous,
  ...value.split(',').filter((part) => part !== ''),
];

/** The interactive options of `codex [OPTIONS] [PROMPT]` (root-level, as in the Rust CLI). */
export interface RawTuiFlags {
  model?: string;
  sandbox?: TuiOptions['sandbox'];
  askForApproval?: TuiOptions['approvalPolicy'];
  fullAuto?: boolean;
  dangerouslyBypassApprovalsAndSandbox?: boolean;
  yolo?: boolean;
  cd?: string;
  addDir: string[];
  image: string[];
  oss?: boolean;
  localProvider?: string;
  remote?: string;
  remoteAuthTokenEnv?: string;
  altScreen?: boolean;
}

/** Adds the TUI's options to the root command. */
export function addTuiOptions(program: Command): Command {
  return program
    .option('-m, --model <MODEL>', 'model the agent should use')
    .addOption(
      new Option('-s, --sandbox <MODE>', 'sandbox for model-run commands').choices([
        'read-only',
        'workspace-write',
        'danger-full-access',
      ]),
    )
    .addOption(
      new Option(
        '-a, --ask-for-approval <POLICY>',
        'when the model must ask before running',
      ).choices(['untrusted', 'on-failure', 'on-request', 'never']),
    )
    .option('--full-auto', 'workspace-write sandbox; the model asks when it needs more')
    .option(
      '--dangerously-bypass-approvals-and-sandbox',
      'run every command without a sandbox and without asking (dangerous)',
    )
    .addOption(new Option('--yolo').hideHelp())
    .option('-C, --cd <DIR>', 'working directory for the agent')
    .option('--add-dir <DIR>', 'extra writable directory (repeatable)', collect, [])
    .option('-i, --image <FILE>', 'attach images to the first prompt', collectList, [])
    .option('--oss', 'use a local model provider (Ollama or LM Studio)')
    .addOption(
      new Option('--local-provider <PROVIDER>', 'which local provider --oss uses').choices([
        'lmstudio',
        'ollama',
      ]),
    )
    .option('--remote <URL>', 'drive a remote app server (ws://host:port or wss://host:port)')
    .option('--remote-auth-token-env <VAR>', 'environment variable holding the bearer token')
    .option('--no-alt-screen', 'keep the inline UI (always the case in this build)');
}

/** Builds the TUI options from the root command's flags (and a session target). */
export function tuiOptions(
  program: Command,
  prompt: string | undefined,
  session: TuiSessionTarget | null,
  overrides: Partial<RawTuiFlags> = {},
): TuiOptions {
  const flags = { ...(program.opts() as RawTuiFlags), ...overrides };
  const global = globalFlagsOf(program);
  const configOverrides = [...globalConfigStrings(program)];
  return {
    prompt: prompt ?? null,
    images: flags.image ?? [],
    model: flags.model ?? null,
    sandbox: flags.sandbox ?? null,
    approvalPolicy: flags.askForApproval ?? null,
    fullAuto: Boolean(flags.fullAuto),
    yolo: Boolean(flags.dangerouslyBypassApprovalsAndSandbox || flags.yolo),
    cd: flags.cd ?? null,
    addDirs: flags.addDir ?? [],
    configOverrides,
    profile: global.profile ?? null,
    strictConfig: Boolean(global.strictConfig),
    oss: Boolean(flags.oss),
    localProvider: flags.localProvider ?? null,
    remote: flags.remote ?? null,
    remoteAuthTokenEnv: flags.remoteAuthTokenEnv ?? null,
    session,
    noAltScreen: flags.altScreen === false,
  };
}

/** Runs the TUI (loaded only now: Ink and React stay out of every other command). */
export async function runTuiCommand(options: TuiOptions): Promise<number> {
  const { runTui } = await import('@codex-ts/tui');
  return runTui(options, processIo(), frontEndMeta());
}
