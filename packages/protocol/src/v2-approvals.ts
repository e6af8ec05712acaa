import * as z from 'zod';
import './zod-config.js';
import type { CommandAction } from './v2-items.js';

/**
 * Approval requests the server sends to the client (JSON-RPC requests from server to client),
 * and the answers it accepts. Shapes follow the Rust app server's v2 protocol.
 */
export const CommandExecutionApprovalDecisionSchema = z.union([
  z.enum(['accept', 'acceptForSession', 'decline', 'cancel']),
  z
    .object({
      acceptWithExecpolicyAmendment: z.object({
        execpolicy_amendment: z.array(z.string()).min(1),
      }),
    })
    .strict(),
]);
export type CommandExecutionApprovalDecision = z.infer<
  typeof CommandExecutionApprovalDecisionSchema
>;

export const CommandExecutionRequestApprovalResponseSchema = z.object({
  decision: CommandExecutionApprovalDecisionSchema,
});
export type CommandExecutionRequestApprovalResponse = z.infer<
  typeof CommandExecutionRequestApprovalResponseSchema
>;

export interface CommandExecutionRequestApprovalParams {
  threadId: string;
  turnId: string;
  itemId: string;
  /** Epoch ms when the request started. */
  startedAtMs: number;
  /** Set when one item has several approval callbacks (e.g. a retry without the sandbox). */
  approvalId: string | null;
  environmentId: string | null;
  /** Why approval is needed (the model's justification, or the sandbox failure). */
  reason: string | null;
  command: string | null;
  cwd: string | null;
  commandActions: CommandAction[] | null;
  /** A prefix rule the client may offer to add so similar commands stop asking. */
  proposedExecpolicyAmendment: string[] | null;
}

export const FileChangeApprovalDecisionSchema = z.enum([
  'accept',
  'acceptForSession',
  'decline',
  'cancel',
]);
export type FileChangeApprovalDecision = z.infer<typeof FileChangeApprovalDecisionSchema>;

export const FileChangeRequestApprovalResponseSchema = z.object({
  decision: FileChangeApprovalDecisionSchema,
});
export type FileChangeRequestApprovalResponse = z.infer<
  typeof FileChangeRequestApprovalResponseSchema
>;

export interface FileChangeRequestApprovalParams {
  threadId: string;
  turnId: string;
  itemId: string;
  startedAtMs: number;
  reason: string | null;
  /** A directory the change wants write access to for the rest of the session. */
  grantRoot: string | null;
}

/** Server -> client requests, keyed by method. */
export interface ServerRequestMap {
  'item/commandExecution/requestApproval': {
    params: CommandExecutionRequestApprovalParams;
    result: CommandExecutionRequestApprovalResponse;
  };
  'item/fileChange/requestApproval': {
    params: FileChangeRequestApprovalParams;
    result: FileChangeRequestApprovalResponse;
  };
}
export type ServerRequestMethod = keyof ServerRequestMap;

/** The schema a client's answer to each server request must satisfy. */
export const SERVER_REQUEST_RESULT_SCHEMAS = {
  'item/commandExecution/requestApproval': CommandExecutionRequestApprovalResponseSchema,
  'item/fileChange/requestApproval': FileChangeRequestApprovalResponseSchema,
} as const;
