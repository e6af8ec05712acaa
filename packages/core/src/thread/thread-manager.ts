import { backoffDelayMs, ModelClient } from '@codex-ts/api';
import { extraWritableRoots, type ResolvedConfig } from '@codex-ts/config';
import type { ModelCatalog, RefreshStrategy } from '@codex-ts/models-manager';
import { resolveModelAuth, resolveModelsEndpoint } from '@codex-ts/providers';
import { codexUserAgent, ORIGINATOR_OVERRIDE_ENV_VAR, uuidV7 } from '@codex-ts/utils';
import { baseInstructions } from '../context/base-instructions.js';
import { buildInitialContext } from '../context/initial-context.js';
import { discoverShell } from '../context/shell.js';
import { ModelCatalogs } from '../model/model-catalogs.js';
import { AuthManagers } from './auth-managers.js';
import { createCommandAnalyzer } from '../exec-gate/command-analyzer.js';
import { ExecGate } from '../exec-gate/exec-gate.js';
import { PatchGate } from '../exec-gate/patch-gate.js';
import { findRepoRoot } from '../context/repo-root.js';
import { loadExecPolicyStore, trustedProjectRoot } from '../exec-gate/exec-policy-store.js';
import { createSandboxLauncher } from '../exec-gate/sandbox-launcher.js';
import { SessionApprovals } from '../exec-gate/session-approvals.js';
import { CodexThread } from './codex-thread.js';
import type { StartThreadOptions, ThreadManagerOptions } from './thread-api.js';

/** Owns the live threads of one process (one app server). */
export class ThreadManager {
  private readonly threads = new Map<string, CodexThread>();
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
   * Creates a thread. Fails before any request when the provider needs credentials and there
   * are none, so a misconfigured run stops at once with `Missing environment variable: NAME`.
   * A ChatGPT sign-in (auth.json or keyring) is used, and refreshed, when no key is set.
   */
  async startThread(options: StartThreadOptions): Promise<CodexThread> {
    const catalog = await this.models.forHome(options.config.codexHome);
    const config = catalog.withDefaultModel(options.config);
    const authWarnings: string[] = [];
    const modelAuth = await resolveModelAuth({
      provider: config.modelProvider,
      env: this.env,
      authManager: this.auth.forConfig(config.auth, (message) => authWarnings.push(message)),
    });
    const id = uuidV7();
    const shell = discoverShell(this.env);
    const initial = await buildInitialContext({
      codexHome: config.codexHome,
      cwd: config.cwd,
      shell,
      sandboxMode: config.sandboxMode,
      approvalPolicy: config.approvalPolicy,
      writableRoots: extraWritableRoots(config),
      networkAccess: config.sandboxWorkspaceWrite.networkAccess,
      developerInstructions: config.developerInstructions,
      projectDocMaxBytes: config.projectDocMaxBytes,
    });
    const originator =
      this.env[ORIGINATOR_OVERRIDE_ENV_VAR] ?? this.opts.originator ?? 'codex_exec';
    const client = new ModelClient({
      provider: modelAuth.provider,
      ...(modelAuth.auth ? { auth: modelAuth.auth } : {}),
      env: this.env,
      originator,
      userAgent: codexUserAgent({ originator, version: this.opts.cliVersion, env: this.env }),
      sessionId: id,
    });
    const projectRoot = trustedProjectRoot(
      config.projectTrust,
      config.cwd,
      await findRepoRoot(config.cwd),
    );
    const execPolicy = await loadExecPolicyStore(config.codexHome, projectRoot);
    // The thread's settings carry every startup warning (config, exec-policy rules); the app
    // server shows them after thread/started.
    const modelWarning = catalog.runtimeFor(config).warning;
    const extraWarnings = [...authWarnings, execPolicy.warning, modelWarning].filter(
      (w): w is string => w !== null,
    );
    const threadConfig =
      extraWarnings.length === 0
        ? config
        : {
            ...config,
            warnings: [
              ...config.warnings,
              ...extraWarnings.map((message) => ({ message, location: null })),
            ],
          };
    const thread = new CodexThread({
      id,
      config: threadConfig,
      client,
      modelRuntime: (turnConfig) => catalog.runtimeFor(turnConfig),
      shell,
      instructions: config.baseInstructions ?? baseInstructions(),
      initialContext: initial.items,
      env: this.env,
      ephemeral: options.ephemeral ?? false,
      source: this.opts.sessionSource,
      cliVersion: this.opts.cliVersion,
      retryDelayMs: (attempt) => backoffDelayMs(attempt),
      execGate: new ExecGate({
        analyzer: createCommandAnalyzer(),
        policy: execPolicy.store,
        sessionApprovals: new SessionApprovals(),
      }),
      patchGate: new PatchGate(),
      sandbox: createSandboxLauncher({
        helperCommand: this.opts.sandboxHelperCommand ?? null,
        ...(this.opts.linuxSandboxMethod ? { linuxMethod: this.opts.linuxSandboxMethod } : {}),
      }),
    });
    this.threads.set(id, thread);
    return thread;
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

  getThread(id: string): CodexThread | undefined {
    return this.threads.get(id);
  }

  /** Interrupts running turns (their tools kill their process groups) and forgets threads. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.threads.values()].map((t) => t.shutdown()));
    this.threads.clear();
  }
}
