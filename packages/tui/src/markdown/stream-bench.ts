import { createStreamCommitter } from './stream-committer.js';

/** What one run of the stream benchmark measured. */
export interface StreamBenchResult {
  lines: number;
  deltas: number;
  committedLines: number;
  totalMs: number;
  /** Mean and worst cost of one `push` + `tail` (what one streamed delta costs the UI). */
  meanDeltaMs: number;
  maxDeltaMs: number;
}

/** A markdown message of about `lines` source lines: paragraphs, lists, code and a table. */
export function benchMessage(lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let section = 0; count < lines; section++) {
    const block = [
      `## Section ${section}`,
      '',
      `Paragraph ${section} with **bold**, \`code\` and a [link](https://example.com/${section}).`,
      'It continues on a second line of plain words to wrap.',
      '',
      '- first item',
      '- second item with `inline code`',
      '  - nested item',
      '',
      '```ts',
      `const value${section}: number = ${section};`,
      'function add(a: number, b: number): number { return a + b; }',
      '```',
      '',
      '| key | value |',
      '| --- | ----- |',
      `| n | ${section} |`,
      '',
    ];
    parts.push(...block);
    count += block.length;
  }
  return parts.slice(0, lines).join('\n') + '\n';
}

/**
 * Streams a `lines`-line markdown message through the committer in small deltas (a few
 * characters each, like model output), asking for the live tail after every delta as the UI
 * does. Not a timed test: `npm run bench` prints the figures.
 */
export function benchStreamCommit(lines: number, color = true): StreamBenchResult {
  const message = benchMessage(lines);
  const committer = createStreamCommitter({ width: 100, color });
  let committedLines = 0;
  let deltas = 0;
  let maxDeltaMs = 0;
  const start = performance.now();
  for (let i = 0; i < message.length; i += 7) {
    const t0 = performance.now();
    committedLines += committer.push(message.slice(i, i + 7)).length;
    committer.tail();
    const dt = performance.now() - t0;
    if (dt > maxDeltaMs) maxDeltaMs = dt;
    deltas++;
  }
  committedLines += committer.finish().length;
  const totalMs = performance.now() - start;
  return { lines, deltas, committedLines, totalMs, meanDeltaMs: totalMs / deltas, maxDeltaMs };
}
