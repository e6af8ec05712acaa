import { AppServerRequestError, type AppServerClient } from '@codex-ts/app-server-client';
import type { ThreadStartParams, ThreadStartResponse } from '@codex-ts/protocol';
import { ExecResumeError, type ExecIo, type ExecOptions } from './exec-options.js';
import { resolveResumeThreadId } from './resume-target.js';
import { threadResumeParams } from './thread-params.js';

/** True for `codex exec resume` with a SESSION_ID or `--last`. */
export function isResume(opts: ExecOptions): boolean {
  return opts.resumeThreadId !== null || opts.resumeLast === true;
}

/**
 * Opens the thread of a run: `thread/start` for a new session; for `codex exec resume`, the
 * thread the lookup finds (`thread/list`) brought back with `thread/resume`. As in the Rust exec,
 * a `--last` or a name that matches nothing starts a new session, and a refused resume (an
 * unknown id) ends the run with `thread/resume: <reason>`.
 */
export async function openThread(
  client: AppServerClient,
  opts: ExecOptions,
  io: ExecIo,
  startParams: ThreadStartParams,
  cwd: string,
): Promise<ThreadStartResponse> {
  if (!isResume(opts)) return client.request('thread/start', startParams);
  const threadId = await resolveResumeThreadId(client, {
    sessionId: opts.resumeThreadId,
    last: opts.resumeLast === true,
    all: opts.resumeAll === true,
    cwd,
  });
  if (threadId === null) {
    io.stderr.write('No saved session matched; starting a new session.\n');
    return client.request('thread/start', startParams);
  }
  try {
    return await client.request('thread/resume', threadResumeParams(startParams, threadId));
  } catch (err) {
    if (err instanceof AppServerRequestError) {
      throw new ExecResumeError(`thread/resume: ${err.message}`, { cause: err });
    }
    throw err;
  }
}
