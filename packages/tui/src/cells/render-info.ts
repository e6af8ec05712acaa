import stripAnsi from 'strip-ansi';
import { styleFor, wrapText, wrapWithPrefix } from '../markdown/index.js';
import type { InfoCell, RenderContext } from './history-cell.js';

/**
 * Lines from the UI itself, shown as given (an optional bold title first). A long line wraps
 * under its own indentation; ANSI styling in the lines is kept only when colour is on.
 */
export function renderInfo(cell: InfoCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const width = Math.max(1, ctx.width);
  const out: string[] = [];
  if (cell.title !== null) out.push(...wrapText(cell.title, width).map((l) => s.bold(l)));
  for (const raw of cell.lines) {
    for (const part of raw.split('\n')) {
      const line = ctx.color ? part : stripAnsi(part);
      const indent = /^ */.exec(line)?.[0] ?? '';
      const hang = indent.length < width / 2 ? indent : '';
      out.push(...wrapWithPrefix(line.slice(hang.length), width, hang, hang));
    }
  }
  return out;
}
