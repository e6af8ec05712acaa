import { describe, expect, it } from 'vitest';
import { InvalidReviewTargetError, resolveReviewRequest } from './review-target.js';

describe('resolveReviewRequest', () => {
  it('names each target with the hint the user sees', () => {
    expect(resolveReviewRequest({ type: 'uncommittedChanges' })).toEqual({
      target: { type: 'uncommittedChanges' },
      hint: 'current changes',
    });
    expect(resolveReviewRequest({ type: 'baseBranch', branch: ' main ' })).toEqual({
      target: { type: 'baseBranch', branch: 'main' },
      hint: "changes against 'main'",
    });
    expect(
      resolveReviewRequest({ type: 'commit', sha: '1234567deadbeef', title: ' Tidy colors ' }),
    ).toEqual({
      target: { type: 'commit', sha: '1234567deadbeef', title: 'Tidy colors' },
      hint: 'commit 1234567: Tidy colors',
    });
    expect(resolveReviewRequest({ type: 'commit', sha: 'abc', title: '  ' })).toEqual({
      target: { type: 'commit', sha: 'abc', title: null },
      hint: 'commit abc',
    });
    expect(
      resolveReviewRequest({ type: 'custom', instructions: '\n Check the parser \n' }),
    ).toEqual({
      target: { type: 'custom', instructions: 'Check the parser' },
      hint: 'Check the parser',
    });
  });

  it('refuses empty fields with the wording of the Rust app server', () => {
    const refusal = (fn: () => unknown): { code: string; message: string } => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidReviewTargetError);
        const e = err as InvalidReviewTargetError;
        return { code: e.code, message: e.message };
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => resolveReviewRequest({ type: 'baseBranch', branch: '   ' }))).toEqual({
      code: 'review_invalid_target',
      message: 'branch must not be empty',
    });
    expect(refusal(() => resolveReviewRequest({ type: 'commit', sha: '\t' }))).toEqual({
      code: 'review_invalid_target',
      message: 'sha must not be empty',
    });
    expect(refusal(() => resolveReviewRequest({ type: 'custom', instructions: '\n\n' }))).toEqual({
      code: 'review_invalid_target',
      message: 'instructions must not be empty',
    });
  });
});
