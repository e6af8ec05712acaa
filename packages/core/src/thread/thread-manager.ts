import { join, sep } from 'node:path';
import type { ResolvedConfig } from '@codex-ts/config';
import type { ModelCatalog, RefreshStrategy } from '@codex-ts/models-manager';
import { resolveModelsEndpoint } from '@codex-ts/providers';
import { uuidV7 } from '@codex-ts/utils';
import { ModelCatalogs } from '../model/model-catalogs.js';
import { runCommandExec, startCommandExec } from '../command-exec/run-command-exec.js';
import type {
  CommandExecProcess,
  CommandExecRequest,
  CommandExecResult,
  CommandExecRunnerOptions,
} from '../command-exec/command-exec-types.js';
import { RolloutRecorder } from '../rollout/rollout-recorder.js';
import { AuthManagers } from './auth-managers.js';
import type { CodexThread } from './codex-thread.js';
import type { Thread } from '@codex-ts/protocol';
import { ThreadArchivedError, ThreadNotFoundError } from '../errors.js';
import { ARCHIVED_SESSIONS_SUBDIR } from '../rollout/rollout-paths.js';
import { rolloutSessionSource } from '../rollout/rollout-conversions.js';
import type { ThreadRow } from '../state-db/thread-row.js';
import { restoreFromRollout, turnsFromRollout } from './restore-thread.js';
import { StoredThreads, summaryOfRollout, threadFromRow } from './stored-threads.js';
import type {
  ForkThreadOptions,
  ResumeThreadOptions,
  StartThreadOptions,
  ThreadListPage,
  ThreadListQuery,
  ThreadManagerOptions,
} from './thread-api.js';
import { buildThread, type ThreadBuilderContext } from './thread-builder.js';

/** Owns the live threads of one process (one app server). */
export class ThreadManager {
  private readonly threads = new Map<string, CodexThread>();
  private readonly stored = new StoredThreads();
  private readonly env: Record<string, string | undefined>;
  /** Model catalogs by CODEX_HOME, shared by the threads and `model/list`. */
  readonly models: ModelCatalogs;
  /** Stored credentials by CODEX_HOME and store mode (one refresh at a time per login). */
  readonly auth: AuthManagers;

  constructor(private readonly opts: ThreadManagerOptions) {
    this.env = opts.env ?? process.env;
    this.models = new ModelCatalogs(opts.cliVersion);
    this.auth = new AuthManagers(this.env);
  }

  /**
   * Creates a thread and, unless ephemeral, its rollout file (session_meta first). Fails
   * before any request when the provider needs credentials and there are none.
   */
  async startThread(options: StartThreadOptions): Promise<CodexThread> {
    const id = uuidV7();
    const thread = await buildThread(this.builderContext(), {
      id,
      config: options.config,
      ephemeral: options.ephemeral ?? false,
      newRollout: true,
      openRollout: (config, meta) =>
        RolloutRecorder.create({ codexHome: config.codexHome, threadId: id, meta }),
    });
    return this.adopt(thread);
  }

  /**
   * Continues a stored thread (by id or name): its history is rebuilt from the rollout, so the
   * next request carries the earlier turns, usage totals go on from where they were, and new
   * lines are appended to the same file. A thread loaded in this process is returned as is.
   */
  async resumeThread(options: ResumeThreadOptions): Promise<CodexThread> {
    const live = this.threads.get(options.threadId);
    if (live) return live;
    const { codexHome } = options.config;
    const found = await this.stored.locate(codexHome, options.threadId);
    const loaded = this.threads.get(found.id);
    if (loaded) return loaded;
    if (isArchivedRollout(codexHome, found.path)) throw new ThreadArchivedError(found.id);
    const restored = await restoreFromRollout(found.path);
    const row = await this.stored.row(codexHome, found.id);
    const thread = await buildThread(this.builderContext(), {
      id: restored.id,
      config: options.config,
      ephemeral: false,
      newRollout: false,
      openRollout: () => RolloutRecorder.resume(found.path),
      restored: { ...restored.state, name: row?.name ?? restored.state.name },
    });
    return this.adopt(thread);
  }

  /** A new thread (new id and rollout) whose history is a copy of a stored thread's. */
  async forkThread(options: ForkThreadOptions): Promise<CodexThread> {
    const { codexHome } = options.config;
    const live = this.threads.get(options.threadId);
    const path =
      live?.rolloutPath() ?? (await this.stored.locate(codexHome, options.threadId)).path;
    await live?.flushRollout();
    const source = await restoreFromRollout(path, options.lastTurnId ?? null);
    const id = uuidV7();
    const now = Math.floor(Date.now() / 1000);
    const thread = await buildThread(this.builderContext(), {
      id,
      config: options.config,
      ephemeral: options.ephemeral ?? false,
      newRollout: true,
      openRollout: (config, meta) =>
        RolloutRecorder.create({
          codexHome: config.codexHome,
          threadId: id,
          meta: { ...meta, forked_from_id: source.id },
        }),
      restored: {
        ...source.state,
        createdAt: now,
        updatedAt: now,
        name: null,
        copiedLines: source.lines,
      },
    });
    return this.adopt(thread);
  }

