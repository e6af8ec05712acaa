import type { Token, Tokens } from 'marked';
import { renderFencedBlock, renderIndentedBlock } from './code-block.js';
import { renderInline } from './inline-render.js';
import type { Style } from './style.js';
import { renderTable } from './table-render.js';
import { prefixLines, widthOf, wrapText } from './wrap.js';

/** Options of one markdown render. `listStart` renumbers a leading ordered list (streaming). */
export interface BlockOptions {
  width: number;
  style: Style;
  listStart?: number;
}

/** Whether a token's source ends with a blank line (the blank then separates it from the next). */
function endsWithBlank(raw: string): boolean {
  return /\n[ \t]*\n[ \t]*$/.test(raw);
}

/**
 * Renders block tokens to lines. Blocks follow each other directly unless the source had a
 * blank line between them, in which case exactly one blank line separates them.
 */
export function renderBlocks(tokens: readonly Token[], opts: BlockOptions): string[] {
  const out: string[] = [];
  let blankBefore = false;
  let first = true;
  for (const token of tokens) {
    if (token.type === 'space') {
      blankBefore = true;
      continue;
    }
    const lines = renderBlock(token, first ? opts : { ...opts, listStart: undefined });
    if (lines.length === 0) continue;
    if (out.length > 0 && blankBefore) out.push('');
    out.push(...lines);
    first = false;
    blankBefore = endsWithBlank(token.raw);
  }
  return out;
}

function renderBlock(token: Token, opts: BlockOptions): string[] {
  const { width, style } = opts;
  switch (token.type) {
    case 'paragraph':
    case 'text': {
      const t = token as Tokens.Paragraph | Tokens.Text;
      const text = t.tokens ? renderInline(t.tokens, style) : t.text;
      return wrapText(text.replace(/\n+$/, ''), width);
    }
    case 'heading':
      return renderHeading(token as Tokens.Heading, opts);
    case 'code': {
      const code = token as Tokens.Code;
      return code.codeBlockStyle === 'indented'
        ? renderIndentedBlock(code.text, width, style)
        : renderFencedBlock(code.raw, width, style);
    }
    case 'blockquote': {
      const inner = renderBlocks((token as Tokens.Blockquote).tokens, {
        ...opts,
        width: Math.max(1, width - 2),
      });
      return inner.map((line) => style.green(`${style.dim('> ')}${line}`).trimEnd());
    }
    case 'list':
      return renderList(token as Tokens.List, opts);
    case 'table':
      return renderTable(token as Tokens.Table, width, style);
    case 'hr':
      return [style.dim('─'.repeat(Math.max(1, width)))];
    case 'html':
      return wrapText((token as Tokens.HTML).text.replace(/\n+$/, ''), width);
    case 'def':
      return [];
    default:
      return wrapText(token.raw.replace(/\n+$/, ''), width);
  }
}

function renderHeading(token: Tokens.Heading, opts: BlockOptions): string[] {
  const { style } = opts;
  const text = `${'#'.repeat(token.depth)} ${renderInline(token.tokens, style)}`;
  const paint =
    token.depth === 1 ? style.bold.underline : token.depth === 2 ? style.bold : style.bold.italic;
  return wrapText(text, opts.width).map((line) => paint(line));
}

/** The marker of item `index`: `-` for bullets, `N.` / `N)` (the source's delimiter) otherwise. */
function itemMarker(list: Tokens.List, item: Tokens.ListItem, index: number, start: number) {
  if (!list.ordered) return '-';
  const delimiter = /^\s*\d+([.)])/.exec(item.raw)?.[1] ?? '.';
  return `${start + index}${delimiter}`;
}

function renderList(list: Tokens.List, opts: BlockOptions): string[] {
  const { style } = opts;
  const start = opts.listStart ?? (typeof list.start === 'number' ? list.start : 1);
  const out: string[] = [];
  list.items.forEach((item, index) => {
    const box = item.tokens[0]?.type === 'checkbox' ? (item.tokens[0] as Tokens.Checkbox) : null;
    const tokens = box ? item.tokens.slice(1) : item.tokens;
    const marker =
      itemMarker(list, item, index, start) + (box ? (box.checked ? ' [x]' : ' [ ]') : '');
    const indent = widthOf(marker) + 1;
    const body = renderBlocks(tokens, {
      width: Math.max(1, opts.width - indent),
      style,
    });
    if (body.length === 0) body.push('');
    const rest = ' '.repeat(indent);
    out.push(...prefixLines(body, `${style.dim(marker)} `, rest).map((l) => l.trimEnd()));
    if (index < list.items.length - 1 && endsWithBlank(item.raw)) out.push('');
  });
  return out;
}
