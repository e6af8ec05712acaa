import sliceAnsi from 'slice-ansi';
import { padEndTo, styleFor, truncateToWidth, widthOf } from '../markdown/index.js';
import { tildePath } from './cell-format.js';
import type { RenderContext, SessionHeaderCell } from './history-cell.js';

const LABEL_WIDTH = 'directory: '.length;

/** Keeps the end of a path that is too long: `…/deep/project`. */
function truncateStart(text: string, width: number): string {
  const w = widthOf(text);
  if (w <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  return `…${sliceAnsi(text, w - (width - 1))}`;
}

/**
 * The box printed when a session starts:
 *
 *   ╭──────────────────────────────────────────╮
 *   │ >_ Codex (v0.1.0)                        │
 *   │                                          │
 *   │ model:     gpt-5 high   /model to change │
 *   │ directory: ~/project                     │
 *   │ approval:  on-request                    │
 *   │ sandbox:   workspace-write               │
 *   ╰──────────────────────────────────────────╯
 *
 * sized to its content, narrowed (paths cut at the start, the hint dropped) to fit the width.
 */
export function renderSessionHeader(cell: SessionHeaderCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const maxInner = Math.max(1, ctx.width - 4);
  const model = cell.effort ? `${cell.model} ${cell.effort}` : cell.model;
  const hint = '/model to change';
  const modelWithHint = `${model}   ${hint}`;
  const values: [string, string][] = [
    ['model:', LABEL_WIDTH + modelWithHint.length <= maxInner ? modelWithHint : model],
    ['directory:', tildePath(cell.cwd, ctx)],
    ['approval:', cell.approvalPolicy],
    ['sandbox:', cell.sandbox],
  ];
  const title = `>_ Codex (v${cell.version})`;
  const natural = Math.max(
    widthOf(title),
    ...values.map(([, value]) => LABEL_WIDTH + widthOf(value)),
  );
  const inner = Math.min(natural, maxInner);
  const valueWidth = Math.max(1, inner - LABEL_WIDTH);

  const rows: string[] = [
    truncateToWidth(`${s.dim('>_ ')}${s.bold('Codex')} ${s.dim(`(v${cell.version})`)}`, inner),
    '',
  ];
  for (const [label, value] of values) {
    let shown = label === 'directory:' ? truncateStart(value, valueWidth) : value;
    shown = truncateToWidth(shown, valueWidth);
    if (label === 'model:' && shown.endsWith(hint)) {
      shown = `${shown.slice(0, -hint.length)}${s.dim(hint)}`;
    }
    rows.push(truncateToWidth(`${s.dim(label.padEnd(LABEL_WIDTH))}${shown}`, inner));
  }
  const border = (text: string) => s.dim(text);
  return [
    border(`╭${'─'.repeat(inner + 2)}╮`),
    ...rows.map((row) => `${border('│')} ${padEndTo(row, inner)} ${border('│')}`),
    border(`╰${'─'.repeat(inner + 2)}╯`),
  ];
}
