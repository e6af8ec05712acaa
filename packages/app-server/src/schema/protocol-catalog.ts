import {
  AskForApprovalSchema,
  CommandExecParamsSchema,
  CommandExecTerminalSizeSchema,
  CommandExecutionApprovalDecisionSchema,
  FileChangeApprovalDecisionSchema,
  InitializeParamsSchema,
  NetworkAccessSchema,
  ReasoningEffortSchema,
  ReasoningSummarySchema,
  SandboxModeSchema,
  SandboxPolicySchema,
  SortDirectionSchema,
  ThreadArchiveParamsSchema,
  ThreadDeleteParamsSchema,
  ThreadForkParamsSchema,
  ThreadListCwdFilterSchema,
  ThreadListParamsSchema,
  ThreadReadParamsSchema,
  ThreadResumeParamsSchema,
  ThreadSetNameParamsSchema,
  ThreadSortKeySchema,
  ThreadSourceKindSchema,
  ThreadStartParamsSchema,
  ThreadUnarchiveParamsSchema,
  TurnInterruptParamsSchema,
  TurnStartParamsSchema,
  UserInputSchema,
} from '@codex-ts/protocol';
import type { z } from 'zod';
import { ModelListParamsSchema } from '../processor/handlers/model-list-schema.js';
import {
  accountConfigHelpers,
  accountConfigRequests,
  accountNotifications,
} from './protocol-catalog-account.js';
import { HELPER_TYPES } from './protocol-helper-types.js';
import { reviewHelpers, reviewRequests } from './protocol-catalog-review.js';
import { mcpHelpers, mcpRequests } from './protocol-catalog-mcp.js';
import { threadRevertRequests } from './protocol-catalog-thread-revert.js';
import { CommandExecResponseSchema } from './wire-command-exec.js';
import {
  commandExecControlRequests,
  commandExecHelpers,
  commandExecNotifications,
} from './protocol-catalog-command-exec.js';
import { ModelListResponseSchema } from './wire-model-list.js';
import { NOTIFICATION_SCHEMAS } from './wire-notifications.js';
import { SERVER_REQUEST_SCHEMAS } from './wire-server-requests.js';
import {
  InitializeResponseSchema,
  ThreadForkResponseSchema,
  ThreadListResponseSchema,
  ThreadReadResponseSchema,
  ThreadResumeResponseSchema,
  ThreadStartResponseSchema,
  ThreadUnarchiveResponseSchema,
  TurnStartResponseSchema,
  emptyResponse,
} from './wire-thread.js';

/**
 * Where a definition lives in the generated layout, as in Rust's: `v1` (the handshake), `v2`
 * (the v2 protocol types, `v2/<Name>.json`) or the root (envelopes and server requests).
 */
export type WireNamespace = 'root' | 'v1' | 'v2';

/** One named type of the protocol: a definition of the JSON Schema and a TypeScript type. */
export interface WireType {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly namespace: WireNamespace;
}

export interface ClientRequestEntry {
  readonly method: string;
  /** Null for a method without params (`account/logout`): `params` is `null` or absent. */
  readonly params: WireType | null;
  readonly response: WireType;
}

export interface NotificationEntry {
  readonly method: string;
  /** Null for a notification without params (`initialized`). */
  readonly params: WireType | null;
}

/** Everything this server speaks, in protocol order. */
export interface ProtocolCatalog {
  readonly clientRequests: readonly ClientRequestEntry[];
  readonly clientNotifications: readonly NotificationEntry[];
  readonly serverNotifications: readonly NotificationEntry[];
  readonly serverRequests: readonly ClientRequestEntry[];
  /** Named types used by the messages (each becomes one definition). */
  readonly helpers: readonly WireType[];
}

function v2(name: string, schema: z.ZodType): WireType {
  // A fresh copy: one schema object may back several definitions (the thread-id-only params).
  return { name, schema: schema.clone(), namespace: 'v2' };
}

function request(
  method: string,
  params: [string, z.ZodType],
  response: [string, z.ZodType],
): ClientRequestEntry {
  return { method, params: v2(...params), response: v2(...response) };
}

