import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The `.gitignore` / `.ignore` rules met while walking a directory that is not in a git work
 * tree (the Rust file search applies them without git too). A subset of gitignore: comments,
 * `!` negation, a trailing `/` for directories only, patterns anchored when they contain a `/`,
 * and the `*`, `?`, `**` and `[...]` wildcards. The last matching rule wins.
 */

export interface IgnoreRule {
  /** Directory (relative to the walk root, '' for the root) of the file the rule comes from. */
  base: string;
  regex: RegExp;
  negated: boolean;
  dirOnly: boolean;
}

export const IGNORE_FILES = ['.gitignore', '.ignore'] as const;

/**
 * Rules of every ignore file in `dir` (relative path `rel`), in file order. `names`: the ignore
 * files to read (by default both; a walker that listed `dir` passes the ones present).
 */
export async function readIgnoreRules(
  dir: string,
  rel: string,
  names: readonly string[] = IGNORE_FILES,
): Promise<IgnoreRule[]> {
  const rules: IgnoreRule[] = [];
  for (const name of names) {
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split(/\r?\n/)) {
      const rule = parseRule(line, rel);
      if (rule !== null) rules.push(rule);
    }
  }
  return rules;
}

function parseRule(line: string, base: string): IgnoreRule | null {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return null;
  let negated = false;
  if (pattern.startsWith('!')) {
    negated = true;
    pattern = pattern.slice(1);
  } else if (pattern.startsWith('\\!') || pattern.startsWith('\\#')) {
    pattern = pattern.slice(1);
  }
  const dirOnly = pattern.endsWith('/');
  if (dirOnly) pattern = pattern.replace(/\/+$/, '');
  if (pattern === '') return null;
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  const body = globToRegex(pattern);
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { base, regex, negated, dirOnly };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const ch = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      out += '(?:/.*)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (ch === '*') {
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
      } else {
        const inner = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${inner}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      i += 1;
      out += escapeRegex(glob[i] as string);
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** True when `rel` (relative to the walk root) is ignored by `rules` (outermost first). */
export function isIgnored(rules: readonly IgnoreRule[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    if (rule.base !== '' && !rel.startsWith(`${rule.base}/`)) continue;
    const local = rule.base === '' ? rel : rel.slice(rule.base.length + 1);
    if (rule.regex.test(local)) ignored = !rule.negated;
  }
  return ignored;
}
