import type { ChalkInstance } from 'chalk';
import { diffSummaryLines } from './approval-diff.js';
import { approvalTitle, type ApprovalState } from './approval.js';
import { selectionRowLines } from './list-selection-render.js';
import { renderTextField } from './text-field.js';
import { sanitizeText, wrapIndented } from './text-layout.js';

/** Command lines shown before folding (the whole command with `e`). */
export const MAX_COMMAND_LINES = 12;
/** Diff lines shown per file before folding. */
export const MAX_DIFF_LINES_PER_FILE = 12;

function fold(
  lines: string[],
  limit: number | null,
  style: ChalkInstance,
): { lines: string[]; folded: boolean } {
  if (limit === null || lines.length <= limit) return { lines, folded: false };
  const keep = Math.max(1, limit - 1);
  return {
    lines: [...lines.slice(0, keep), style.dim(`  … +${lines.length - keep} lines`)],
    folded: true,
  };
}

/** What is asked: the reason, then the command or the diff. */
function bodyLines(
  state: ApprovalState,
  width: number,
  style: ChalkInstance,
): { lines: string[]; folded: boolean } {
  const { request } = state;
  const lines: string[] = [];
  const reason = request.params.reason;
  if (reason !== null && reason.trim() !== '') {
    lines.push(...wrapIndented(style.italic(sanitizeText(reason)), width, '  ', '  Reason: '), '');
  }
  if (request.method === 'item/commandExecution/requestApproval') {
    const command = sanitizeText(request.params.command ?? '(command not given)');
    const cmdLines = command
      .split('\n')
      .flatMap((line, i) => wrapIndented(line, width, '    ', i === 0 ? '  $ ' : '    '));
    const folded = fold(cmdLines, state.expanded ? null : MAX_COMMAND_LINES, style);
    return { lines: [...lines, ...folded.lines], folded: folded.folded };
  }
  if (request.params.grantRoot !== null) {
    lines.push(
      ...wrapIndented(sanitizeText(request.params.grantRoot), width, '  ', '  Write access to: '),
      '',
    );
  }
  if (request.changes.length === 0)
    return { lines: [...lines, style.dim('  (no changes to show)')], folded: false };
  const diff = diffSummaryLines(request.changes, {
    cwd: request.cwd,
    width: width - 2,
    style,
    maxLinesPerFile: state.expanded ? null : MAX_DIFF_LINES_PER_FILE,
  });
  return { lines: [...lines, ...diff.lines.map((l) => `  ${l}`)], folded: diff.folded };
}

/** The whole modal: title, body, then the choices or the feedback box, and a key hint. */
export function approvalLines(state: ApprovalState, width: number, style: ChalkInstance): string[] {
  const lines = wrapIndented(approvalTitle(state.request), width, '  ').map((l) => style.bold(l));
  lines.push('');
  const body = bodyLines(state, width, style);
  lines.push(...body.lines, '');
  const foldable = state.expanded && bodyLines({ ...state, expanded: false }, width, style).folded;
  const expandHint = body.folded ? ' · e to show all' : foldable ? ' · e to fold' : '';
  if (state.mode === 'feedback') {
    lines.push(
      ...wrapIndented('Tell Codex what to do differently:', width, '  ').map((l) => style.bold(l)),
    );
    lines.push(
      style.cyan('› ') +
        renderTextField(state.feedback, {
          width: width - 2,
          style,
          placeholder: 'Type your feedback',
        }),
    );
    lines.push('');
    lines.push(
      ...wrapIndented('Press enter to send or esc to go back', width, '  ').map((l) =>
        style.dim(l),
      ),
    );
    return lines;
  }
  lines.push(...selectionRowLines(state.options, width, style), '');
  const footer = `Press enter to confirm or esc to cancel${expandHint}`;
  lines.push(...wrapIndented(footer, width, '  ').map((l) => style.dim(l)));
  return lines;
}
