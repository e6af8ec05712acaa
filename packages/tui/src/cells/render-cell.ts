import { fitWidth } from '../markdown/index.js';
import type { HistoryCell, RenderContext } from './history-cell.js';
import { renderAgent } from './render-agent.js';
import { renderExec } from './render-exec.js';
import { renderImageView } from './render-image-view.js';
import { renderInfo } from './render-info.js';
import { renderMcp } from './render-mcp.js';
import { renderNotice } from './render-notice.js';
import { renderPatch } from './render-patch.js';
import { renderPlan } from './render-plan.js';
import { renderReasoning } from './render-reasoning.js';
import { renderSessionHeader } from './render-session-header.js';
import { renderUser } from './render-user.js';
import { renderWebSearch } from './render-web-search.js';

function render(cell: HistoryCell, ctx: RenderContext): string[] {
  switch (cell.kind) {
    case 'session-header':
      return renderSessionHeader(cell, ctx);
    case 'user':
      return renderUser(cell, ctx);
    case 'agent':
      return renderAgent(cell, ctx);
    case 'reasoning':
      return renderReasoning(cell, ctx);
    case 'exec':
      return renderExec(cell, ctx);
    case 'patch':
      return renderPatch(cell, ctx);
    case 'plan':
      return renderPlan(cell, ctx);
    case 'mcp':
      return renderMcp(cell, ctx);
    case 'web-search':
      return renderWebSearch(cell, ctx);
    case 'image-view':
      return renderImageView(cell, ctx);
    case 'error':
    case 'warning':
      return renderNotice(cell, ctx);
    case 'info':
      return renderInfo(cell, ctx);
  }
}

/**
 * Renders a history cell to terminal lines (ANSI when `ctx.color`), none wider than
 * `ctx.width`. No blank lines around the cell: the caller separates cells.
 */
export function renderCell(cell: HistoryCell, ctx: RenderContext): string[] {
  const width = Math.max(1, Math.floor(ctx.width));
  return fitWidth(render(cell, { ...ctx, width }), width);
}
