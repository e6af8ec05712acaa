import type { Token, Tokens } from 'marked';
import type { Style } from './style.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the HTML entities marked leaves in text (`&amp;`, `&#39;`, `&#x1F600;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : match;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

/** `mailto:a@b` shown as `a@b`; the URL itself otherwise. */
function sameTarget(text: string, href: string): boolean {
  return text === href || `mailto:${text}` === href;
}

function renderLink(token: Tokens.Link, style: Style): string {
  const text = renderInline(token.tokens, style);
  const href = token.href;
  if (sameTarget(token.text, href)) return style.cyan.underline(href);
  return `${text} ${style.dim('(')}${style.cyan.underline(href)}${style.dim(')')}`;
}

function renderToken(token: Token, style: Style): string {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens ? renderInline(t.tokens, style) : decodeEntities(t.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return style.bold(renderInline((token as Tokens.Strong).tokens, style));
    case 'em':
      return style.italic(renderInline((token as Tokens.Em).tokens, style));
    case 'del':
      return style.strikethrough(renderInline((token as Tokens.Del).tokens, style));
    case 'codespan':
      return style.cyan(decodeEntities((token as Tokens.Codespan).text));
    case 'br':
      return '\n';
    case 'link':
      return renderLink(token as Tokens.Link, style);
    case 'image': {
      const image = token as Tokens.Image;
      return style.dim(`[image: ${image.text || image.href}]`);
    }
    case 'checkbox':
      return (token as Tokens.Checkbox).checked ? '[x] ' : '[ ] ';
    case 'html':
      return (token as Tokens.HTML).text;
    default:
      return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
  }
}

/**
 * Renders inline tokens to one ANSI string. Hard breaks (`br`) and the soft line breaks of the
 * source stay newlines: models write line breaks on purpose, so they are kept.
 */
export function renderInline(tokens: readonly Token[] | undefined, style: Style): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) out += renderToken(token, style);
  return out;
}
