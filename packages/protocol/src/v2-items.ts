import * as z from 'zod';
import './zod-config.js';

/** App-server v2 user input (`turn/start.input[]`). */
export const UserInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string(),
    text_elements: z.array(z.unknown()).default([]),
  }),
  z.object({ type: z.literal('image'), url: z.string(), detail: z.string().nullish() }),
  z.object({ type: z.literal('localImage'), path: z.string(), detail: z.string().nullish() }),
  z.object({ type: z.literal('skill'), name: z.string(), path: z.string() }),
  z.object({ type: z.literal('mention'), name: z.string(), path: z.string() }),
]);
export type UserInput = z.infer<typeof UserInputSchema>;

export type CommandExecutionStatus = 'inProgress' | 'completed' | 'failed' | 'declined';
export type PatchApplyStatus = 'inProgress' | 'completed' | 'failed' | 'declined';
export type McpToolCallStatus = 'inProgress' | 'completed' | 'failed';

export type CommandAction =
  | { type: 'read'; command: string; name: string; path: string }
  | { type: 'listFiles'; command: string; path: string | null }
  | { type: 'search'; command: string; query: string | null; path: string | null }
  | { type: 'unknown'; command: string };

export type PatchChangeKind =
  { type: 'add' } | { type: 'delete' } | { type: 'update'; move_path: string | null };

export interface FileUpdateChange {
  path: string;
  kind: PatchChangeKind;
  diff: string;
}

/** The thread items (v2 `ThreadItem`) this implementation produces. Field names are the wire's. */
export type ThreadItem =
  | { type: 'userMessage'; id: string; content: UserInput[] }
  | { type: 'agentMessage'; id: string; text: string }
  | { type: 'reasoning'; id: string; summary: string[]; content: string[] }
  | {
      type: 'commandExecution';
      id: string;
      command: string;
      cwd: string;
      processId: string | null;
      source: 'agent' | 'userShell' | 'unifiedExecStartup' | 'unifiedExecInteraction';
      status: CommandExecutionStatus;
      commandActions: CommandAction[];
      aggregatedOutput: string | null;
      exitCode: number | null;
      durationMs: number | null;
    }
  | { type: 'fileChange'; id: string; changes: FileUpdateChange[]; status: PatchApplyStatus }
  | {
      type: 'mcpToolCall';
      id: string;
      server: string;
      tool: string;
      status: McpToolCallStatus;
      arguments: unknown;
      result: { content: unknown[]; structuredContent?: unknown } | null;
      error: { message: string } | null;
      durationMs: number | null;
    }
  | { type: 'webSearch'; id: string; query: string }
  | { type: 'imageView'; id: string; path: string }
  | { type: 'contextCompaction'; id: string }
  /** A review turn began; `review` is the hint of what is reviewed (`current changes`, ...). */
  | { type: 'enteredReviewMode'; id: string; review: string }
  /** A review turn ended; `review` is the review rendered as plain text. */
  | { type: 'exitedReviewMode'; id: string; review: string };

export type ThreadItemType = ThreadItem['type'];

export type TurnPlanStepStatus = 'pending' | 'inProgress' | 'completed';
export interface TurnPlanStep {
  step: string;
  status: TurnPlanStepStatus;
}
