import { reviewTargetHint, type ReviewTarget } from '@codex-ts/protocol';

/** A `review/start` target that cannot be reviewed (an empty branch, sha or instructions). */
export class InvalidReviewTargetError extends Error {
  readonly code = 'review_invalid_target';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReviewTargetError';
  }
}

/** A validated review target and the short hint that names it to the user. */
export interface ReviewRequest {
  target: ReviewTarget;
  /** `current changes`, `changes against 'main'`, `commit 1234567: title`, or the instructions. */
  hint: string;
}

/**
 * Trims the target's fields and refuses empty ones, with the Rust app server's wording
 * (`branch must not be empty`, `sha must not be empty`, `instructions must not be empty`). A
 * blank commit title is dropped.
 */
export function normalizeReviewTarget(target: ReviewTarget): ReviewTarget {
  switch (target.type) {
    case 'uncommittedChanges':
      return { type: 'uncommittedChanges' };
    case 'baseBranch': {
      const branch = target.branch.trim();
      if (branch === '') throw new InvalidReviewTargetError('branch must not be empty');
      return { type: 'baseBranch', branch };
    }
    case 'commit': {
      const sha = target.sha.trim();
      if (sha === '') throw new InvalidReviewTargetError('sha must not be empty');
      const title = target.title?.trim() ?? '';
      return { type: 'commit', sha, title: title === '' ? null : title };
    }
    case 'custom': {
      const instructions = target.instructions.trim();
      if (instructions === '') {
        throw new InvalidReviewTargetError('instructions must not be empty');
      }
      return { type: 'custom', instructions };
    }
  }
}

/** Validates a target and names it; throws InvalidReviewTargetError. */
export function resolveReviewRequest(target: ReviewTarget): ReviewRequest {
  const normalized = normalizeReviewTarget(target);
  return { target: normalized, hint: reviewTargetHint(normalized) };
}
