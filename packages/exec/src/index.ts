export { runExec } from './run-exec.js';
export type { ExecMeta } from './run-exec.js';
export { ExecUsageError, ExecResumeError } from './exec-options.js';
export type { ExecOptions, ExecIo, ColorMode, ExecReviewArgs } from './exec-options.js';
export { JsonEventMapper } from './json-event-mapper.js';
export { resolveResumeThreadId, isUuid, ALL_THREAD_SOURCE_KINDS } from './resume-target.js';
export type { ResumeLookup, ThreadListClient } from './resume-target.js';
export { threadResumeParams } from './thread-params.js';
