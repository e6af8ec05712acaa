import { styleFor, wrapWithPrefix } from '../markdown/index.js';
import type { RenderContext, WebSearchCell } from './history-cell.js';

/** A web search: `• Searched <query>`. */
export function renderWebSearch(cell: WebSearchCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const text = `${s.bold('Searched')} ${cell.query.replace(/\s*\n\s*/g, ' ')}`;
  return wrapWithPrefix(text, ctx.width, s.dim('• '), '  ');
}
