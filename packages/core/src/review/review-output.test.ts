import { describe, expect, it } from 'vitest';
import {
  formatReviewFindingsBlock,
  parseReviewOutput,
  REVIEW_FALLBACK_MESSAGE,
  renderReviewOutputText,
  type ReviewFinding,
} from './review-output.js';

const finding = (title: string, body: string, path = '/repo/a.ts'): ReviewFinding => ({
  title,
  body,
  confidence_score: 0.8,
  priority: 1,
  code_location: { absolute_file_path: path, line_range: { start: 10, end: 12 } },
});

const review = {
  findings: [finding('[P1] Off by one', 'The loop skips the last item.\nUse <= here.')],
  overall_correctness: 'patch is incorrect',
  overall_explanation: 'One bug in the loop.',
  overall_confidence_score: 0.7,
};

describe('parseReviewOutput', () => {
  it('reads the JSON object of the final message', () => {
    expect(parseReviewOutput(JSON.stringify(review))).toEqual(review);
  });

  it('finds the object inside prose or a code fence', () => {
    const text = `Here is my review:\n\`\`\`json\n${JSON.stringify(review, null, 2)}\n\`\`\`\nDone.`;
    expect(parseReviewOutput(text)).toEqual(review);
  });

  it('fills fields the model left out', () => {
    expect(parseReviewOutput('{"overall_explanation": "Looks fine."}')).toEqual({
      findings: [],
      overall_correctness: '',
      overall_explanation: 'Looks fine.',
      overall_confidence_score: 0,
    });
  });

  it('keeps plain text, malformed JSON and foreign JSON as the explanation', () => {
    for (const text of [
      'The change looks good to me.',
      '{"findings": [ {"title": "cut off"',
      '{"findings": [{"title": "no location", "body": "x"}]}',
      '{"answer": 42}',
      '[1, 2, 3]',
    ]) {
      expect(parseReviewOutput(text)).toEqual({
        findings: [],
        overall_correctness: '',
        overall_explanation: text,
        overall_confidence_score: 0,
      });
    }
  });
});

describe('rendering', () => {
  it('formats one finding under "Review comment:" with an indented body', () => {
    expect(formatReviewFindingsBlock(review.findings)).toBe(
      [
        '',
        'Review comment:',
        '',
        '- [P1] Off by one — /repo/a.ts:10-12',
        '  The loop skips the last item.',
        '  Use <= here.',
      ].join('\n'),
    );
  });

  it('formats several findings under "Full review comments:"', () => {
    const block = formatReviewFindingsBlock([finding('A', 'a\n'), finding('B', '', '/repo/b.ts')]);
    expect(block).toBe(
      [
        '',
        'Full review comments:',
        '',
        '- A — /repo/a.ts:10-12',
        '  a',
        '',
        '- B — /repo/b.ts:10-12',
      ].join('\n'),
    );
  });

  it('renders the explanation, a blank line, then the findings', () => {
    expect(renderReviewOutputText(review)).toBe(
      [
        'One bug in the loop.',
        '',
        'Review comment:',
        '',
        '- [P1] Off by one — /repo/a.ts:10-12',
        '  The loop skips the last item.',
        '  Use <= here.',
      ].join('\n'),
    );
  });

  it('renders plain-text output as itself and an empty review as the fallback', () => {
    expect(renderReviewOutputText(parseReviewOutput('  No issues found.\n'))).toBe(
      'No issues found.',
    );
    expect(
      renderReviewOutputText(
        parseReviewOutput('{"findings": [], "overall_correctness": "patch is correct"}'),
      ),
    ).toBe(REVIEW_FALLBACK_MESSAGE);
  });
});
