import { styleFor, wrapWithPrefix } from '../markdown/index.js';
import { tildePath } from './cell-format.js';
import type { ImageViewCell, RenderContext } from './history-cell.js';

/** The model looked at an image: `• Viewed Image` and its path. */
export function renderImageView(cell: ImageViewCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  return [
    `${s.dim('•')} ${s.bold('Viewed Image')}`,
    ...wrapWithPrefix(tildePath(cell.path, ctx), ctx.width, s.dim('  └ '), '    ').map((l) =>
      s.dim(l),
    ),
  ];
}
