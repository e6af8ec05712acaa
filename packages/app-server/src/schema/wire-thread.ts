import { AskForApprovalSchema, SandboxPolicySchema } from '@codex-ts/protocol';
import * as z from 'zod';
import { ThreadItemSchema } from './wire-items.js';
import {
  ApprovalsReviewerSchema,
  SessionSourceSchema,
  ThreadStatusSchema,
  TurnErrorSchema,
  TurnStatusSchema,
  int,
} from './wire-shared.js';

// zod schemas of the thread and turn objects and of the thread/turn method responses this
// server sends (types: v2.ts, v2-threads.ts).

export const TurnSchema = z.object({
  id: z.string(),
  items: z.array(ThreadItemSchema),
  status: TurnStatusSchema,
  error: TurnErrorSchema.nullable(),
  startedAt: int().nullable(),
  completedAt: int().nullable(),
  durationMs: int().nullable(),
});

export const ThreadSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  preview: z.string(),
  ephemeral: z.boolean(),
  modelProvider: z.string(),
  model: z.string().nullable(),
  createdAt: int(),
  updatedAt: int(),
  status: ThreadStatusSchema,
  path: z.string().nullable(),
  cwd: z.string(),
  cliVersion: z.string(),
  source: SessionSourceSchema,
  name: z.string().nullable(),
  projectId: z.string().nullable(),
  turns: z.array(TurnSchema),
});

/** The answer of thread/start, thread/resume and thread/fork: the thread and its settings. */
function threadSettingsResponse() {
  return z.object({
    thread: ThreadSchema,
    model: z.string(),
    modelProvider: z.string(),
    serviceTier: z.string().nullable(),
    cwd: z.string(),
    instructionSources: z.array(z.string()),
    approvalPolicy: AskForApprovalSchema,
    approvalsReviewer: ApprovalsReviewerSchema,
    sandbox: SandboxPolicySchema,
    reasoningEffort: z.string().nullable(),
  });
}

export const ThreadStartResponseSchema = threadSettingsResponse();
export const ThreadResumeResponseSchema = threadSettingsResponse();
export const ThreadForkResponseSchema = threadSettingsResponse();

export const ThreadReadResponseSchema = z.object({ thread: ThreadSchema });
export const ThreadUnarchiveResponseSchema = z.object({ thread: ThreadSchema });

export const ThreadListResponseSchema = z.object({
  data: z.array(ThreadSchema),
  nextCursor: z.string().nullable(),
});

/** An empty object answer (archive, delete, name/set, turn/interrupt). */
export function emptyResponse() {
  return z.object({});
}

export const TurnStartResponseSchema = z.object({ turn: TurnSchema });

export const InitializeResponseSchema = z.object({
  userAgent: z.string(),
  codexHome: z.string(),
  platformFamily: z.string(),
  platformOs: z.string(),
});
