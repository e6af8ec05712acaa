import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { codeLanguage, highlightLine } from './code-highlight.js';
import { renderMarkdown } from './render-markdown.js';
import { styleFor } from './style.js';

const plain = (md: string, width = 80) => renderMarkdown(md, { width, color: false });
const colored = (md: string, width = 80) => renderMarkdown(md, { width, color: true });

describe('renderMarkdown', () => {
  it('keeps heading markers and styles headings', () => {
    expect(plain('# Title\n## Sub')).toEqual(['# Title', '## Sub']);
    expect(colored('# Title')[0]).toBe('\x1b[1m\x1b[4m# Title\x1b[24m\x1b[22m');
  });

  it('styles inline bold, italic, strikethrough and code', () => {
    expect(plain('a **b** *c* ~~d~~ `e`')).toEqual(['a b c d e']);
    expect(colored('**b** *c* `e`')[0]).toBe('\x1b[1mb\x1b[22m \x1b[3mc\x1b[23m \x1b[36me\x1b[39m');
  });

  it('shows the URL of a link after its text, once for autolinks', () => {
    expect(plain('[docs](https://x.dev) and <https://y.dev>')).toEqual([
      'docs (https://x.dev) and https://y.dev',
    ]);
  });

  it('decodes entities and keeps soft line breaks', () => {
    expect(plain('a &amp; b &lt;c&gt; &#39;d&#x27;\nnext line')).toEqual([
      "a & b <c> 'd'",
      'next line',
    ]);
  });

  it('wraps paragraphs and list items with a hanging indent', () => {
    expect(plain('- one two three four five six\n  1. seven eight nine ten', 16)).toEqual([
      '- one two three',
      '  four five six',
      '  1. seven eight',
      '     nine ten',
    ]);
  });

  it('numbers ordered lists from their start and keeps the source delimiter', () => {
    expect(plain('3) a\n4) b')).toEqual(['3) a', '4) b']);
    expect(plain('1. a\n1. b\n1. c')).toEqual(['1. a', '2. b', '3. c']);
  });

  it('separates list items only where the source had a blank line', () => {
    expect(plain('- a\n- b\n\n- c')).toEqual(['- a', '- b', '', '- c']);
  });

  it('renders task list items', () => {
    expect(plain('- [ ] todo\n- [x] done')).toEqual(['- [ ] todo', '- [x] done']);
  });

  it('prefixes block quotes, nested ones too', () => {
    expect(plain('> quote\n>\n> > inner')).toEqual(['> quote', '>', '> > inner']);
  });

  it('renders fenced code with its fences and highlights it', () => {
    expect(plain('```js\nconst a = 1;\n```')).toEqual(['```js', 'const a = 1;', '```']);
    const lines = colored('```js\nconst a = "s";\n```');
    expect(lines[0]).toBe('\x1b[2m```js\x1b[22m');
    expect(lines[1]).toBe('\x1b[35mconst\x1b[39m a = \x1b[32m"s"\x1b[39m;');
  });

  it('breaks long code lines instead of word-wrapping them', () => {
    expect(plain('```\nabcdefghij klm\n```', 6)).toEqual(['```', 'abcdef', 'ghij k', 'lm', '```']);
  });

  it('keeps indented code blocks indented', () => {
    expect(plain('para\n\n    code line')).toEqual(['para', '', '    code line']);
  });

  it('aligns table columns', () => {
    expect(plain('| a | num |\n|---|---:|\n| xx | 1 |\n| y | 200 |')).toEqual([
      'a   num',
      '━━  ━━━',
      'xx    1',
      'y   200',
    ]);
  });

  it('wraps table cells when the table is wider than the width', () => {
    const lines = plain('| key | value |\n|---|---|\n| k | a long value that wraps |', 20);
    expect(lines).toEqual([
      'key  value',
      '━━━  ━━━━━━━━━━━━━━━',
      'k    a long value',
      '     that wraps',
    ]);
  });

  it('draws rules across the width', () => {
    expect(plain('a\n\n---\n\nb', 10)).toEqual(['a', '', '─'.repeat(10), '', 'b']);
  });

  it('never exceeds the width and writes no escapes without colour', () => {
    const md = [
      '# A heading that is quite long indeed',
      '',
      'Text with a https://very.long.example.com/path/that/does/not/fit/anywhere/at/all link.',
      '',
      '- item\n  - nested item with words\n    - deeper nested item with more words',
      '',
      '| a | b | c | d | e | f | g |\n|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 |',
      '',
      '```python\ndef f(x):\n\treturn x  # a comment that is long\n```',
      '',
      '> quoted **bold** text that goes on',
      '全角文字のテキストも折り返されます。全角文字のテキストも折り返されます。',
    ].join('\n');
    for (const width of [80, 40, 12, 3]) {
      for (const line of plain(md, width)) {
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(line).not.toContain('\x1b');
      }
      for (const line of colored(md, width)) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
  });
});

describe('highlightLine', () => {
  it('knows the registered languages and their aliases only', () => {
    for (const lang of ['ts', 'typescript', 'js', 'json', 'py', 'rust', 'go', 'diff', 'yaml']) {
      expect(codeLanguage(lang)).toBe(lang);
    }
    for (const lang of ['toml', 'html', 'css', 'sql', 'c', 'cpp', 'java', 'sh', 'bash']) {
      expect(codeLanguage(lang)).toBe(lang);
    }
    expect(codeLanguage('brainfuck')).toBeUndefined();
    expect(codeLanguage(undefined)).toBeUndefined();
  });

  it('colours tokens only when colour is on', () => {
    expect(highlightLine('fn main() {}', 'rust', styleFor(false))).toBe('fn main() {}');
    expect(highlightLine('fn main() {}', 'rust', styleFor(true))).toContain('\x1b[35mfn\x1b[39m');
    expect(highlightLine('a < b && c', 'bash', styleFor(true)).replace(/\x1b\[\d+m/g, '')).toBe(
      'a < b && c',
    );
  });
});
