import {
  prefixLines,
  styleFor,
  widthOf,
  wrapText,
  wrapWords,
  type Style,
} from '../markdown/index.js';
import { foldLines, sanitizeOutputLine, textLines } from './cell-format.js';
import type { McpCell, RenderContext } from './history-cell.js';

/** Result lines shown under a tool call before the rest is folded. */
const RESULT_LINES = 5;

function argumentsText(args: unknown): string {
  if (args === undefined || args === null) return '';
  try {
    return JSON.stringify(args) ?? '';
  } catch {
    return String(args);
  }
}

function bullet(cell: McpCell, s: Style): string {
  if (cell.status === 'inProgress') return s.dim('•');
  return cell.status === 'failed' || cell.error !== null ? s.red.bold('•') : s.green.bold('•');
}

function resultLines(cell: McpCell, width: number, s: Style): string[] {
  if (cell.error !== null) return wrapText(`Error: ${cell.error}`, width).map((l) => s.red(l));
  if (cell.resultText === null) return [];
  const lines = textLines(cell.resultText).map(sanitizeOutputLine);
  if (lines.length === 0 && cell.status !== 'inProgress') return [s.dim('(no output)')];
  return foldLines(lines, RESULT_LINES).flatMap((line) =>
    prefixLines(wrapWords(line, Math.max(1, width - 4)), '', '    ').map((l) => s.dim(l)),
  );
}

/**
 * An MCP tool call: `• Called server.tool({"args":1})` (or `Calling` while it runs), then the
 * result's first lines, or the error in red.
 */
export function renderMcp(cell: McpCell, ctx: RenderContext): string[] {
  const s = styleFor(ctx.color);
  const width = Math.max(1, ctx.width);
  const verb = s.bold(cell.status === 'inProgress' ? 'Calling' : 'Called');
  const args = argumentsText(cell.arguments);
  const invocation = `${s.cyan(cell.server)}.${s.cyan(cell.tool)}(${s.dim(args)})`;
  const oneLine = `${bullet(cell, s)} ${verb} ${invocation}`;
  const inner = Math.max(1, width - 4);
  const lines: string[] = [];
  const block: string[] = [];
  if (widthOf(oneLine) <= width) lines.push(oneLine);
  else {
    lines.push(`${bullet(cell, s)} ${verb}`);
    const plain = `${cell.server}.${cell.tool}(${args})`;
    const rows = wrapWords(plain, inner);
    block.push(...rows.map((r, i) => (i === 0 ? s.cyan(r) : s.dim(r))));
  }
  block.push(...resultLines(cell, inner, s));
  return [...lines, ...prefixLines(block, s.dim('  └ '), '    ')];
}
