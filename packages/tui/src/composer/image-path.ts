import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Recognises a pasted path to an image file (drag-and-drop into a terminal pastes the path):
 * a plain path, a quoted one, one with shell escapes (`My\ Shot.png`), or a `file://` URL.
 */

export const IMAGE_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg', '.gif', '.webp'];

export interface PathCheckOptions {
  /** Directory relative paths are resolved against (default: the process cwd). */
  cwd?: string;
  /** Whether `path` is an existing regular file (default: `fs.statSync`). */
  isFile?: (path: string) => boolean;
}

function defaultIsFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** Splits `text` like a POSIX shell would (quotes and backslash escapes); null when unbalanced. */
export function shellWords(text: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) {
        word += text[i + 1] as string;
        i += 1;
      } else word += ch;
    } else if (ch === '\\') {
      if (i + 1 >= text.length) return null;
      word += text[i + 1] as string;
      inWord = true;
      i += 1;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/u.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote !== null) return null;
  if (inWord) words.push(word);
  return words;
}

/** The candidate paths `pasted` may stand for, most specific first. */
export function pastedPathCandidates(pasted: string): string[] {
  const text = pasted.trim();
  if (text === '' || text.includes('\n')) return [];
  if (/^file:\/\//i.test(text)) {
    try {
      return [fileURLToPath(text)];
    } catch {
      return [];
    }
  }
  const candidates: string[] = [];
  const words = shellWords(text);
  if (words !== null && words.length === 1) candidates.push(words[0] as string);
  if (!candidates.includes(text)) candidates.push(text);
  return candidates;
}

function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/')) return resolve(homedir(), path.slice(2));
  return path;
}

export function hasImageExtension(path: string): boolean {
  return IMAGE_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** The absolute path of the existing image file `pasted` names, or null. */
export function pastedImagePath(pasted: string, options: PathCheckOptions = {}): string | null {
  const isFile = options.isFile ?? defaultIsFile;
  for (const candidate of pastedPathCandidates(pasted)) {
    if (!hasImageExtension(candidate)) continue;
    const expanded = expandHome(candidate);
    const path = isAbsolute(expanded) ? expanded : resolve(options.cwd ?? process.cwd(), expanded);
    if (isFile(path)) return path;
  }
  return null;
}
