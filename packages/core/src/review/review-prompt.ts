import type { ReviewTarget } from '@codex-ts/protocol';
import { mergeBaseWithHead } from './git-merge-base.js';

// The user message a review turn sends for each target. The wording is the Rust Codex's, so a
// review reads the same to the model (and in the rollout) whichever implementation ran it.

const UNCOMMITTED =
  'Review the current code changes (staged, unstaged, and untracked files) and provide prioritized findings.';

function baseBranchWithMergeBase(branch: string, sha: string): string {
  return (
    `Review the code changes against the base branch '${branch}'. ` +
    `The merge base commit for this comparison is ${sha}. ` +
    `Run \`git diff ${sha}\` to inspect the changes relative to ${branch}. ` +
    'Provide prioritized, actionable findings.'
  );
}

/** Without a merge base (no repository, unknown branch): the model finds it itself. */
function baseBranchWithoutMergeBase(branch: string): string {
  return (
    `Review the code changes against the base branch '${branch}'. ` +
    `Start by finding the merge diff between the current branch and ${branch}'s upstream e.g. ` +
    `(\`git merge-base HEAD "$(git rev-parse --abbrev-ref "${branch}@{upstream}")"\`), ` +
    `then run \`git diff\` against that SHA to see what changes we would merge into the ${branch} branch. ` +
    'Provide prioritized, actionable findings.'
  );
}

function commitPrompt(sha: string, title: string | null | undefined): string {
  const subject = title ? ` ("${title}")` : '';
  return `Review the code changes introduced by commit ${sha}${subject}. Provide prioritized, actionable findings.`;
}

/**
 * The review's user message for a (normalized) target. A base branch is resolved to its merge
 * base with HEAD in `cwd` using the real `git`.
 */
export async function reviewPrompt(target: ReviewTarget, cwd: string): Promise<string> {
  switch (target.type) {
    case 'uncommittedChanges':
      return UNCOMMITTED;
    case 'baseBranch': {
      const sha = await mergeBaseWithHead(cwd, target.branch).catch(() => null);
      return sha === null
        ? baseBranchWithoutMergeBase(target.branch)
        : baseBranchWithMergeBase(target.branch, sha);
    }
    case 'commit':
      return commitPrompt(target.sha, target.title);
    case 'custom':
      return target.instructions.trim();
  }
}
