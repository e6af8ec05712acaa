import { styleFor, wrapWithPrefix } from '../markdown/index.js';
import type { NoticeCell, RenderContext } from './history-cell.js';

/** An error (`■ message`, red) or a warning (`⚠ message`, yellow). */
export function renderNotice(cell: NoticeCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const paint = cell.kind === 'error' ? s.red : s.yellow;
  const mark = cell.kind === 'error' ? '■ ' : '⚠ ';
  return wrapWithPrefix(cell.message.trimEnd(), ctx.width, mark, '  ').map((l) => paint(l));
}
