// First: configures zod before any schema is built (see zod-config.ts).
import './zod-config.js';

export {
  SandboxModeSchema,
  AskForApprovalSchema,
  ReasoningEffortSchema,
  ReasoningSummarySchema,
  VerbositySchema,
  emptyTokenUsage,
  addTokenUsage,
} from './common.js';
export type {
  SandboxMode,
  AskForApproval,
  ReasoningEffort,
  ReasoningSummary,
  Verbosity,
  TokenUsage,
} from './common.js';
export {
  ContentItemSchema,
  MessageItemSchema,
  ReasoningItemSchema,
  FunctionCallItemSchema,
  FunctionCallOutputItemSchema,
  FunctionCallOutputContentItemSchema,
  CustomToolCallItemSchema,
  CustomToolCallOutputItemSchema,
  OtherItemSchema,
  parseResponseItem,
} from './responses.js';
export type {
  ContentItem,
  MessageItem,
  ReasoningItem,
  FunctionCallItem,
  FunctionCallOutputItem,
  FunctionCallOutputContentItem,
  CustomToolCallItem,
  CustomToolCallOutputItem,
  OtherItem,
  ResponseItem,
  ToolSpec,
  ResponsesRequest,
} from './responses.js';
export {
  SseEventSchema,
  SseUsageSchema,
  SseErrorSchema,
  SseResponseSchema,
  tokenUsageFromSse,
} from './sse-events.js';
export type { SseEvent, SseUsage, SseError, ResponseEvent } from './sse-events.js';
export { UserInputSchema } from './v2-items.js';
export type {
  UserInput,
  ThreadItem,
  ThreadItemType,
  CommandAction,
  CommandExecutionStatus,
  PatchApplyStatus,
  PatchChangeKind,
  FileUpdateChange,
  McpToolCallStatus,
  TurnPlanStep,
  TurnPlanStepStatus,
} from './v2-items.js';
export {
  InitializeParamsSchema,
  ThreadStartParamsSchema,
  TurnStartParamsSchema,
  TurnInterruptParamsSchema,
} from './v2.js';
export type {
  ThreadStatus,
  TurnStatus,
  CodexErrorInfo,
  TurnError,
  Turn,
  Thread,
  SessionSource,
  SandboxPolicy,
  TokenUsageBreakdown,
  ThreadTokenUsage,
  InitializeParams,
  InitializeResponse,
  ThreadStartParams,
  ThreadStartResponse,
  TurnStartParams,
  TurnStartResponse,
  TurnInterruptParams,
  ServerNotificationMap,
  ServerNotificationMethod,
  ServerNotification,
} from './v2.js';
export {
  ThreadResumeParamsSchema,
  ThreadForkParamsSchema,
  ThreadReadParamsSchema,
  ThreadListParamsSchema,
  ThreadListCwdFilterSchema,
  ThreadSortKeySchema,
  SortDirectionSchema,
  ThreadSourceKindSchema,
  ThreadArchiveParamsSchema,
  ThreadUnarchiveParamsSchema,
  ThreadDeleteParamsSchema,
  ThreadSetNameParamsSchema,
  ThreadRevertParamsSchema,
} from './v2-threads.js';
export type {
  ThreadResumeParams,
  ThreadResumeResponse,
  ThreadForkParams,
  ThreadForkResponse,
  ThreadReadParams,
  ThreadReadResponse,
  ThreadListParams,
  ThreadListResponse,
  ThreadSourceKind,
  ThreadArchiveParams,
  ThreadArchiveResponse,
  ThreadUnarchiveParams,
  ThreadUnarchiveResponse,
  ThreadDeleteParams,
  ThreadDeleteResponse,
  ThreadSetNameParams,
  ThreadSetNameResponse,
  ThreadStorageNotificationMap,
  ThreadRevertParams,
  ThreadRevertResponse,
} from './v2-threads.js';
export type { CoreEvent } from './core-events.js';
export { ExecItemSchema, ExecUsageSchema, ExecEventSchema } from './exec-events.js';
export type { ExecItem, ExecUsage, ExecEvent } from './exec-events.js';
export {
  JsonRpcMessageSchema,
  JsonRpcErrorCode,
  isRequest,
  isNotification,
  isResponse,
} from './jsonrpc.js';
export type {
  RequestId,
  JsonRpcRequest,
  JsonRpcNotification,
  JsonRpcErrorObject,
  JsonRpcSuccess,
  JsonRpcFailure,
  JsonRpcResponse,
  JsonRpcMessage,
} from './jsonrpc.js';
export type { ModelProviderInfo, WireApi } from './model-provider.js';
export {
  CommandExecutionApprovalDecisionSchema,
  CommandExecutionRequestApprovalResponseSchema,
  FileChangeApprovalDecisionSchema,
  FileChangeRequestApprovalResponseSchema,
  SERVER_REQUEST_RESULT_SCHEMAS,
} from './v2-approvals.js';
export type {
  CommandExecutionApprovalDecision,
  CommandExecutionRequestApprovalResponse,
  CommandExecutionRequestApprovalParams,
  FileChangeApprovalDecision,
  FileChangeRequestApprovalResponse,
  FileChangeRequestApprovalParams,
  ServerRequestMap,
  ServerRequestMethod,
} from './v2-approvals.js';
export {
  NetworkAccessSchema,
  SandboxPolicySchema,
  CommandExecTerminalSizeSchema,
  CommandExecParamsSchema,
  CommandExecWriteParamsSchema,
  CommandExecResizeParamsSchema,
  CommandExecTerminateParamsSchema,
} from './v2-command-exec.js';
export type {
  NetworkAccess,
  SandboxPolicyParam,
  CommandExecTerminalSize,
  CommandExecParams,
  CommandExecResponse,
  CommandExecOutputStream,
  CommandExecOutputDeltaNotification,
  CommandExecNotificationMap,
  CommandExecWriteParams,
  CommandExecWriteResponse,
  CommandExecResizeParams,
  CommandExecResizeResponse,
  CommandExecTerminateParams,
  CommandExecTerminateResponse,
} from './v2-command-exec.js';
export {
  PLAN_TYPES,
  GetAccountParamsSchema,
  LoginAccountParamsSchema,
  CancelLoginAccountParamsSchema,
  ConfigReadParamsSchema,
  MergeStrategySchema,
  ConfigEditSchema,
  ConfigValueWriteParamsSchema,
  ConfigBatchWriteParamsSchema,
  TurnSteerParamsSchema,
  FuzzyFileSearchParamsSchema,
} from './v2-account-config.js';
export type {
  GetAccountParams,
  GetAccountResponse,
  PlanType,
  AuthMode,
  Account,
  LoginAccountParams,
  LoginAccountResponse,
  CancelLoginAccountParams,
  CancelLoginAccountResponse,
  LogoutAccountResponse,
  AccountNotificationMap,
  ConfigReadParams,
  MergeStrategy,
  ConfigEdit,
  ConfigValueWriteParams,
  ConfigBatchWriteParams,
  ConfigLayerSource,
  ConfigLayerMetadata,
  ConfigLayer,
  ConfigReadResponse,
  OverriddenMetadata,
  ConfigWriteResponse,
  ConfigWriteErrorCode,
  TurnSteerParams,
  TurnSteerResponse,
  FuzzyFileSearchParams,
  FuzzyFileSearchResult,
  FuzzyFileSearchResponse,
} from './v2-account-config.js';
export {
  ReviewTargetSchema,
  ReviewDeliverySchema,
  ReviewStartParamsSchema,
  reviewTargetHint,
} from './v2-review.js';
export type {
  ReviewTarget,
  ReviewDelivery,
  ReviewStartParams,
  ReviewStartResponse,
} from './v2-review.js';
export { McpServerStatusDetailSchema, ListMcpServerStatusParamsSchema } from './v2-mcp.js';
export type {
  McpServerStatusDetail,
  ListMcpServerStatusParams,
  McpAuthStatus,
  McpServerConnectionStatus,
  McpToolDescriptor,
  McpResourceDescriptor,
  McpResourceTemplateDescriptor,
  McpServerInfoDescriptor,
  McpServerStatus,
  ListMcpServerStatusResponse,
} from './v2-mcp.js';
