export { ThreadManager } from './thread/thread-manager.js';
export { CodexThread } from './thread/codex-thread.js';
export type {
  CodexThreadApi,
  StartThreadOptions,
  ThreadManagerOptions,
  TurnOverrides,
  ResumeThreadOptions,
  ForkThreadOptions,
  ThreadSortKey,
  ThreadListQuery,
  ThreadListPage,
  StoredThreadsApi,
} from './thread/thread-api.js';
export {
  ThreadBusyError,
  TurnNotRunningError,
  ThreadNotFoundError,
  ThreadArchivedError,
} from './errors.js';
export { ImageInputError } from './thread/user-input.js';
export { ToolRouter } from './tools/tool-router.js';
export { ToolCallError } from './tools/tool-types.js';
export type {
  ToolHandler,
  ToolCallContext,
  ToolPayload,
  ToolResult,
  TurnContext,
  ShellInfo,
} from './tools/tool-types.js';
export { buildResponsesRequest } from './turn/request-builder.js';
export { createExecCommandTool } from './tools/exec-command/exec-command-tool.js';
export type { ExecCommandTool } from './tools/exec-command/exec-command-tool.js';
export {
  execCommandToolSpec,
  EXEC_COMMAND_TOOL_NAME,
} from './tools/exec-command/exec-command-spec.js';
export { CommandSpawnError } from './tools/exec-command/run-command.js';
export {
  createUpdatePlanTool,
  UpdatePlanTool,
  PLAN_UPDATED_OUTPUT,
} from './tools/update-plan/update-plan-tool.js';
export { updatePlanToolSpec, UPDATE_PLAN_TOOL_NAME } from './tools/update-plan/update-plan-spec.js';
export { createViewImageTool, ViewImageTool } from './tools/view-image/view-image-tool.js';
export { viewImageToolSpec, VIEW_IMAGE_TOOL_NAME } from './tools/view-image/view-image-spec.js';
export {
  DEFAULT_IMAGE_LIMITS,
  encodeImageForPrompt,
  loadImageAsDataUrl,
  loadPromptImage,
  toDataUrl,
} from './tools/view-image/prompt-image.js';
export type { ImageLimits, PromptImage } from './tools/view-image/prompt-image.js';
export {
  ImageDecodeError,
  ImageEncodeError,
  ImageReadError,
} from './tools/view-image/image-errors.js';
export {
  hostedToolSpecs,
  resolveWebSearchMode,
  webSearchToolSpec,
} from './tools/web-search/web-search-spec.js';
export type {
  HostedToolSettings,
  WebSearchMode,
  WebSearchToolConfig,
} from './tools/web-search/web-search-spec.js';
export {
  webSearchActionDetail,
  webSearchItemFromOutput,
} from './tools/web-search/web-search-item.js';
export { baseInstructions } from './context/base-instructions.js';
export { buildInitialContext, initialContextItems } from './context/initial-context.js';
export type { InitialContextOptions, InitialContext } from './context/initial-context.js';
export {
  permissionsInstructions,
  permissionsInstructionsText,
} from './context/permissions-instructions.js';
export {
  loadAgentsInstructions,
  discoverProjectDocPaths,
  DEFAULT_PROJECT_DOC_MAX_BYTES,
} from './context/agents-md-loader.js';
export type { AgentsInstructions, LoadAgentsOptions } from './context/agents-md-loader.js';
export { agentsInstructionsMessage, agentsInstructionsText } from './context/agents-md-message.js';
export {
  environmentContext,
  environmentContextText,
  localDateString,
  localTimeZone,
} from './context/environment-context.js';
export type { EnvironmentContextOptions, NetworkContext } from './context/environment-context.js';
export { discoverShell, shellKind } from './context/shell.js';
export type { ApprovalRequester } from './approvals/approval-requester.js';
export {
  runCommandExec,
  startCommandExec,
  commandExecEnv,
  COMMAND_EXEC_TIMEOUT_EXIT_CODE,
  COMMAND_EXEC_IO_DRAIN_MS,
} from './command-exec/run-command-exec.js';
export {
  CommandExecSpawnError,
  CommandExecStdinError,
  CommandExecNoTerminalError,
} from './command-exec/command-exec-errors.js';
export type { CommandExecStdinProblem } from './command-exec/command-exec-errors.js';
export type {
  CommandExecEnv,
  CommandExecOutputChunk,
  CommandExecProcess,
  CommandExecRequest,
  CommandExecResult,
  CommandExecRunnerOptions,
  CommandExecStream,
  CommandExecTerminalSize,
} from './command-exec/command-exec-types.js';
export {
  NoActiveTurnError,
  SteerTurnMismatchError,
  EmptySteerInputError,
} from './thread/steer-errors.js';
export type { SteerErrorCode } from './thread/steer-errors.js';
export {
  InvalidReviewTargetError,
  normalizeReviewTarget,
  resolveReviewRequest,
} from './review/review-target.js';
export type { ReviewRequest } from './review/review-target.js';
export { reviewPrompt } from './review/review-prompt.js';
export { mergeBaseWithHead } from './review/git-merge-base.js';
export { reviewInstructions } from './review/review-instructions.js';
export {
  parseReviewOutput,
  renderReviewOutputText,
  formatReviewFindingsBlock,
  REVIEW_FALLBACK_MESSAGE,
} from './review/review-output.js';
export type { ReviewOutput, ReviewFinding } from './review/review-output.js';
export { REVIEW_INTERRUPTED_MESSAGE } from './review/review-exit.js';
export { TurnNotFoundError, RevertUnavailableError } from './thread/thread-revert.js';
export type { ThreadRevertOutcome } from './thread/thread-revert.js';
