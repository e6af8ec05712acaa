import type { TurnPlanStep } from '@codex-ts/protocol';
import { prefixLines, styleFor, wrapWords, wrapText, type Style } from '../markdown/index.js';
import type { PlanCell, RenderContext } from './history-cell.js';

function stepLines(step: TurnPlanStep, width: number, s: Style): string[] {
  const rows = wrapWords(step.step.replace(/\s*\n\s*/g, ' '), Math.max(1, width - 2));
  switch (step.status) {
    case 'completed':
      return prefixLines(
        rows.map((r) => s.dim.strikethrough(r)),
        s.green('✔ '),
        '  ',
      );
    case 'inProgress':
      return prefixLines(
        rows.map((r) => s.cyan.bold(r)),
        s.cyan.bold('□ '),
        '  ',
      );
    case 'pending':
      return prefixLines(
        rows.map((r) => s.dim(r)),
        s.dim('□ '),
        '  ',
      );
  }
}

/**
 * A plan update: `• Updated Plan`, the explanation in dim italics, then the steps with `✔`
 * (done, struck through), `□` in cyan (the step in progress) or a dim `□` (pending).
 */
export function renderPlan(cell: PlanCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const inner = Math.max(1, ctx.width - 4);
  const body: string[] = [];
  const note = cell.explanation?.trim();
  if (note) body.push(...wrapText(note, inner).map((l) => s.dim.italic(l)));
  if (cell.steps.length === 0) body.push(s.dim.italic('(no steps provided)'));
  for (const step of cell.steps) body.push(...stepLines(step, inner, s));
  return [`${s.dim('•')} ${s.bold('Updated Plan')}`, ...prefixLines(body, s.dim('  └ '), '    ')];
}
