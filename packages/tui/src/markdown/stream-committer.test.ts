import { describe, expect, it } from 'vitest';
import { agentLines, createStreamCommitter } from './stream-committer.js';
import { benchMessage, benchStreamCommit } from './stream-bench.js';
import { renderMarkdown } from './render-markdown.js';

const MESSAGE = [
  '# Plan',
  '',
  'First paragraph with **bold** text that is long enough to wrap at forty columns.',
  'A second line of the same paragraph.',
  '',
  '',
  '- one',
  '- two with `code`',
  '  - nested',
  '- three',
  '',
  '- loose four',
  '',
  '1. first',
  '1. second',
  '',
  '1. third after a blank',
  'Intro line',
  '```ts',
  'const x = 1;',
  '',
  '  return x;',
  '```',
  'after the fence',
  '',
  '> quote',
  '> more',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '---',
  '<!-- comment',
  '',
  'still comment -->',
  '',
  '3. starts at three',
  '4. four',
  '',
  '```',
  'unclosed fence',
  '',
].join('\n');

function whole(md: string, width: number, color: boolean): string[] {
  return agentLines(renderMarkdown(md, { width: width - 2, color }), color, true);
}

function streamed(md: string, width: number, color: boolean, split: (s: string) => string[]) {
  const committer = createStreamCommitter({ width, color });
  const out: string[] = [];
  for (const delta of split(md)) out.push(...committer.push(delta));
  out.push(...committer.finish());
  return out;
}

const bySize = (n: number) => (s: string) => {
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += n) parts.push(s.slice(i, i + n));
  return parts;
};
const byLine = (s: string) => s.split(/(?<=\n)/);

describe('stream committer', () => {
  it.each([
    ['one char', bySize(1)],
    ['seven chars', bySize(7)],
    ['lines', byLine],
    ['all at once', (s: string) => [s]],
  ])('commits exactly the whole render (%s deltas)', (_name, split) => {
    for (const width of [80, 40]) {
      for (const color of [false, true]) {
        expect(streamed(MESSAGE, width, color, split)).toEqual(whole(MESSAGE, width, color));
      }
    }
  });

  it('commits exactly the whole render for random delta sizes', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const randomSplit = (s: string) => {
      const parts: string[] = [];
      for (let i = 0; i < s.length;) {
        const n = 1 + Math.floor(random() * 12);
        parts.push(s.slice(i, i + n));
        i += n;
      }
      return parts;
    };
    for (let round = 0; round < 20; round++) {
      expect(streamed(MESSAGE, 50, true, randomSplit)).toEqual(whole(MESSAGE, 50, true));
    }
  });

  it('commits exactly the whole render for tricky block boundaries', () => {
    const tricky = [
      '',
      '',
      'Setext title',
      '===',
      'para',
      '---',
      '1. step one',
      '   ```bash',
      '   npm ci',
      '   ```',
      '```sh',
      'echo top',
      '```',
      '2. step two',
      '<div>',
      '```',
      'not a fence',
      '</div>',
      '',
      '| t | u |',
      '|---|---|',
      '| 1 | 2 |',
      'row without pipes',
      '# Heading',
      '- a',
      '* b',
      '+ c',
      '',
      '    indented code',
      '',
      '    more code',
      'tail text  ',
      'hard break above',
    ].join('\r\n');
    for (const split of [bySize(1), bySize(5), byLine]) {
      for (const width of [80, 30]) {
        expect(streamed(tricky, width, true, split)).toEqual(
          whole(tricky.replace(/\r\n/g, '\n'), width, true),
        );
      }
    }
  });

  it('matches the whole render for a message without a final newline', () => {
    const md = 'para\n\n- a\n- b';
    expect(streamed(md, 40, false, bySize(3))).toEqual(whole(md, 40, false));
  });

  it('matches the whole render for the benchmark message', () => {
    const md = benchMessage(300);
    expect(streamed(md, 60, true, bySize(5))).toEqual(whole(md, 60, true));
  });

  it('never commits half a line, and commits a paragraph when it ends', () => {
    const c = createStreamCommitter({ width: 40, color: false });
    expect(c.push('Hello wor')).toEqual([]);
    expect(c.tail()).toEqual(['• Hello wor']);
    expect(c.push('ld\nsecond line\n')).toEqual([]);
    expect(c.tail()).toEqual(['• Hello world', '  second line']);
    expect(c.push('\nNext')).toEqual(['• Hello world', '  second line']);
    expect(c.tail()).toEqual(['', '  Next']);
    expect(c.finish()).toEqual(['', '  Next']);
  });

  it('commits code lines inside an open fence as they complete', () => {
    const c = createStreamCommitter({ width: 40, color: false });
    expect(c.push('```py\nprint(1)\nprin')).toEqual(['• ```py', '  print(1)']);
    expect(c.tail()).toEqual(['  prin']);
    expect(c.push('t(2)\n```\n')).toEqual(['  print(2)', '  ```']);
    expect(c.finish()).toEqual([]);
  });

  it('commits the items of a top-level list one by one', () => {
    const c = createStreamCommitter({ width: 40, color: false });
    expect(c.push('1. a\n')).toEqual([]);
    expect(c.push('2. b\n')).toEqual(['• 1. a']);
    expect(c.push('3. c\n')).toEqual(['  2. b']);
    expect(c.finish()).toEqual(['  3. c']);
  });

  it('continues the numbering of a list split across chunks', () => {
    const md = '1. a\n\n1. b\n\n1. c\n';
    expect(streamed(md, 40, false, byLine)).toEqual(['• 1. a', '', '  2. b', '', '  3. c']);
  });

  it('leaves the bullet off a continued message', () => {
    const c = createStreamCommitter({ width: 40, color: false }, { bullet: false });
    expect([...c.push('text\n\n'), ...c.finish()]).toEqual(['  text']);
  });

  it('keeps every line within the width', () => {
    const md = `${'word '.repeat(50)}\n\n\`\`\`\n${'x'.repeat(100)}\n\`\`\`\n`;
    for (const line of streamed(md, 20, false, bySize(4))) {
      expect(line.length).toBeLessThanOrEqual(20);
    }
  });

  it('exposes a benchmark that commits the whole message', () => {
    const result = benchStreamCommit(200, false);
    expect(result.committedLines).toBe(whole(benchMessage(200), 100, false).length);
    expect(result.deltas).toBeGreaterThan(200);
  });
});
