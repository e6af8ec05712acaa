import * as z from 'zod';
import './zod-config.js';
import {
  AskForApprovalSchema,
  ReasoningEffortSchema,
  ReasoningSummarySchema,
  SandboxModeSchema,
  type AskForApproval,
} from './common.js';
import type { ThreadItem, TurnPlanStep } from './v2-items.js';
import type { ThreadStorageNotificationMap } from './v2-threads.js';
import type { AccountNotificationMap } from './v2-account-config.js';
import type { CommandExecNotificationMap } from './v2-command-exec.js';
import { UserInputSchema } from './v2-items.js';
import { SandboxPolicySchema } from './v2-command-exec.js';

// ---- shared objects -------------------------------------------------------------------------

export type ThreadStatus =
  | { type: 'notLoaded' }
  | { type: 'idle' }
  | { type: 'systemError' }
  | { type: 'active'; activeFlags: Array<'waitingOnApproval' | 'waitingOnUserInput'> };

export type TurnStatus = 'completed' | 'interrupted' | 'failed' | 'inProgress';

/** `CodexErrorInfo`: a string code, or an object for the HTTP-status-carrying kinds. */
export type CodexErrorInfo =
  | 'contextWindowExceeded'
  | 'usageLimitExceeded'
  | 'rateLimitExceeded'
  | 'serverOverloaded'
  | 'modelNotFound'
  | 'internalServerError'
  | 'unauthorized'
  | 'badRequest'
  | 'sandboxError'
  | 'other'
  | { httpConnectionFailed: { httpStatusCode: number | null } }
  | { responseStreamConnectionFailed: { httpStatusCode: number | null } }
  | { responseStreamDisconnected: { httpStatusCode: number | null } }
  | { responseTooManyFailedAttempts: { httpStatusCode: number | null } };

export interface TurnError {
  message: string;
  codexErrorInfo: CodexErrorInfo | null;
  additionalDetails: string | null;
}

export interface Turn {
  id: string;
  items: ThreadItem[];
  status: TurnStatus;
  error: TurnError | null;
  startedAt: number | null;
  completedAt: number | null;
  durationMs: number | null;
}

export type SessionSource = 'cli' | 'vscode' | 'exec' | 'appServer' | 'unknown';

export interface Thread {
  id: string;
  sessionId: string;
  preview: string;
  ephemeral: boolean;
  modelProvider: string;
  model: string | null;
  createdAt: number;
  updatedAt: number;
  status: ThreadStatus;
  path: string | null;
  cwd: string;
  cliVersion: string;
  source: SessionSource;
  name: string | null;
  projectId: string | null;
  turns: Turn[];
}

/** v2 `SandboxPolicy` as reported in `thread/start` responses. */
export type SandboxPolicy =
  | { type: 'dangerFullAccess' }
  | { type: 'readOnly'; networkAccess: boolean }
  | {
      type: 'workspaceWrite';
      writableRoots: string[];
      networkAccess: boolean;
      excludeTmpdirEnvVar: boolean;
      excludeSlashTmp: boolean;
    };

export interface TokenUsageBreakdown {
  totalTokens: number;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteInputTokens: number;
  outputTokens: number;
  reasoningOutputTokens: number;
}

export interface ThreadTokenUsage {
  total: TokenUsageBreakdown;
  last: TokenUsageBreakdown;
  modelContextWindow: number | null;
}

// ---- requests (client -> server) ------------------------------------------------------------

export const InitializeParamsSchema = z.object({
  clientInfo: z.object({
    name: z.string(),
    title: z.string().nullish(),
    version: z.string(),
  }),
  capabilities: z
    .object({
      experimentalApi: z.boolean().optional(),
      optOutNotificationMethods: z.array(z.string()).nullish(),
    })
    .loose()
    .nullish(),
});
export type InitializeParams = z.infer<typeof InitializeParamsSchema>;

export interface InitializeResponse {
  userAgent: string;
  codexHome: string;
  platformFamily: string;
  platformOs: string;
}

export const ThreadStartParamsSchema = z
  .object({
    model: z.string().nullish(),
    modelProvider: z.string().nullish(),
    cwd: z.string().nullish(),
    approvalPolicy: AskForApprovalSchema.nullish(),
    sandbox: SandboxModeSchema.nullish(),
    config: z.record(z.string(), z.unknown()).nullish(),
    baseInstructions: z.string().nullish(),
    developerInstructions: z.string().nullish(),
    ephemeral: z.boolean().nullish(),
  })
  .loose();
export type ThreadStartParams = z.infer<typeof ThreadStartParamsSchema>;

export interface ThreadStartResponse {
  thread: Thread;
  model: string;
  modelProvider: string;
  serviceTier: string | null;
  cwd: string;
  instructionSources: string[];
  approvalPolicy: AskForApproval;
  approvalsReviewer: 'user';
  sandbox: SandboxPolicy;
  reasoningEffort: string | null;
}

export const TurnStartParamsSchema = z
  .object({
    threadId: z.string(),
    input: z.array(UserInputSchema),
    cwd: z.string().nullish(),
    approvalPolicy: AskForApprovalSchema.nullish(),
    model: z.string().nullish(),
    effort: ReasoningEffortSchema.nullish(),
    summary: ReasoningSummarySchema.nullish(),
    /** Sandbox for this turn and the ones after it. */
    sandboxPolicy: SandboxPolicySchema.nullish(),
    outputSchema: z.unknown().optional(),
  })
  .loose();
export type TurnStartParams = z.infer<typeof TurnStartParamsSchema>;

export interface TurnStartResponse {
  turn: Turn;
}

export const TurnInterruptParamsSchema = z.object({ threadId: z.string(), turnId: z.string() });
export type TurnInterruptParams = z.infer<typeof TurnInterruptParamsSchema>;

// ---- notifications (server -> client) -------------------------------------------------------

/** Every server notification this implementation emits, keyed by method, with its params. */
export interface ServerNotificationMap
  extends ThreadStorageNotificationMap, AccountNotificationMap, CommandExecNotificationMap {
  'thread/started': { thread: Thread };
  'thread/status/changed': { threadId: string; status: ThreadStatus };
  'thread/tokenUsage/updated': { threadId: string; turnId: string; tokenUsage: ThreadTokenUsage };
  'turn/started': { threadId: string; turn: Turn };
  'turn/completed': { threadId: string; turn: Turn };
  'turn/plan/updated': {
    threadId: string;
    turnId: string;
    explanation: string | null;
    plan: TurnPlanStep[];
  };
  'turn/diff/updated': { threadId: string; turnId: string; diff: string };
  'item/started': { threadId: string; turnId: string; item: ThreadItem; startedAtMs: number };
  'item/completed': { threadId: string; turnId: string; item: ThreadItem; completedAtMs: number };
  'item/agentMessage/delta': { threadId: string; turnId: string; itemId: string; delta: string };
  'item/reasoning/summaryTextDelta': {
    threadId: string;
    turnId: string;
    itemId: string;
    delta: string;
    summaryIndex: number;
  };
  'item/commandExecution/outputDelta': {
    threadId: string;
    turnId: string;
    itemId: string;
    delta: string;
  };
  error: { threadId: string; turnId: string; error: TurnError; willRetry: boolean };
  warning: { threadId: string | null; message: string };
  'serverRequest/resolved': { threadId: string; requestId: string | number };
}

export type ServerNotificationMethod = keyof ServerNotificationMap;

export type ServerNotification = {
  [M in ServerNotificationMethod]: { method: M; params: ServerNotificationMap[M] };
}[ServerNotificationMethod];
