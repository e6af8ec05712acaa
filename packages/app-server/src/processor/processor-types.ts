import type { AuthConfig, LoadConfigOptions, ResolvedConfig } from '@codex-ts/config';
import type {
  CodexThreadApi,
  CommandExecProcess,
  CommandExecRequest,
  ForkThreadOptions,
  ResumeThreadOptions,
  StartThreadOptions,
  StoredThreadsApi,
} from '@codex-ts/core';
import type { ModelCatalog, RefreshStrategy } from '@codex-ts/models-manager';
import type { AuthManager } from '@codex-ts/providers';

/** The part of a core thread the processor uses. */
export type ThreadHandle = CodexThreadApi;

/** The part of core's `ThreadManager` the processor uses (a fake can stand in for it in tests). */
export interface ThreadManagerLike extends StoredThreadsApi {
  startThread(options: StartThreadOptions): Promise<CodexThreadApi>;
  /**
   * Brings a stored thread back as a live one (or returns it when it is already loaded); the
   * id may also be a thread name. Throws core's `ThreadNotFoundError` for an unknown thread.
   */
  resumeThread(options: ResumeThreadOptions): Promise<CodexThreadApi>;
  /** Starts a new live thread whose history is a copy of a stored thread's. */
  forkThread(options: ForkThreadOptions): Promise<CodexThreadApi>;
  /** The model catalog for `model/list` (refreshed online for a ChatGPT sign-in). */
  listModels(config: ResolvedConfig, strategy: RefreshStrategy): Promise<ModelCatalog>;
  getThread(id: string): CodexThreadApi | undefined;
  shutdown(): Promise<void>;
  /**
   * Starts a `command/exec` command with this host's sandbox settings (core's
   * `startCommandExec`). Optional: without it the processor uses core's runner with bubblewrap
   * only (no Landlock helper), and tests may fake it.
   */
  startCommandExec?(request: CommandExecRequest): Promise<CommandExecProcess>;
  /**
   * The process's auth managers (core's `AuthManagers`), so that the account methods and the
   * threads share credentials and refreshes. Optional: without it the processor keeps its own.
   */
  readonly auth?: {
    forConfig(authConfig: AuthConfig, onWarning: (message: string) => void): AuthManager;
  };
}

export type ConfigLoader = (options: LoadConfigOptions) => Promise<ResolvedConfig>;

export interface MessageProcessorOptions {
  threadManager: ThreadManagerLike;
  /** Absolute CODEX_HOME reported by `initialize` and passed to config loading. */
  codexHome: string;
  env: Record<string, string | undefined>;
  /** Our version, the `<version>` of the User-Agent. */
  cliVersion: string;
  /**
   * Originator of the User-Agent. `CODEX_INTERNAL_ORIGINATOR_OVERRIDE` wins over it; without
   * either, the first client's `clientInfo.name` is used, as the Rust app server does.
   */
  originator?: string;
  /** Loads config for `thread/start`; `loadConfig` of `@codex-ts/config` unless given. */
  loadConfig?: ConfigLoader;
}
