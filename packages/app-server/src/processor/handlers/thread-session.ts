import { toSandboxPolicy, type ResolvedConfig } from '@codex-ts/config';
import type {
  AskForApproval,
  SandboxMode,
  ServerNotification,
  Thread,
  ThreadStartResponse,
  Turn,
} from '@codex-ts/protocol';
import { connectionApprovalRequester } from '../approval-bridge.js';
import type { ConnectionState } from '../connection-state.js';
import type { ThreadHandle } from '../processor-types.js';
import type { ProcessorServices } from '../request-handler.js';

/** The settings part of thread/start, thread/resume and thread/fork params. */
export interface ThreadSettingsParams {
  model?: string | null | undefined;
  modelProvider?: string | null | undefined;
  cwd?: string | null | undefined;
  approvalPolicy?: AskForApproval | null | undefined;
  sandbox?: SandboxMode | null | undefined;
  config?: Record<string, unknown> | null | undefined;
  baseInstructions?: string | null | undefined;
  developerInstructions?: string | null | undefined;
}

/** Values taken from the stored thread when the request leaves them open. */
export interface ThreadSettingsFallback {
  cwd?: string | null;
  model?: string | null;
  modelProvider?: string | null;
}

/**
 * Loads the config a thread runs with: CODEX_HOME's config files, the request's `config` map and
 * its explicit settings; a stored thread's cwd (and model) fill what the request leaves open.
 */
export function loadThreadConfig(
  services: ProcessorServices,
  params: ThreadSettingsParams,
  fallback: ThreadSettingsFallback = {},
): Promise<ResolvedConfig> {
  return services.loadConfig({
    codexHome: services.codexHome,
    cliOverrides: params.config ?? {},
    overrides: {
      model: params.model ?? fallback.model ?? null,
      modelProvider: params.modelProvider ?? fallback.modelProvider ?? null,
      cwd: params.cwd ?? fallback.cwd ?? null,
      approvalPolicy: params.approvalPolicy ?? null,
      sandboxMode: params.sandbox ?? null,
      baseInstructions: params.baseInstructions ?? null,
      developerInstructions: params.developerInstructions ?? null,
    },
    env: services.env,
  });
}

/** What the answer of thread/start, thread/resume and thread/fork needs from a request. */
export interface ThreadAnswerContext {
  readonly connection: ConnectionState;
  readonly services: ProcessorServices;
  respond(result: ThreadStartResponse): void;
}

/** Who hears `thread/started` after the answer. */
export type StartedNotice = 'connection' | 'everyone' | 'none';

/**
 * Subscribes the connection to a live thread, routes its approvals to the connection, answers
 * with the thread's settings (`thread.turns` = `turns`), then sends `thread/started` (per
 * `notice`) and one `warning` per config warning. The thread's own notifications wait until the
 * answer is out.
 */
export function answerWithThread(
  ctx: ThreadAnswerContext,
  thread: ThreadHandle,
  turns: Turn[],
  notice: StartedNotice,
): void {
  const { connection, services } = ctx;
  const release = connection.hold(thread.id);
  try {
    services.threads.subscribe(thread, connection);
    thread.setApprovalRequester(connectionApprovalRequester(connection, thread.id));
    const config = thread.currentConfig();
    const snapshot = { ...thread.snapshot(), turns };
    ctx.respond({
      thread: snapshot,
      model: config.model,
      modelProvider: config.modelProviderId,
      serviceTier: null,
      cwd: config.cwd,
      instructionSources: [],
      approvalPolicy: config.approvalPolicy,
      approvalsReviewer: 'user',
      sandbox: toSandboxPolicy(config),
      reasoningEffort: config.modelReasoningEffort,
    });
    const started: ServerNotification = {
      method: 'thread/started',
      params: { thread: { ...snapshot, turns: [] } },
    };
    if (notice === 'connection') connection.notify(started, thread.id);
    if (notice === 'everyone') services.broadcast(started, thread.id);
    for (const warning of config.warnings) {
      connection.notify(
        {
          method: 'warning',
          params: {
            threadId: thread.id,
            message: warning.location ? `${warning.location}: ${warning.message}` : warning.message,
          },
        },
        thread.id,
      );
    }
  } finally {
    release();
  }
}

/**
 * The turns of a live thread as stored (read back through the thread manager). An ephemeral or
 * not yet materialised thread has none to read: it answers with no turns.
 */
export async function storedTurns(services: ProcessorServices, threadId: string): Promise<Turn[]> {
  try {
    const stored = await services.threadManager.readThread(services.codexHome, threadId, true);
    return stored.turns;
  } catch {
    return [];
  }
}

/**
 * The stored thread, or null when it cannot be read by this id (a name, or a thread that does
 * not exist: resumeThread / forkThread then resolve the name or report the missing thread).
 */
export async function readStored(
  services: ProcessorServices,
  threadId: string,
): Promise<Thread | null> {
  try {
    return await services.threadManager.readThread(services.codexHome, threadId, false);
  } catch {
    return null;
  }
}

/** True for core's `ThreadNotFoundError` (matched by its stable code, core stays unloaded). */
export function isThreadNotFound(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'thread_not_found';
}
