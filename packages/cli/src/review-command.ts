import type { Command } from 'commander';
import type { ExecReviewArgs } from '@codex-ts/exec';
import {
  addExecOptions,
  globalOf,
  mergedExecFlags,
  run,
  toExecOptions,
  type RawExecFlags,
} from './exec-command.js';

/** The target flags of `codex exec review` and `codex review`. */
interface RawReviewFlags {
  uncommitted?: boolean;
  base?: string;
  commit?: string;
  title?: string;
}

/** Adds the review target: `--uncommitted`, `--base`, `--commit` (+ `--title`) or PROMPT. */
function addReviewOptions(cmd: Command): Command {
  return cmd
    .argument('[PROMPT]', 'custom review instructions; read from stdin when "-"')
    .option('--uncommitted', 'review staged, unstaged, and untracked changes')
    .option('--base <BRANCH>', 'review changes against the given base branch')
    .option('--commit <SHA>', 'review the changes introduced by a commit')
    .option('--title <TITLE>', 'optional commit title to display in the review summary');
}

/**
 * The review target flags, checked as clap checks the Rust CLI's: the targets exclude each
 * other and `--title` needs `--commit` (a usage error, exit 2). No target at all is left to
 * exec, which answers it as the Rust CLI does.
 */
function reviewArgs(
  cmd: Command,
  prompt: string | undefined,
  flags: RawReviewFlags,
): ExecReviewArgs {
  const given: Array<[string, boolean]> = [
    ['--uncommitted', Boolean(flags.uncommitted)],
    ['--base <BRANCH>', flags.base !== undefined],
    ['--commit <SHA>', flags.commit !== undefined],
    ['[PROMPT]', prompt !== undefined],
  ];
  const chosen = given.filter(([, set]) => set).map(([name]) => name);
  if (chosen.length > 1) {
    cmd.error(`error: the argument '${chosen[0]}' cannot be used with '${chosen[1]}'`, {
      code: 'commander.conflictingOption',
    });
  }
  if (flags.title !== undefined && flags.commit === undefined) {
    cmd.error('error: the following required arguments were not provided:\n  --commit <SHA>', {
      code: 'commander.missingMandatoryOptionValue',
    });
  }
  return {
    uncommitted: Boolean(flags.uncommitted),
    base: flags.base ?? null,
    commit: flags.commit ?? null,
    title: flags.title ?? null,
    prompt: prompt ?? null,
  };
}

/** The exec defaults `codex review` runs with (human output, no exec flags of its own). */
const DEFAULT_EXEC_FLAGS: RawExecFlags = { image: [], addDir: [], config: [], color: 'auto' };

/**
 * `codex exec review` (registered after `codex exec`): the exec options, before or after
 * `review`, plus a review target.
 */
export function registerExecReview(program: Command, setExit: (code: number) => void): void {
  const exec = program.commands.find((c) => c.name() === 'exec');
  if (exec === undefined) throw new Error('register `codex exec` before `codex exec review`');
  const review = addExecOptions(
    addReviewOptions(
      exec.command('review').description('Run a code review against the current repository'),
    ),
  );
  review.action(async (prompt: string | undefined, flags: RawExecFlags & RawReviewFlags) => {
    const merged = mergedExecFlags(exec, flags);
    const target = reviewArgs(review, prompt, flags);
    const options = toExecOptions(undefined, merged, globalOf(program), null);
    setExit(await run({ ...options, review: target }));
  });
}

/** `codex review`: `codex exec review` with exec's defaults (the root `-c` flags apply). */
export function registerReview(program: Command, setExit: (code: number) => void): void {
  const review = addReviewOptions(
    program.command('review').description('Run a code review non-interactively'),
  );
  review.action(async (prompt: string | undefined, flags: RawReviewFlags) => {
    const target = reviewArgs(review, prompt, flags);
    const options = toExecOptions(undefined, DEFAULT_EXEC_FLAGS, globalOf(program), null);
    setExit(await run({ ...options, review: target }));
  });
}
