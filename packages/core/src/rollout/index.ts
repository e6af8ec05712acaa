// The rollout module's public surface, listed by name (the package index re-exports from here).
export { RolloutRecorder } from './rollout-recorder.js';
export type {
  CreateRolloutOptions,
  ResumeRolloutOptions,
  SessionMetaInit,
} from './rollout-recorder.js';
export { readRollout, parseRolloutText } from './rollout-reader.js';
export type { RolloutContents, RolloutWarning } from './rollout-reader.js';
export {
  parseRolloutLine,
  serializeRolloutLine,
  rolloutTimestamp,
  ROLLOUT_ITEM_TYPES,
} from './rollout-line.js';
export type {
  RolloutItem,
  RolloutItemType,
  RolloutLine,
  RolloutLineProblem,
  ParsedRolloutLine,
} from './rollout-line.js';
export {
  reconstructHistory,
  dropLastUserTurns,
  stripUserMessagePrefix,
} from './reconstruct-history.js';
export type { ReconstructOptions, ReconstructedThread } from './reconstruct-history.js';
export {
  buildCompactedHistory,
  collectUserMessages,
  isContextualUserMessage,
  isSummaryMessage,
  userMessageText,
  COMPACT_USER_MESSAGE_MAX_TOKENS,
} from './compacted-history.js';
export { findRolloutPath, listRolloutFiles } from './rollout-list.js';
export type { RolloutFileEntry, ListRolloutFilesOptions } from './rollout-list.js';
export {
  SESSIONS_SUBDIR,
  ARCHIVED_SESSIONS_SUBDIR,
  isThreadId,
  parseRolloutFileName,
  rolloutDayDir,
  rolloutFileName,
  rolloutFileTimestamp,
  rolloutPathFor,
} from './rollout-paths.js';
export type { RolloutFileName } from './rollout-paths.js';
export { collectGitInfo, DEFAULT_GIT_TIMEOUT_MS } from './git-info.js';
export {
  isPersistedRolloutItem,
  shouldPersistEventMsg,
  shouldPersistResponseItem,
} from './rollout-policy.js';
export type { EventPersistenceMode } from './rollout-policy.js';
export { rolloutItemsForEvent, responseRolloutItems } from './event-mapper.js';
export type { EventMapperOptions } from './event-mapper.js';
export {
  rolloutCodexErrorInfo,
  rolloutSandboxPolicy,
  rolloutSessionSource,
  rolloutTokenUsage,
  sessionSourceFromRollout,
  tokenUsageFromRollout,
} from './rollout-conversions.js';
export { isEventMsg, parseEventMsg, eventMsgSchemas, KNOWN_EVENT_TYPES } from './event-msg.js';
export type {
  EventMsg,
  EventMsgOf,
  KnownEventMsg,
  KnownEventType,
  OtherEventMsg,
} from './event-msg.js';
export { rolloutSchemas } from './rollout-schemas.js';
export type {
  RolloutSchemas,
  BaseInstructions,
  CompactedItem,
  GitInfo,
  RolloutResponseItem,
  RolloutSandboxPolicy,
  RolloutSessionSource,
  RolloutTokenUsage,
  SessionMeta,
  SessionMetaLine,
  TokenUsageInfo,
  TurnContextItem,
} from './rollout-schemas.js';
export {
  RolloutClosedError,
  RolloutMissingMetaError,
  RolloutReadError,
  RolloutWriteError,
} from './rollout-errors.js';
