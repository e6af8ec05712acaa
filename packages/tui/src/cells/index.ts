export { renderCell } from './render-cell.js';
export type {
  HistoryCell,
  HistoryCellKind,
  RenderContext,
  SessionHeaderCell,
  UserCell,
  AgentCell,
  ReasoningCell,
  ExecCell,
  PatchCell,
  PlanCell,
  McpCell,
  WebSearchCell,
  ImageViewCell,
  NoticeCell,
  InfoCell,
} from './history-cell.js';
export { displayCommand } from './exec-display.js';
export { formatDuration, displayPath, tildePath } from './cell-format.js';
export { fileDiff, parseUnifiedDiff } from './diff-lines.js';
export type { DiffRow, FileDiff } from './diff-lines.js';
