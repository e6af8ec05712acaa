import * as z from 'zod';
import { ThreadItemSchema } from './wire-items.js';
import {
  RequestIdSchema,
  ThreadStatusSchema,
  ThreadTokenUsageSchema,
  TurnErrorSchema,
  TurnPlanStepSchema,
  int,
} from './wire-shared.js';
import { ThreadSchema, TurnSchema } from './wire-thread.js';

// zod schemas of the params of every notification this server sends (types:
// `ServerNotificationMap` of @codex-ts/protocol), keyed by method, with their schema names.

const threadTurn = { threadId: z.string(), turnId: z.string() };
const threadOnly = () => z.object({ threadId: z.string() });

/** Method -> [definition name, params schema]. */
export const NOTIFICATION_SCHEMAS = {
  'thread/started': ['ThreadStartedNotification', z.object({ thread: ThreadSchema })],
  'thread/status/changed': [
    'ThreadStatusChangedNotification',
    z.object({ threadId: z.string(), status: ThreadStatusSchema }),
  ],
  'thread/tokenUsage/updated': [
    'ThreadTokenUsageUpdatedNotification',
    z.object({ ...threadTurn, tokenUsage: ThreadTokenUsageSchema }),
  ],
  'turn/started': ['TurnStartedNotification', z.object({ threadId: z.string(), turn: TurnSchema })],
  'turn/completed': [
    'TurnCompletedNotification',
    z.object({ threadId: z.string(), turn: TurnSchema }),
  ],
  'turn/plan/updated': [
    'TurnPlanUpdatedNotification',
    z.object({
      ...threadTurn,
      explanation: z.string().nullable(),
      plan: z.array(TurnPlanStepSchema),
    }),
  ],
  'turn/diff/updated': [
    'TurnDiffUpdatedNotification',
    z.object({ ...threadTurn, diff: z.string() }),
  ],
  'item/started': [
    'ItemStartedNotification',
    z.object({ ...threadTurn, item: ThreadItemSchema, startedAtMs: int() }),
  ],
  'item/completed': [
    'ItemCompletedNotification',
    z.object({ ...threadTurn, item: ThreadItemSchema, completedAtMs: int() }),
  ],
  'item/agentMessage/delta': [
    'AgentMessageDeltaNotification',
    z.object({ ...threadTurn, itemId: z.string(), delta: z.string() }),
  ],
  'item/reasoning/summaryTextDelta': [
    'ReasoningSummaryTextDeltaNotification',
    z.object({ ...threadTurn, itemId: z.string(), delta: z.string(), summaryIndex: int() }),
  ],
  'item/commandExecution/outputDelta': [
    'CommandExecutionOutputDeltaNotification',
    z.object({ ...threadTurn, itemId: z.string(), delta: z.string() }),
  ],
  error: [
    'ErrorNotification',
    z.object({ ...threadTurn, error: TurnErrorSchema, willRetry: z.boolean() }),
  ],
  warning: [
    'WarningNotification',
    z.object({ threadId: z.string().nullable(), message: z.string() }),
  ],
  'serverRequest/resolved': [
    'ServerRequestResolvedNotification',
    z.object({ threadId: z.string(), requestId: RequestIdSchema }),
  ],
  'thread/archived': ['ThreadArchivedNotification', threadOnly()],
  'thread/unarchived': ['ThreadUnarchivedNotification', threadOnly()],
  'thread/deleted': ['ThreadDeletedNotification', threadOnly()],
  'thread/name/updated': [
    'ThreadNameUpdatedNotification',
    z.object({ threadId: z.string(), threadName: z.string().nullable() }),
  ],
  'thread/reverted': ['ThreadRevertedNotification', threadOnly()],
} as const satisfies Record<string, readonly [string, z.ZodType]>;
