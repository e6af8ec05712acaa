import type { Token, Tokens } from 'marked';
import {
  AGENT_PREFIX_WIDTH,
  agentLines,
  lexMarkdown,
  renderMarkdownTokens,
  styleFor,
  wrapText,
} from '../markdown/index.js';
import type { ReasoningCell, RenderContext } from './history-cell.js';

/** A paragraph that is only `**Title**`, or a `#` heading: the summary's section title. */
function headingText(token: Token): string | null {
  if (token.type === 'heading') return (token as Tokens.Heading).text;
  if (token.type !== 'paragraph') return null;
  const inline = (token as Tokens.Paragraph).tokens;
  const only = inline.length === 1 ? inline[0] : undefined;
  return only?.type === 'strong' ? (only as Tokens.Strong).text : null;
}

function blankAfter(token: Token | undefined): boolean {
  return token !== undefined && (token.type === 'space' || /\n[ \t]*\n[ \t]*$/.test(token.raw));
}

/**
 * A reasoning summary: its `**Title**` lines bold, the rest dim italic markdown, under a dim
 * `• ` bullet.
 */
export function renderReasoning(cell: ReasoningCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const md = { width: Math.max(1, ctx.width - AGENT_PREFIX_WIDTH), color: ctx.color };
  const out: string[] = [];
  let run: Token[] = [];
  let previous: Token | undefined;
  let blankBeforeRun = false;
  const add = (lines: string[], blank: boolean) => {
    if (lines.length === 0) return;
    if (blank && out.length > 0) out.push('');
    out.push(...lines);
  };
  const flushRun = () => {
    const lines = renderMarkdownTokens(run, md).map((l) => (l === '' ? '' : s.dim.italic(l)));
    add(lines, blankBeforeRun);
    run = [];
  };
  for (const token of lexMarkdown(cell.text.trim())) {
    const heading = headingText(token);
    if (heading !== null) {
      flushRun();
      add(
        wrapText(heading, md.width).map((l) => s.bold(l)),
        blankAfter(previous),
      );
    } else {
      if (run.length === 0) blankBeforeRun = blankAfter(previous) || token.type === 'space';
      run.push(token);
    }
    previous = token;
  }
  flushRun();
  return agentLines(out, ctx.color, true);
}
