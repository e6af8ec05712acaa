import type {
  CommandAction,
  CommandExecutionStatus,
  FileUpdateChange,
  McpToolCallStatus,
  PatchApplyStatus,
  TurnPlanStep,
} from '@codex-ts/protocol';

/**
 * One entry of the chat history as the TUI shows it. Most kinds mirror a v2 `ThreadItem`; the
 * rest are UI-only (the session header, errors, warnings, info lines). A cell is plain data: it
 * is rendered to terminal lines by `renderCell` (cells/render-cell.ts), printed once into the
 * terminal's scrollback when finished, and re-rendered in the live area while it is still active.
 */
export type HistoryCell =
  | SessionHeaderCell
  | UserCell
  | AgentCell
  | ReasoningCell
  | ExecCell
  | PatchCell
  | PlanCell
  | McpCell
  | WebSearchCell
  | ImageViewCell
  | NoticeCell
  | InfoCell;

export interface SessionHeaderCell {
  kind: 'session-header';
  version: string;
  model: string;
  /** Reasoning effort (`low` | `medium` | `high` | ...), null when the model has none. */
  effort: string | null;
  cwd: string;
  approvalPolicy: string;
  sandbox: string;
}

export interface UserCell {
  kind: 'user';
  text: string;
  /** Local image paths or URLs attached to the message. */
  images: string[];
}

export interface AgentCell {
  kind: 'agent';
  /** Markdown source (the whole message, or the part of it this cell holds). */
  markdown: string;
  /** False for a chunk that continues an earlier agent cell (no leading bullet). */
  first: boolean;
}

export interface ReasoningCell {
  kind: 'reasoning';
  /** Reasoning summary text (markdown; a leading `**Title**` is the heading). */
  text: string;
}

export interface ExecCell {
  kind: 'exec';
  command: string;
  cwd: string;
  status: CommandExecutionStatus;
  actions: CommandAction[];
  output: string;
  exitCode: number | null;
  durationMs: number | null;
  /** Where the command came from: the model, or the user's `!cmd`. */
  source: 'agent' | 'user';
}

export interface PatchCell {
  kind: 'patch';
  changes: FileUpdateChange[];
  status: PatchApplyStatus;
  /** The cwd paths are shown relative to. */
  cwd: string;
}

export interface PlanCell {
  kind: 'plan';
  explanation: string | null;
  steps: TurnPlanStep[];
}

export interface McpCell {
  kind: 'mcp';
  server: string;
  tool: string;
  arguments: unknown;
  status: McpToolCallStatus;
  /** Text of the result's content blocks, already flattened. */
  resultText: string | null;
  error: string | null;
  durationMs: number | null;
}

export interface WebSearchCell {
  kind: 'web-search';
  query: string;
}

export interface ImageViewCell {
  kind: 'image-view';
  path: string;
}

export interface NoticeCell {
  kind: 'error' | 'warning';
  message: string;
}

/** Free-form lines from the UI itself (slash command output, /status, /diff, tips). */
export interface InfoCell {
  kind: 'info';
  /** An optional bold heading line. */
  title: string | null;
  lines: string[];
}

export type HistoryCellKind = HistoryCell['kind'];

/** How cells are rendered: the width in columns and whether ANSI colour may be used. */
export interface RenderContext {
  width: number;
  color: boolean;
  /** The home directory paths are shown relative to as `~` (default: the user's home). */
  homeDir?: string;
}
