import type { ReviewTarget } from '@codex-ts/protocol';
import { ExecUsageError, type ExecIo, type ExecReviewArgs } from './exec-options.js';
import { resolvePrompt } from './prompt-input.js';

/**
 * The `review/start` target of `codex exec review`: `--uncommitted`, `--base`, `--commit` (with
 * `--title`), else the custom instructions (from stdin for `-`), as the Rust CLI builds it.
 */
export async function reviewTarget(args: ExecReviewArgs, io: ExecIo): Promise<ReviewTarget> {
  if (args.uncommitted) return { type: 'uncommittedChanges' };
  if (args.base !== null) return { type: 'baseBranch', branch: args.base };
  if (args.commit !== null) return { type: 'commit', sha: args.commit, title: args.title };
  if (args.prompt !== null) {
    const text = args.prompt === '-' ? await resolvePrompt('-', io) : args.prompt;
    const instructions = text.trim();
    if (instructions === '') throw new ExecUsageError('Review prompt cannot be empty');
    return { type: 'custom', instructions };
  }
  throw new ExecUsageError(
    'Specify --uncommitted, --base, --commit, or provide custom review instructions',
  );
}
