import { type Command, Option } from 'commander';
import type * as SandboxingModule from '@codex-ts/sandboxing';
import type { PreparedCommand } from '@codex-ts/sandboxing';
import { loadCliConfig } from './global-flags.js';
import { sandboxHelperCommand } from './sandbox-helper-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface SandboxFlags {
  fullAuto?: boolean;
  sandbox?: 'read-only' | 'workspace-write' | 'danger-full-access';
  config: string[];
  addDir: string[];
  method?: 'auto' | 'bwrap' | 'landlock';
}

/**
 * `codex sandbox linux|macos -- CMD...`: runs one command under the sandbox a session would use
 * (config's `sandbox_mode` and `[sandbox_workspace_write]`, `--full-auto` for workspace-write),
 * with inherited stdio, and exits with the command's status.
 */
async function runSandboxed(
  platform: 'linux' | 'macos',
  command: string[],
  flags: SandboxFlags,
  program: Command,
): Promise<number> {
  const wanted = platform === 'linux' ? 'linux' : 'darwin';
  if (process.platform !== wanted) {
    process.stderr.write(
      `codex sandbox ${platform} only runs on ${platform === 'linux' ? 'Linux' : 'macOS'}.\n`,
    );
    return 1;
  }
  const [{ extraWritableRoots }, sandboxing] = await Promise.all([
    import('@codex-ts/config'),
    import('@codex-ts/sandboxing'),
  ]);
  const config = await loadCliConfig(program, flags.config, {
    sandboxMode: flags.fullAuto ? 'workspace-write' : (flags.sandbox ?? null),
    additionalWritableRoots: flags.addDir,
  });
  const policy = {
    mode: config.sandboxMode,
    cwd: config.cwd,
    writableRoots: extraWritableRoots(config),
    networkAccess: config.sandboxWorkspaceWrite.networkAccess,
    excludeTmpdirEnvVar: config.sandboxWorkspaceWrite.excludeTmpdirEnvVar,
    excludeSlashTmp: config.sandboxWorkspaceWrite.excludeSlashTmp,
  };
  const env = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const cmd = { argv: command, cwd: config.cwd, env };
  const prepared =
    platform === 'linux'
      ? await sandboxing.prepareLinuxSandboxedCommand(cmd, policy, {
          helperCommand: sandboxHelperCommand() ?? [],
          method: flags.method ?? 'auto',
          newSession: false,
        })
      : seatbeltPrepared(sandboxing, cmd, policy);
  const child = sandboxing.spawnPreparedCommand(prepared, { cwd: config.cwd, stdio: 'inherit' });
  return new Promise<number>((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`codex sandbox: ${err.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

type Sandboxing = typeof SandboxingModule;

function seatbeltPrepared(
  sandboxing: Sandboxing,
  cmd: { argv: string[]; cwd: string; env: Record<string, string> },
  policy: Parameters<Sandboxing['writableRootsFor']>[0],
): PreparedCommand {
  const writableRoots = sandboxing.writableRootsFor(policy, cmd.env).map((r) => ({
    root: r.root,
    readOnlySubpaths: [...r.readOnlySubpaths, ...r.missingReadOnlySubpaths],
  }));
  const s = sandboxing.prepareSeatbeltCommand(cmd, policy, { writableRoots });
  return { file: s.file, args: s.args, env: s.env, kind: 'none' };
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = {
    SIGINT: 2,
    SIGKILL: 9,
    SIGTERM: 15,
    SIGSEGV: 11,
  };
  return numbers[signal] ?? 1;
}

/** Registers `codex sandbox linux` and `codex sandbox macos` (alias `seatbelt`). */
export function registerSandbox(program: Command, setExit: (code: number) => void): void {
  const sandbox = program
    .command('sandbox')
    .description('Run a command inside the Codex sandbox')
    .enablePositionalOptions();
  for (const [name, alias] of [
    ['linux', 'landlock'],
    ['macos', 'seatbelt'],
  ] as const) {
    const sub = sandbox
      .command(name)
      .alias(alias)
      .description(`Run a command under the ${name === 'linux' ? 'Linux' : 'macOS'} sandbox`)
      .argument('<COMMAND...>', 'the command and its arguments (after --)')
      .option('--full-auto', 'workspace-write: the cwd and writable roots are writable')
      .addOption(
        new Option('-s, --sandbox <MODE>', 'sandbox mode').choices([
          'read-only',
          'workspace-write',
          'danger-full-access',
        ]),
      )
      .option('--add-dir <DIR>', 'extra writable directory (repeatable)', collect, [])
      .option('-c, --config <key=value>', 'override a config.toml value (repeatable)', collect, [])
      .passThroughOptions();
    if (name === 'linux') {
      sub.addOption(
        new Option('--method <METHOD>', 'Linux sandbox method').choices([
          'auto',
          'bwrap',
          'landlock',
        ]),
      );
    }
    sub.action(async (command: string[], flags: SandboxFlags) => {
      try {
        setExit(await runSandboxed(name, command, flags, program));
      } catch (err) {
        process.stderr.write(`Error: ${(err as Error).message}\n`);
        setExit(1);
      }
    });
  }
}
