import { commandExecHandler } from './handlers/command-exec.js';
import { initializeHandler } from './handlers/initialize.js';
import { modelListHandler } from './handlers/model-list.js';
import { threadArchiveHandler } from './handlers/thread-archive.js';
import { threadDeleteHandler } from './handlers/thread-delete.js';
import { threadForkHandler } from './handlers/thread-fork.js';
import { threadListHandler } from './handlers/thread-list.js';
import { threadNameSetHandler } from './handlers/thread-name-set.js';
import { threadReadHandler } from './handlers/thread-read.js';
import { threadResumeHandler } from './handlers/thread-resume.js';
import { threadStartHandler } from './handlers/thread-start.js';
import { threadUnarchiveHandler } from './handlers/thread-unarchive.js';
import { turnInterruptHandler } from './handlers/turn-interrupt.js';
import { turnStartHandler } from './handlers/turn-start.js';
import { accountLoginCancelHandler } from './handlers/account-login-cancel.js';
import { accountLoginStartHandler } from './handlers/account-login-start.js';
import { accountLogoutHandler } from './handlers/account-logout.js';
import { accountReadHandler } from './handlers/account-read.js';
import { configBatchWriteHandler } from './handlers/config-batch-write.js';
import { configReadHandler } from './handlers/config-read.js';
import { configValueWriteHandler } from './handlers/config-value-write.js';
import { fuzzyFileSearchHandler } from './handlers/fuzzy-file-search.js';
import { turnSteerHandler } from './handlers/turn-steer.js';
import {
  commandExecResizeHandler,
  commandExecTerminateHandler,
  commandExecWriteHandler,
} from './handlers/command-exec-control.js';
import { reviewStartHandler } from './handlers/review-start.js';
import { mcpServerStatusListHandler } from './handlers/mcp-server-status-list.js';
import { threadRevertHandler } from './handlers/thread-revert.js';
import type { AnyRequestHandler } from './request-handler.js';

/** Every request method the processor serves. */
export function defaultMethodTable(): ReadonlyMap<string, AnyRequestHandler> {
  return new Map(
    [
      initializeHandler,
      threadStartHandler,
      threadResumeHandler,
      threadForkHandler,
      threadReadHandler,
      threadListHandler,
      threadArchiveHandler,
      threadUnarchiveHandler,
      threadDeleteHandler,
      threadNameSetHandler,
      turnStartHandler,
      turnInterruptHandler,
      modelListHandler,
      commandExecHandler,
      accountReadHandler,
      accountLoginStartHandler,
      accountLoginCancelHandler,
      accountLogoutHandler,
      configReadHandler,
      configValueWriteHandler,
      configBatchWriteHandler,
      turnSteerHandler,
      fuzzyFileSearchHandler,
      commandExecWriteHandler,
      commandExecResizeHandler,
      commandExecTerminateHandler,
      reviewStartHandler,
      mcpServerStatusListHandler,
      threadRevertHandler,
    ].map((h) => [h.method, h]),
  );
}
