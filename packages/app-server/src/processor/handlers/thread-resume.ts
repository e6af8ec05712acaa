import type { Thread } from '@codex-ts/protocol';
import { ThreadResumeParamsSchema, type ThreadResumeParams } from '@codex-ts/protocol';
import { parseParams } from '../../protocol/parse-params.js';
import { defineHandler } from '../request-handler.js';
import {
  answerWithThread,
  loadThreadConfig,
  readStored,
  storedTurns,
  type ThreadSettingsFallback,
} from './thread-session.js';

/**
 * `thread/resume`: brings a stored thread back (or rejoins it when it is loaded), answers with
 * its settings and, unless `excludeTurns`, its turns. The stored thread's cwd is used when the
 * request names none, and its model and provider when the request does not choose a model, as
 * the Rust app server does. Like Rust, no `thread/started` follows a resume.
 */
export const threadResumeHandler = defineHandler({
  method: 'thread/resume',
  requiresInitialize: true,
  parse: (params) => parseParams('thread/resume', ThreadResumeParamsSchema, params),
  async handle(ctx, params: ThreadResumeParams) {
    const { services } = ctx;
    const stored = await readStored(services, params.threadId);
    const config = await loadThreadConfig(services, params, resumeFallback(params, stored));
    const thread = await services.threadManager.resumeThread({ config, threadId: params.threadId });
    const turns = params.excludeTurns === true ? [] : await storedTurns(services, thread.id);
    answerWithThread(ctx, thread, turns, 'none');
  },
});

function resumeFallback(params: ThreadResumeParams, stored: Thread | null): ThreadSettingsFallback {
  if (!stored) return {};
  const config = params.config ?? {};
  const choosesModel =
    params.model != null ||
    params.modelProvider != null ||
    'model' in config ||
    'model_reasoning_effort' in config;
  return choosesModel
    ? { cwd: stored.cwd }
    : { cwd: stored.cwd, model: stored.model, modelProvider: stored.modelProvider };
}
