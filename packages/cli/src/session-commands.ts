import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { AppServerClient } from '@codex-ts/app-server-client';
import type { SandboxMode } from '@codex-ts/protocol';
import type { SessionClient, SessionIo } from './session-actions.js';
import { globalConfigStrings, globalFlagsOf } from './global-flags.js';
import { CODEX_VERSION } from './version.js';

interface LookupFlags {
  last?: boolean;
  all?: boolean;
  cd?: string;
}

interface ForkFlags extends LookupFlags {
  model?: string;
  sandbox?: SandboxMode;
}

/** Asks on the terminal (stderr), or null when stdin is not a terminal. */
function terminalConfirm(): SessionIo['confirm'] {
  if (!process.stdin.isTTY) return null;
  return async (question) => {
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  };
}

/**
 * Runs a session command against an in-process app server. A session that cannot be found is
 * reported as the Rust CLI does (`ERROR: No saved session found ...`); other failures as
 * `Error: <message>`. Both exit 1.
 */
async function withClient(
  action: (client: SessionClient, io: SessionIo) => Promise<number>,
): Promise<number> {
  const io: SessionIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    confirm: terminalConfirm(),
  };
  const [clientModule, { SessionNotFoundError }] = await Promise.all([
    import('@codex-ts/app-server-client'),
    import('./session-actions.js'),
  ]);
  let client: AppServerClient | null = null;
  try {
    client = await clientModule.AppServerClient.inProcess({
      env: process.env,
      sessionSource: 'cli',
      cliVersion: CODEX_VERSION,
      clientInfo: { name: 'codex_cli_rs', version: CODEX_VERSION },
    });
    return await action(client, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      error instanceof SessionNotFoundError ? `ERROR: ${message}\n` : `Error: ${message}\n`,
    );
    return 1;
  } finally {
    await client?.close();
  }
}

/** The root `-c` strings and `--profile` as a thread's config map (as `codex exec` sends them). */
async function configMap(program: Command): Promise<Record<string, unknown>> {
  const { parseConfigOverride } = await import('@codex-ts/config');
  const config: Record<string, unknown> = {};
  for (const raw of globalConfigStrings(program)) {
    const [key, value] = parseConfigOverride(raw);
    config[key] = value;
  }
  const { profile } = globalFlagsOf(program);
  if (profile) config['profile'] = profile;
  return config;
}

function lookupOf(sessionId: string | undefined, flags: LookupFlags) {
  const last = Boolean(flags.last);
  return {
    // With --last a positional is a prompt (for the TUI), not a session.
    sessionId: last ? null : (sessionId ?? null),
    last,
    all: Boolean(flags.all),
    cwd: resolve(process.cwd(), flags.cd ?? '.'),
  };
}

/**
 * Registers `codex resume`, `codex fork`, `codex archive`, `codex unarchive` and `codex delete`.
 * SESSION is a thread id (UUID) or a thread name.
 */
export function registerSessionCommands(program: Command, setExit: (code: number) => void): void {
  program
    .command('resume')
    .description('Resume a previous interactive session (picker, id or name, or --last)')
    .argument('[SESSION_ID]', 'thread id (UUID) or thread name')
    .argument('[PROMPT]', 'optional message to send once the session is open')
    .option('--last', 'continue the most recent session without showing the picker')
    .option('--all', 'look in every directory, not only the current one')
    .option('-C, --cd <DIR>', 'working directory (sessions are looked up for it)')
    .action(async (first: string | undefined, second: string | undefined, flags: LookupFlags) => {
      // With --last a lone positional is the prompt, as in the Rust CLI.
      const last = Boolean(flags.last);
      const sessionId = last ? null : (first ?? null);
      const prompt = last ? first : second;
      const { runTuiCommand, tuiOptions } = await import('./tui-command.js');
      const target = { action: 'resume' as const, sessionId, last, all: Boolean(flags.all) };
      const options = tuiOptions(program, prompt, target, flags.cd ? { cd: flags.cd } : {});
      setExit(await runTuiCommand(options));
    });

  program
    .command('fork')
    .description(
      'Fork a previous session and continue in the fork (prints the new id when not on a terminal)',
    )
    .argument('[SESSION_ID]', 'thread id (UUID) or thread name')
    .option('--last', 'fork the most recent session')
    .option('--all', 'look in every directory, not only the current one')
    .option('-C, --cd <DIR>', 'working directory of the new session')
    .option('-m, --model <MODEL>', 'model for the new session')
    .addOption(
      new Option('-s, --sandbox <MODE>', 'sandbox for the new session').choices([
        'read-only',
        'workspace-write',
        'danger-full-access',
      ]),
    )
    .action(async (sessionId: string | undefined, flags: ForkFlags, cmd: Command) => {
      if (flags.last && sessionId !== undefined) {
        cmd.error("error: the argument '--last' cannot be used with '[SESSION_ID]'");
      }
      if (process.stdin.isTTY && process.stdout.isTTY) {
        const { runTuiCommand, tuiOptions } = await import('./tui-command.js');
        const target = {
          action: 'fork' as const,
          sessionId: flags.last ? null : (sessionId ?? null),
          last: Boolean(flags.last),
          all: Boolean(flags.all),
        };
        const options = tuiOptions(program, undefined, target, {
          ...(flags.cd ? { cd: flags.cd } : {}),
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.sandbox ? { sandbox: flags.sandbox } : {}),
        });
        setExit(await runTuiCommand(options));
        return;
      }
      const { forkSession } = await import('./session-actions.js');
      const lookup = lookupOf(sessionId, flags);
      const settings = {
        cwd: lookup.cwd,
        model: flags.model ?? null,
        sandbox: flags.sandbox ?? null,
        config: await configMap(program),
      };
      setExit(await withClient((c, io) => forkSession(c, io, lookup, settings)));
    });

  for (const archived of [true, false]) {
    program
      .command(archived ? 'archive' : 'unarchive')
      .description(
        archived
          ? 'Archive a session (hidden from resume and lists until unarchived)'
          : 'Restore an archived session',
      )
      .argument('<SESSION>', 'thread id (UUID) or thread name')
      .action(async (session: string) => {
        const { setArchived } = await import('./session-actions.js');
        setExit(await withClient((c, io) => setArchived(c, io, session, archived)));
      });
  }

  program
    .command('delete')
    .description('Delete a session and its stored history')
    .argument('<SESSION>', 'thread id (UUID) or thread name')
    .option('--force', 'do not ask for confirmation')
    .action(async (session: string, flags: { force?: boolean }) => {
      const { deleteSession } = await import('./session-actions.js');
      setExit(await withClient((c, io) => deleteSession(c, io, session, Boolean(flags.force))));
    });
}
