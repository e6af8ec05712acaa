import * as z from 'zod';
import './zod-config.js';
import { AskForApprovalSchema, SandboxModeSchema } from './common.js';
import type { Thread, ThreadStartResponse } from './v2.js';

// Stored-thread methods of the v2 app-server protocol: resume, fork, read, list, archive,
// unarchive, delete and name/set. Field names follow the Rust app server's JSON Schema.

/** Settings a client may give when it brings a stored thread back (resume) or copies it (fork). */
const threadSettingsShape = {
  threadId: z.string(),
  model: z.string().nullish(),
  modelProvider: z.string().nullish(),
  serviceTier: z.string().nullish(),
  cwd: z.string().nullish(),
  approvalPolicy: AskForApprovalSchema.nullish(),
  sandbox: SandboxModeSchema.nullish(),
  config: z.record(z.string(), z.unknown()).nullish(),
  baseInstructions: z.string().nullish(),
  developerInstructions: z.string().nullish(),
  /** Return the thread without `turns` (clients that page turns separately). */
  excludeTurns: z.boolean().nullish(),
};

export const ThreadResumeParamsSchema = z.object(threadSettingsShape).loose();
export type ThreadResumeParams = z.infer<typeof ThreadResumeParamsSchema>;

export const ThreadForkParamsSchema = z
  .object({
    ...threadSettingsShape,
    ephemeral: z.boolean().nullish(),
    /** Keep the history through this turn (inclusive) only. */
    lastTurnId: z.string().nullish(),
  })
  .loose();
export type ThreadForkParams = z.infer<typeof ThreadForkParamsSchema>;

/** `thread/resume` and `thread/fork` answer with the settings of the thread, as thread/start. */
export type ThreadResumeResponse = ThreadStartResponse;
export type ThreadForkResponse = ThreadStartResponse;

export const ThreadReadParamsSchema = z
  .object({ threadId: z.string(), includeTurns: z.boolean().nullish() })
  .loose();
export type ThreadReadParams = z.infer<typeof ThreadReadParamsSchema>;

export interface ThreadReadResponse {
  thread: Thread;
}

export const ThreadSortKeySchema = z.enum([
  'created_at',
  'updated_at',
  'recency_at',
  'section_position',
]);
export const SortDirectionSchema = z.enum(['asc', 'desc']);
export const ThreadSourceKindSchema = z.enum([
  'cli',
  'vscode',
  'exec',
  'appServer',
  'subAgent',
  'subAgentReview',
  'subAgentCompact',
  'subAgentThreadSpawn',
  'subAgentOther',
  'unknown',
]);
export type ThreadSourceKind = z.infer<typeof ThreadSourceKindSchema>;

/** `ThreadListCwdFilter`: one directory or several. */
export const ThreadListCwdFilterSchema = z.union([z.string(), z.array(z.string())]);

export const ThreadListParamsSchema = z
  .object({
    cursor: z.string().nullish(),
    limit: z.number().int().min(0).max(4294967295).nullish(),
    sortKey: ThreadSortKeySchema.nullish(),
    sortDirection: SortDirectionSchema.nullish(),
    /** Absent: the current provider only; empty: every provider. */
    modelProviders: z.array(z.string()).nullish(),
    /** Absent or empty: interactive sources (cli, vscode). */
    sourceKinds: z.array(ThreadSourceKindSchema).nullish(),
    archived: z.boolean().nullish(),
    cwd: ThreadListCwdFilterSchema.nullish(),
    searchTerm: z.string().nullish(),
    excludedThreadIds: z.array(z.string()).nullish(),
    originators: z.array(z.string()).nullish(),
    useStateDbOnly: z.boolean().nullish(),
    currentAccountOnly: z.boolean().nullish(),
    sectionId: z.string().nullish(),
  })
  .loose();
export type ThreadListParams = z.infer<typeof ThreadListParamsSchema>;

export interface ThreadListResponse {
  data: Thread[];
  nextCursor: string | null;
}

const threadIdOnly = z.object({ threadId: z.string() }).loose();

export const ThreadArchiveParamsSchema = threadIdOnly;
export type ThreadArchiveParams = z.infer<typeof ThreadArchiveParamsSchema>;
export type ThreadArchiveResponse = Record<string, never>;

export const ThreadUnarchiveParamsSchema = threadIdOnly;
export type ThreadUnarchiveParams = z.infer<typeof ThreadUnarchiveParamsSchema>;
export interface ThreadUnarchiveResponse {
  thread: Thread;
}

export const ThreadDeleteParamsSchema = threadIdOnly;
export type ThreadDeleteParams = z.infer<typeof ThreadDeleteParamsSchema>;
export type ThreadDeleteResponse = Record<string, never>;

export const ThreadSetNameParamsSchema = z
  .object({ threadId: z.string(), name: z.string() })
  .loose();
export type ThreadSetNameParams = z.infer<typeof ThreadSetNameParamsSchema>;
export type ThreadSetNameResponse = Record<string, never>;

/**
 * `thread/revert`: drop turn `beforeTurnId` and every later turn from a loaded thread's history
 * (the conversation only: files the turns changed stay as they are).
 */
export const ThreadRevertParamsSchema = z
  .object({ threadId: z.string(), beforeTurnId: z.string() })
  .loose();
export type ThreadRevertParams = z.infer<typeof ThreadRevertParamsSchema>;

/** `thread.turns` is always empty; the cursors are for clients that page turns (null here). */
export interface ThreadRevertResponse {
  thread: Thread;
  turnsBackwardsCursor?: string | null;
  itemsBackwardsCursor?: string | null;
}

/**
 * Notifications of the stored-thread methods (broadcast to every connection; `thread/reverted`
 * goes to the thread's subscribers).
 */
export interface ThreadStorageNotificationMap {
  'thread/archived': { threadId: string };
  'thread/unarchived': { threadId: string };
  'thread/deleted': { threadId: string };
  'thread/name/updated': { threadId: string; threadName: string | null };
  'thread/reverted': { threadId: string };
}
