import * as z from 'zod';

// The reviewer's final message is a JSON object (the Rust Codex's `ReviewOutputEvent`). It is
// parsed leniently: the whole text, else the span from the first `{` to the last `}` (a model
// that wrapped the JSON in prose or a code fence), else the text itself as the explanation.

const LineRangeSchema = z.object({ start: z.number(), end: z.number() });

const FindingSchema = z.object({
  title: z.string(),
  body: z.string(),
  confidence_score: z.number(),
  priority: z.number().int(),
  code_location: z.object({ absolute_file_path: z.string(), line_range: LineRangeSchema }),
});

const ReviewOutputSchema = z
  .object({
    findings: z.array(FindingSchema).default([]),
    overall_correctness: z.string().default(''),
    overall_explanation: z.string().default(''),
    overall_confidence_score: z.number().default(0),
  })
  // An object with neither findings nor an explanation is not a review (some other JSON).
  .refine(
    (v) => v.findings.length > 0 || v.overall_explanation !== '' || v.overall_correctness !== '',
  );

export type ReviewFinding = z.infer<typeof FindingSchema>;
export type ReviewOutput = z.output<typeof ReviewOutputSchema>;

/** What the review shows when the reviewer produced nothing usable. */
export const REVIEW_FALLBACK_MESSAGE = 'Reviewer failed to output a response.';

function parseJsonReview(text: string): ReviewOutput | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ReviewOutputSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The review in the reviewer's final message; plain text becomes the overall explanation. */
export function parseReviewOutput(text: string): ReviewOutput {
  const whole = parseJsonReview(text);
  if (whole !== null) return whole;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start !== -1 && start < end) {
    const inner = parseJsonReview(text.slice(start, end + 1));
    if (inner !== null) return inner;
  }
  return {
    findings: [],
    overall_correctness: '',
    overall_explanation: text,
    overall_confidence_score: 0,
  };
}

/** The lines of a text as Rust's `str::lines` gives them (no empty line after a final newline). */
function bodyLines(body: string): string[] {
  if (body === '') return [];
  return body.replace(/\r?\n$/, '').split(/\r?\n/);
}

function location(finding: ReviewFinding): string {
  const { absolute_file_path: path, line_range: range } = finding.code_location;
  return `${path}:${range.start}-${range.end}`;
}

/**
 * The findings as plain text: a header (`Review comment:` for one, `Full review comments:` for
 * several), then per finding a blank line, `- <title> — <path>:<start>-<end>` and the body
 * indented by two spaces. Starts with an empty line.
 */
export function formatReviewFindingsBlock(findings: readonly ReviewFinding[]): string {
  const lines = ['', findings.length > 1 ? 'Full review comments:' : 'Review comment:'];
  for (const finding of findings) {
    lines.push('', `- ${finding.title} — ${location(finding)}`);
    for (const line of bodyLines(finding.body)) lines.push(`  ${line}`);
  }
  return lines.join('\n');
}

/**
 * The review as the `exitedReviewMode` item's text: the overall explanation, then the findings
 * block, separated by a blank line; the fallback message when both are empty.
 */
export function renderReviewOutputText(output: ReviewOutput): string {
  const sections: string[] = [];
  const explanation = output.overall_explanation.trim();
  if (explanation !== '') sections.push(explanation);
  if (output.findings.length > 0) {
    const block = formatReviewFindingsBlock(output.findings).trim();
    if (block !== '') sections.push(block);
  }
  return sections.length === 0 ? REVIEW_FALLBACK_MESSAGE : sections.join('\n\n');
}