/** The protocol as this server implements it: every method it serves, sends and accepts. */
export function protocolCatalog(): ProtocolCatalog {
  const clientRequests: ClientRequestEntry[] = [
    {
      method: 'initialize',
      params: { name: 'InitializeParams', schema: InitializeParamsSchema.clone(), namespace: 'v1' },
      response: { name: 'InitializeResponse', schema: InitializeResponseSchema, namespace: 'v1' },
    },
    request(
      'thread/start',
      ['ThreadStartParams', ThreadStartParamsSchema],
      ['ThreadStartResponse', ThreadStartResponseSchema],
    ),
    request(
      'thread/resume',
      ['ThreadResumeParams', ThreadResumeParamsSchema],
      ['ThreadResumeResponse', ThreadResumeResponseSchema],
    ),
    request(
      'thread/fork',
      ['ThreadForkParams', ThreadForkParamsSchema],
      ['ThreadForkResponse', ThreadForkResponseSchema],
    ),
    request(
      'thread/archive',
      ['ThreadArchiveParams', ThreadArchiveParamsSchema],
      ['ThreadArchiveResponse', emptyResponse()],
    ),
    request(
      'thread/delete',
      ['ThreadDeleteParams', ThreadDeleteParamsSchema],
      ['ThreadDeleteResponse', emptyResponse()],
    ),
    request(
      'thread/name/set',
      ['ThreadSetNameParams', ThreadSetNameParamsSchema],
      ['ThreadSetNameResponse', emptyResponse()],
    ),
    request(
      'thread/unarchive',
      ['ThreadUnarchiveParams', ThreadUnarchiveParamsSchema],
      ['ThreadUnarchiveResponse', ThreadUnarchiveResponseSchema],
    ),
    request(
      'thread/list',
      ['ThreadListParams', ThreadListParamsSchema],
      ['ThreadListResponse', ThreadListResponseSchema],
    ),
    request(
      'thread/read',
      ['ThreadReadParams', ThreadReadParamsSchema],
      ['ThreadReadResponse', ThreadReadResponseSchema],
    ),
    request(
      'turn/start',
      ['TurnStartParams', TurnStartParamsSchema],
      ['TurnStartResponse', TurnStartResponseSchema],
    ),
    request(
      'turn/interrupt',
      ['TurnInterruptParams', TurnInterruptParamsSchema],
      ['TurnInterruptResponse', emptyResponse()],
    ),
    request(
      'model/list',
      ['ModelListParams', ModelListParamsSchema],
      ['ModelListResponse', ModelListResponseSchema],
    ),
    request(
      'command/exec',
      ['CommandExecParams', CommandExecParamsSchema],
      ['CommandExecResponse', CommandExecResponseSchema],
    ),
    ...commandExecControlRequests(),
    ...accountConfigRequests(),
    ...reviewRequests(),
    ...mcpRequests(),
    ...threadRevertRequests(),
  ];
  const serverNotifications = [
    ...Object.entries(NOTIFICATION_SCHEMAS).map(([method, [name, schema]]): NotificationEntry => ({
      method,
      params: v2(name, schema),
    })),
    ...accountNotifications(),
    ...commandExecNotifications(),
  ];
  const serverRequests = Object.entries(SERVER_REQUEST_SCHEMAS).map(
    ([method, { params, response }]): ClientRequestEntry => ({
      method,
      params: { name: params[0], schema: params[1].clone(), namespace: 'root' },
      response: { name: response[0], schema: response[1].clone(), namespace: 'root' },
    }),
  );
  return {
    clientRequests,
    clientNotifications: [{ method: 'initialized', params: null }],
    serverNotifications,
    serverRequests,
    helpers: [
      ...protocolHelperTypes(),
      ...HELPER_TYPES,
      ...accountConfigHelpers(),
      ...reviewHelpers(),
      ...commandExecHelpers(),
      ...mcpHelpers(),
    ],
  };
}

/** Named types of the request params (schemas of @codex-ts/protocol). */
function protocolHelperTypes(): WireType[] {
  const capabilities = InitializeParamsSchema.shape.capabilities.unwrap().unwrap();
  const named: Array<[string, z.ZodType, WireNamespace]> = [
    ['ClientInfo', InitializeParamsSchema.shape.clientInfo, 'v1'],
    ['InitializeCapabilities', capabilities, 'v1'],
    ['AskForApproval', AskForApprovalSchema, 'v2'],
    ['SandboxMode', SandboxModeSchema, 'v2'],
    ['SandboxPolicy', SandboxPolicySchema, 'v2'],
    ['NetworkAccess', NetworkAccessSchema, 'v2'],
    ['ReasoningEffort', ReasoningEffortSchema, 'v2'],
    ['ReasoningSummary', ReasoningSummarySchema, 'v2'],
    ['UserInput', UserInputSchema, 'v2'],
    ['ThreadSortKey', ThreadSortKeySchema, 'v2'],
    ['SortDirection', SortDirectionSchema, 'v2'],
    ['ThreadSourceKind', ThreadSourceKindSchema, 'v2'],
    ['ThreadListCwdFilter', ThreadListCwdFilterSchema, 'v2'],
    ['CommandExecTerminalSize', CommandExecTerminalSizeSchema, 'v2'],
    ['CommandExecutionApprovalDecision', CommandExecutionApprovalDecisionSchema, 'root'],
    ['FileChangeApprovalDecision', FileChangeApprovalDecisionSchema, 'root'],
  ];
  return named.map(([name, schema, namespace]) => ({ name, schema, namespace }));
}
