import { basename } from 'node:path';
import { styleFor, wrapText } from '../markdown/index.js';
import type { RenderContext, UserCell } from './history-cell.js';

/** The user's message: `› ` before the first line, attached images listed first. */
export function renderUser(cell: UserCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const width = Math.max(1, ctx.width - 2);
  const body: string[] = [];
  cell.images.forEach((image, i) => {
    const name = /^[a-z]+:/i.test(image) && !image.startsWith('file:') ? image : basename(image);
    body.push(...wrapText(`${s.cyan(`[Image #${i + 1}]`)} ${s.dim(name)}`, width));
  });
  const text = cell.text.replace(/[\r\n]+$/, '');
  if (text.trim() !== '') {
    body.push(...wrapText(text.replace(/\r\n?/g, '\n').replace(/\t/g, '    '), width));
  }
  return body.map((line, i) => (i === 0 ? s.bold.dim('› ') : '  ') + line);
}
