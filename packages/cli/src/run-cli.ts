import { Command, CommanderError } from 'commander';
import { registerAppServer } from './app-server-command.js';
import { registerAppServerSchemaCommands } from './app-server-schema-command.js';
import { registerExec } from './exec-command.js';
import { registerExecpolicy } from './execpolicy-subcommand.js';
import { registerDebug } from './debug-command.js';
import { registerFeatures } from './features-command.js';
import { addFeatureToggleOptions } from './global-flags.js';
import { registerLogin } from './login-command.js';
import { registerMcp } from './mcp-command.js';
import { registerExecReview, registerReview } from './review-command.js';
import { registerSandbox } from './sandbox-subcommand.js';
import { registerSessionCommands } from './session-commands.js';
import { addTuiOptions, runTuiCommand, tuiOptions } from './tui-command.js';
import { CODEX_VERSION } from './version.js';

const SUCCESS_CODES = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** Help and version exit 0; every usage error exits 2, as clap's do in the Rust CLI. */
function exitCodeFor(err: CommanderError): number {
  return SUCCESS_CODES.has(err.code) ? 0 : 2;
}

/** Parses argv and runs the chosen subcommand; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('codex')
    .description('Codex: a coding agent in your terminal')
    .version(`codex-cli ${CODEX_VERSION}`, '-V, --version', 'print the version')
    .option(
      '-c, --config <key=value>',
      'override a config.toml value (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [],
    )
    .option('--search', 'enable live web search (same as -c web_search="live")')
    .option('-p, --profile <NAME>', 'config profile to use ([profiles.NAME] / NAME.config.toml)')
    .option('--strict-config', 'treat unknown config keys as errors')
    .enablePositionalOptions()
    .showHelpAfterError("For more information, try '--help'.")
    .exitOverride();
  const setExit = (code: number): void => {
    exitCode = code;
  };
  addFeatureToggleOptions(program);
  registerExec(program, setExit);
  registerSandbox(program, setExit);
  registerExecpolicy(program, setExit);
  registerFeatures(program, setExit);
  registerLogin(program, setExit);
  registerDebug(program, setExit);
  registerSessionCommands(program, setExit);
  registerMcp(program, setExit);
  registerExecReview(program, setExit);
  registerReview(program, setExit);
  registerAppServerSchemaCommands(registerAppServer(program, setExit), setExit);
  addTuiOptions(program);
  program
    .argument('[PROMPT]', 'optional first message of the interactive session')
    .action(async (prompt: string | undefined) => {
      exitCode = await runTuiCommand(tuiOptions(program, prompt, null));
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return exitCodeFor(err);
    throw err;
  }
  return exitCode;
}