  async readThread(codexHome: string, threadId: string, includeTurns: boolean): Promise<Thread> {
    const live = this.threads.get(threadId);
    const path = live?.rolloutPath() ?? (await this.stored.locate(codexHome, threadId)).path;
    await live?.flushRollout();
    const base = live?.snapshot() ?? (await this.storedSnapshot(codexHome, threadId, path));
    return includeTurns ? { ...base, turns: await turnsFromRollout(path) } : base;
  }

  listThreads(query: ThreadListQuery): Promise<ThreadListPage> {
    return this.stored.list(query);
  }

  async archiveThread(codexHome: string, threadId: string): Promise<void> {
    const live = this.threads.get(threadId);
    if (live) {
      await live.shutdown();
      this.threads.delete(threadId);
    }
    await this.stored.archive(codexHome, threadId);
  }

  async unarchiveThread(codexHome: string, threadId: string): Promise<Thread> {
    return threadFromRow(await this.stored.unarchive(codexHome, threadId));
  }

  async deleteThread(codexHome: string, threadId: string): Promise<void> {
    const live = this.threads.get(threadId);
    if (live) {
      await live.shutdown();
      this.threads.delete(threadId);
    }
    await this.stored.remove(codexHome, threadId);
  }

  async setThreadName(codexHome: string, threadId: string, name: string): Promise<void> {
    const id = await this.stored.setName(codexHome, threadId, name);
    this.threads.get(id)?.setName(name);
  }

  private async storedSnapshot(codexHome: string, id: string, path: string): Promise<Thread> {
    const row = await this.stored.row(codexHome, id);
    if (row !== null) return threadFromRow(row);
    const summary = await summaryOfRollout(path);
    if (summary === null) throw new ThreadNotFoundError(id);
    return threadFromRow({ ...summary, name: null, archived: false } as ThreadRow);
  }

  /** Keeps a live thread and records its row in the state database. */
  private async adopt(thread: CodexThread): Promise<CodexThread> {
    this.threads.set(thread.id, thread);
    const path = thread.rolloutPath();
    if (path !== null) {
      const config = thread.currentConfig();
      const snap = thread.snapshot();
      await this.stored
        .remember(config.codexHome, {
          id: thread.id,
          rolloutPath: path,
          cwd: config.cwd,
          modelProvider: config.modelProviderId,
          model: config.model,
          source: rolloutSessionSource(snap.source) as string,
          cliVersion: this.opts.cliVersion,
          createdAt: snap.createdAt * 1000,
          updatedAt: snap.updatedAt * 1000,
          ...(snap.preview ? { preview: snap.preview, title: snap.preview } : {}),
        })
        .catch(() => undefined);
    }
    return thread;
  }

  private builderContext(): ThreadBuilderContext {
    return {
      opts: this.opts,
      env: this.env,
      models: this.models,
      auth: this.auth,
      activity: this.stored,
    };
  }

  /**
   * The model catalog as `model/list` shows it: refreshed online (`strategy`) for a ChatGPT
   * sign-in, as the Rust Codex does, else the bundled catalog or `models_cache.json`.
   */
  async listModels(config: ResolvedConfig, strategy: RefreshStrategy): Promise<ModelCatalog> {
    const target = await resolveModelsEndpoint({
      provider: config.modelProvider,
      env: this.env,
      authManager: this.auth.forConfig(config.auth, () => undefined),
    });
    return this.models.list(config.codexHome, target, strategy);
  }

  /** `command/exec`: a one-off command with this process's sandbox settings. */
  execCommand(request: CommandExecRequest): Promise<CommandExecResult> {
    return runCommandExec(request, this.commandExecOptions());
  }

  /** `command/exec` that the client can stream, write to, resize and terminate. */
  startCommandExec(request: CommandExecRequest): Promise<CommandExecProcess> {
    return startCommandExec(request, this.commandExecOptions());
  }

  private commandExecOptions(): CommandExecRunnerOptions {
    return {
      helperCommand: this.opts.sandboxHelperCommand ?? null,
      ...(this.opts.linuxSandboxMethod ? { linuxMethod: this.opts.linuxSandboxMethod } : {}),
    };
  }

  getThread(id: string): CodexThread | undefined {
    return this.threads.get(id);
  }

  /** Interrupts running turns (their tools kill their process groups) and forgets threads. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.threads.values()].map((t) => t.shutdown()));
    this.threads.clear();
    await this.stored.close();
  }
}

function isArchivedRollout(codexHome: string, path: string): boolean {
  return path.startsWith(join(codexHome, ARCHIVED_SESSIONS_SUBDIR) + sep);
}
