import { AGENT_PREFIX_WIDTH, agentLines, renderMarkdown } from '../markdown/index.js';
import type { AgentCell, RenderContext } from './history-cell.js';

/** An agent message: markdown under a `• ` bullet (none for a continuation chunk). */
export function renderAgent(cell: AgentCell, ctx: RenderContext): string[] {
  const md = { width: Math.max(1, ctx.width - AGENT_PREFIX_WIDTH), color: ctx.color };
  return agentLines(renderMarkdown(cell.markdown, md), ctx.color, cell.first);
}
