import {
  CommandExecutionRequestApprovalResponseSchema,
  FileChangeRequestApprovalResponseSchema,
} from '@codex-ts/protocol';
import * as z from 'zod';
import { CommandActionSchema } from './wire-items.js';
import { int } from './wire-shared.js';

// zod schemas of the requests this server sends to clients (approvals) and of the answers it
// accepts (types and answer schemas: v2-approvals.ts of @codex-ts/protocol).

export const CommandExecutionRequestApprovalParamsSchema = z.object({
  threadId: z.string(),
  turnId: z.string(),
  itemId: z.string(),
  startedAtMs: int(),
  approvalId: z.string().nullable(),
  environmentId: z.string().nullable(),
  reason: z.string().nullable(),
  command: z.string().nullable(),
  cwd: z.string().nullable(),
  commandActions: z.array(CommandActionSchema).nullable(),
  proposedExecpolicyAmendment: z.array(z.string()).nullable(),
});

export const FileChangeRequestApprovalParamsSchema = z.object({
  threadId: z.string(),
  turnId: z.string(),
  itemId: z.string(),
  startedAtMs: int(),
  reason: z.string().nullable(),
  grantRoot: z.string().nullable(),
});

/** Server request method -> params and answer, with their schema names. */
export const SERVER_REQUEST_SCHEMAS = {
  'item/commandExecution/requestApproval': {
    params: ['CommandExecutionRequestApprovalParams', CommandExecutionRequestApprovalParamsSchema],
    response: [
      'CommandExecutionRequestApprovalResponse',
      CommandExecutionRequestApprovalResponseSchema,
    ],
  },
  'item/fileChange/requestApproval': {
    params: ['FileChangeRequestApprovalParams', FileChangeRequestApprovalParamsSchema],
    response: ['FileChangeRequestApprovalResponse', FileChangeRequestApprovalResponseSchema],
  },
} as const;
