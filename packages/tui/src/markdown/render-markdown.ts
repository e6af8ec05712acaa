import { Lexer, type Token, type TokensList } from 'marked';
import { renderBlocks } from './block-render.js';
import { styleFor } from './style.js';
import { fitWidth } from './wrap.js';

/** Width and colour of a markdown render (the cells' RenderContext has the same shape). */
export interface MarkdownContext {
  width: number;
  color: boolean;
}

/** Lexes markdown source with GitHub-flavoured rules (tables, strikethrough, task lists). */
export function lexMarkdown(source: string): TokensList {
  return new Lexer({ gfm: true }).lex(source);
}

/** Options for rendering already-lexed tokens. */
export interface RenderTokensOptions {
  /** Renumber a leading ordered list from this number (a list continued across chunks). */
  listStart?: number;
}

/** Renders lexed markdown to ANSI lines no wider than `ctx.width`. */
export function renderMarkdownTokens(
  tokens: readonly Token[],
  ctx: MarkdownContext,
  options: RenderTokensOptions = {},
): string[] {
  const width = Math.max(1, ctx.width);
  const lines = renderBlocks(tokens, {
    width,
    style: styleFor(ctx.color),
    listStart: options.listStart,
  });
  return fitWidth(lines, width);
}

/**
 * Renders markdown to terminal lines: headings (with their `#`s), bold/italic/strikethrough,
 * inline code, links with their URL, block quotes, nested lists, fenced code with syntax
 * highlighting, tables and rules, word-wrapped to `ctx.width` with list items' hanging indent.
 * No leading or trailing blank lines; no ANSI at all when `ctx.color` is false.
 */
export function renderMarkdown(source: string, ctx: MarkdownContext): string[] {
  return renderMarkdownTokens(lexMarkdown(source), ctx);
}
