import * as z from 'zod';
import type { WireType } from './protocol-catalog.js';
import {
  CommandActionSchema,
  CommandExecutionSourceSchema,
  CommandExecutionStatusSchema,
  FileUpdateChangeSchema,
  McpToolCallErrorSchema,
  McpToolCallResultSchema,
  McpToolCallStatusSchema,
  PatchApplyStatusSchema,
  PatchChangeKindSchema,
  ThreadItemSchema,
} from './wire-items.js';
import {
  ModelAvailabilityNuxSchema,
  ModelSchema,
  ModelServiceTierSchema,
  ModelUpgradeInfoSchema,
  MultiAgentVersionSchema,
  ReasoningEffortOptionSchema,
} from './wire-model-list.js';
import {
  ApprovalsReviewerSchema,
  CodexErrorInfoSchema,
  RequestIdSchema,
  SessionSourceSchema,
  ThreadActiveFlagSchema,
  ThreadStatusSchema,
  ThreadTokenUsageSchema,
  TokenUsageBreakdownSchema,
  TurnErrorSchema,
  TurnPlanStepSchema,
  TurnPlanStepStatusSchema,
  TurnStatusSchema,
  int,
} from './wire-shared.js';
import { ThreadSchema, TurnSchema } from './wire-thread.js';

const v2Helpers: Array<[string, z.ZodType]> = [
  ['Thread', ThreadSchema],
  ['Turn', TurnSchema],
  ['ThreadStatus', ThreadStatusSchema],
  ['ThreadActiveFlag', ThreadActiveFlagSchema],
  ['TurnStatus', TurnStatusSchema],
  ['TurnError', TurnErrorSchema],
  ['CodexErrorInfo', CodexErrorInfoSchema],
  ['SessionSource', SessionSourceSchema],
  ['ApprovalsReviewer', ApprovalsReviewerSchema],
  ['ThreadTokenUsage', ThreadTokenUsageSchema],
  ['TokenUsageBreakdown', TokenUsageBreakdownSchema],
  ['TurnPlanStep', TurnPlanStepSchema],
  ['TurnPlanStepStatus', TurnPlanStepStatusSchema],
  ['ThreadItem', ThreadItemSchema],
  ['CommandAction', CommandActionSchema],
  ['CommandExecutionStatus', CommandExecutionStatusSchema],
  ['CommandExecutionSource', CommandExecutionSourceSchema],
  ['PatchApplyStatus', PatchApplyStatusSchema],
  ['PatchChangeKind', PatchChangeKindSchema],
  ['FileUpdateChange', FileUpdateChangeSchema],
  ['McpToolCallStatus', McpToolCallStatusSchema],
  ['McpToolCallResult', McpToolCallResultSchema],
  ['McpToolCallError', McpToolCallErrorSchema],
  ['Model', ModelSchema],
  ['ReasoningEffortOption', ReasoningEffortOptionSchema],
  ['ModelUpgradeInfo', ModelUpgradeInfoSchema],
  ['ModelServiceTier', ModelServiceTierSchema],
  ['ModelAvailabilityNux', ModelAvailabilityNuxSchema],
  ['MultiAgentVersion', MultiAgentVersionSchema],
];

const JsonRpcErrorErrorSchema = z.object({
  code: int('int64'),
  message: z.string(),
  data: z.unknown().optional(),
});

/**
 * JSON-RPC 2.0 as the app server speaks it (no `"jsonrpc"` member), as Rust exports it at the
 * root of the layout.
 */
const jsonRpcTypes: Array<[string, z.ZodType]> = [
  ['RequestId', RequestIdSchema],
  ['JSONRPCErrorError', JsonRpcErrorErrorSchema],
];

const JsonRpcRequestSchema = z.object({
  id: RequestIdSchema,
  method: z.string(),
  params: z.unknown().optional(),
});
const JsonRpcNotificationSchema = z.object({
  method: z.string(),
  params: z.unknown().optional(),
});
const JsonRpcResponseSchema = z.object({ id: RequestIdSchema, result: z.unknown() });
const JsonRpcErrorSchema = z.object({ id: RequestIdSchema, error: JsonRpcErrorErrorSchema });

/** The JSON-RPC envelope definitions, each a top-level file of the layout. */
export const JSON_RPC_ENVELOPES: Array<[string, z.ZodType]> = [
  ['JSONRPCRequest', JsonRpcRequestSchema],
  ['JSONRPCNotification', JsonRpcNotificationSchema],
  ['JSONRPCResponse', JsonRpcResponseSchema],
  ['JSONRPCError', JsonRpcErrorSchema],
  [
    'JSONRPCMessage',
    z.union([
      JsonRpcRequestSchema,
      JsonRpcNotificationSchema,
      JsonRpcResponseSchema,
      JsonRpcErrorSchema,
    ]),
  ],
];

/** The named types of this server's messages besides the request params. */
export const HELPER_TYPES: readonly WireType[] = [
  ...v2Helpers.map(([name, schema]): WireType => ({ name, schema, namespace: 'v2' })),
  ...jsonRpcTypes.map(([name, schema]): WireType => ({ name, schema, namespace: 'root' })),
];
