import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import type { Style } from './style.js';

// Each definition brings its own aliases (ts, js, py, rs, yml, toml, html, h, ...).
const LANGUAGES = {
  bash,
  c,
  cpp,
  css,
  diff,
  go,
  ini,
  java,
  javascript,
  json,
  python,
  rust,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
hljs.registerAliases(['sh', 'zsh', 'shell', 'console', 'shellsession'], { languageName: 'bash' });

type Paint = (style: Style, text: string) => string;

/** highlight.js scopes (the part after `hljs-`) -> terminal colours. Unlisted scopes stay plain. */
const SCOPE_PAINT: Record<string, Paint> = {
  keyword: (s, t) => s.magenta(t),
  'selector-tag': (s, t) => s.magenta(t),
  built_in: (s, t) => s.cyan(t),
  type: (s, t) => s.cyan(t),
  literal: (s, t) => s.yellow(t),
  number: (s, t) => s.yellow(t),
  symbol: (s, t) => s.yellow(t),
  bullet: (s, t) => s.yellow(t),
  string: (s, t) => s.green(t),
  regexp: (s, t) => s.red(t),
  comment: (s, t) => s.dim(t),
  quote: (s, t) => s.dim(t),
  meta: (s, t) => s.dim(t),
  doctag: (s, t) => s.dim(t),
  title: (s, t) => s.blue(t),
  section: (s, t) => s.bold.blue(t),
  name: (s, t) => s.blue(t),
  tag: (s, t) => s.blue(t),
  attr: (s, t) => s.cyan(t),
  attribute: (s, t) => s.cyan(t),
  property: (s, t) => s.cyan(t),
  'selector-class': (s, t) => s.yellow(t),
  'selector-id': (s, t) => s.yellow(t),
  variable: (s, t) => s.red(t),
  'template-variable': (s, t) => s.red(t),
  addition: (s, t) => s.green(t),
  deletion: (s, t) => s.red(t),
  emphasis: (s, t) => s.italic(t),
  strong: (s, t) => s.bold(t),
  link: (s, t) => s.underline(t),
};

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
};

function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (m) => ENTITIES[m] ?? m);
}

/** The paint for a `class` attribute such as `hljs-title function_`. */
function paintOf(classAttr: string): Paint | undefined {
  for (const cls of classAttr.split(' ')) {
    if (!cls.startsWith('hljs-')) continue;
    const paint = SCOPE_PAINT[cls.slice(5)];
    if (paint) return paint;
  }
  return undefined;
}

/** Converts highlight.js HTML (nested `<span class="hljs-...">`) to ANSI; innermost scope wins. */
function htmlToAnsi(html: string, style: Style): string {
  const stack: (Paint | undefined)[] = [];
  let out = '';
  const re = /<span class="([^"]*)">|<\/span>|([^<]+)/g;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (m[1] !== undefined) stack.push(paintOf(m[1]));
    else if (m[2] !== undefined) {
      const text = unescapeHtml(m[2]);
      const paint = stack.findLast((p) => p !== undefined);
      out += paint ? paint(style, text) : text;
    } else stack.pop();
  }
  return out;
}

/** The names of the languages code blocks are highlighted in (each has aliases too). */
export const HIGHLIGHT_LANGUAGES: readonly string[] = Object.keys(LANGUAGES);

/** The registered language for a fence info string (`ts`, `TypeScript`, `py title=x`), if any. */
export function codeLanguage(info: string | undefined): string | undefined {
  const name = info?.trim().split(/\s+/)[0]?.toLowerCase();
  if (!name) return undefined;
  return hljs.getLanguage(name) ? name : undefined;
}

/**
 * Highlights one line of code. Lines are highlighted on their own (a block comment spanning
 * lines only colours its first line) so a streamed code block, committed line by line, looks
 * exactly like the same block rendered at once.
 */
export function highlightLine(line: string, language: string | undefined, style: Style): string {
  if (style.level === 0 || language === undefined || line.trim() === '') return line;
  try {
    const html = hljs.highlight(line, { language, ignoreIllegals: true }).value;
    return htmlToAnsi(html, style);
  } catch {
    return line;
  }
}
