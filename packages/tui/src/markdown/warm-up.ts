import { HIGHLIGHT_LANGUAGES } from './code-highlight.js';
import { createStreamCommitter } from './stream-committer.js';

/** One sample line of code per language (highlight.js builds a grammar on its first use). */
const CODE: Record<string, string> = {
  typescript: 'const total: number = items.reduce((a, b) => a + b, 0); // sum',
  javascript: 'export async function load(url) { return (await fetch(url)).json(); }',
  python: 'def area(r: float) -> float:\n    return 3.14 * r ** 2  # "pi"',
  bash: 'for f in *.ts; do grep -n "TODO" "$f" && echo done; done',
  json: '{"name": "codex", "version": 1, "ok": true, "tags": [null]}',
  rust: 'fn main() { let v: Vec<u32> = vec![1, 2]; println!("{:?}", v); }',
  go: 'func main() { x := map[string]int{"a": 1}; fmt.Println(x) }',
  diff: '--- a/f\n+++ b/f\n@@ -1 +1 @@\n-old\n+new',
  yaml: 'name: ci\non: [push]\njobs: { build: { runs-on: ubuntu } }',
  ini: '[server]\nport = 8080 ; comment\nname = "x"',
  xml: '<div class="a" id=\'b\'><!-- c --><p>text</p></div>',
  css: '.btn:hover > a { color: #fff; margin: 0 auto !important; }',
  sql: "SELECT id, count(*) FROM users WHERE name LIKE 'a%' GROUP BY id;",
  c: '#include <stdio.h>\nint main(void) { printf("%d\\n", 1); return 0; }',
  cpp: 'template <typename T> std::vector<T> f(const T& x) { return {x}; }',
  java: 'public class A { public static void main(String[] args) { int x = 1; } }',
};

/** The markdown the agent writes: inline styles, headings, lists, tables, quotes, rules. */
const PROSE = [
  '# Title\n\n## Section\n\nSome **bold**, *italic*, `code`, ~~gone~~ and a [link](https://x.y/z).',
  '- item one\n- item two with `code`\n  - nested item\n\n1. first\n2. second\n\n- [ ] task',
  '| key | value |\n| --- | ---: |\n| a | 1 |\n| b | 2 |',
  '> a quote with **bold**\n\n---\n\n<details>html</details>\n\nLast paragraph.',
];

let warming: Promise<number[]> | null = null;

/** How long the user must have left the keyboard alone before a warm-up step runs. */
const IDLE_MS = 250;

export interface WarmUpOptions {
  /** Milliseconds since the user's last key press (steps wait while they type). */
  msSinceInput?: () => number;
  /** Whether output is streaming (steps wait; a message pays its own first uses then). */
  busy?: () => boolean;
}

/**
 * Renders a sample of every markdown construct and of each highlighted language once, so that
 * the first agent message does not pay for parser set-up, regular-expression compilation and
 * highlight.js grammars while it streams (up to tens of ms each). One sample per turn of the
 * event loop, and only while the user is not typing and no output streams. Started once the
 * chat is open; the same promise for every caller. It resolves to each step's duration in ms
 * (the benchmarks report them).
 */
export function warmUpMarkdown(options: WarmUpOptions = {}): Promise<number[]> {
  warming ??= new Promise((resolve) => {
    const durations: number[] = [];
    // The most used languages first.
    const languages = [
      ...Object.keys(CODE).filter((lang) => HIGHLIGHT_LANGUAGES.includes(lang)),
      ...HIGHLIGHT_LANGUAGES.filter((lang) => CODE[lang] === undefined),
    ];
    const samples = [
      ...PROSE,
      ...languages.map((lang) => `\`\`\`${lang}\n${CODE[lang] ?? 'x = 1'}\n\`\`\``),
    ];
    let next = 0;
    const step = (): void => {
      const sinceInput = options.msSinceInput?.() ?? Number.POSITIVE_INFINITY;
      if (sinceInput < IDLE_MS || options.busy?.()) {
        setTimeout(step, Math.max(1, IDLE_MS - sinceInput)).unref();
        return;
      }
      const sample = samples[next++];
      if (sample === undefined) {
        resolve(durations);
        return;
      }
      const start = performance.now();
      const committer = createStreamCommitter({ width: 80, color: true });
      committer.push(`${sample}\n\npartial **line`);
      committer.tail();
      committer.finish();
      durations.push(performance.now() - start);
      setTimeout(step, 0).unref();
    };
    setTimeout(step, 0).unref();
  });
  return warming;
}
