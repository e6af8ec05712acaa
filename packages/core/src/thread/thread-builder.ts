import { rm } from 'node:fs/promises';
import { backoffDelayMs, ModelClient } from '@codex-ts/api';
import { extraWritableRoots, type ResolvedConfig } from '@codex-ts/config';
import type { SessionSource } from '@codex-ts/protocol';
import { resolveModelAuth } from '@codex-ts/providers';
import { codexUserAgent, ORIGINATOR_OVERRIDE_ENV_VAR } from '@codex-ts/utils';
import { baseInstructions } from '../context/base-instructions.js';
import { buildInitialContext } from '../context/initial-context.js';
import { findRepoRoot } from '../context/repo-root.js';
import { discoverShell } from '../context/shell.js';
import { createCommandAnalyzer } from '../exec-gate/command-analyzer.js';
import { ExecGate } from '../exec-gate/exec-gate.js';
import { loadExecPolicyStore, trustedProjectRoot } from '../exec-gate/exec-policy-store.js';
import { PatchGate } from '../exec-gate/patch-gate.js';
import { createSandboxLauncher } from '../exec-gate/sandbox-launcher.js';
import { SessionApprovals } from '../exec-gate/session-approvals.js';
import type { ModelCatalogs } from '../model/model-catalogs.js';
import { ThreadMcp } from '../mcp/thread-mcp.js';
import { rolloutSessionSource } from '../rollout/rollout-conversions.js';
import type { RolloutRecorder } from '../rollout/rollout-recorder.js';
import type { AuthManagers } from './auth-managers.js';
import { CodexThread, type RestoredThreadState } from './codex-thread.js';
import type { ThreadManagerOptions } from './thread-api.js';
import { ThreadPersistence, type ThreadActivitySink } from './thread-persistence.js';

/** What every thread of a manager shares. */
export interface ThreadBuilderContext {
  opts: ThreadManagerOptions;
  env: Record<string, string | undefined>;
  models: ModelCatalogs;
  auth: AuthManagers;
  activity: ThreadActivitySink | null;
}

export interface BuildThreadRequest {
  id: string;
  config: ResolvedConfig;
  ephemeral: boolean;
  /** The rollout is a new file (start, fork), removed if the thread fails to start. */
  newRollout: boolean;
  /** Opens the thread's rollout (create or append); not called for ephemeral threads. */
  openRollout: (config: ResolvedConfig, meta: RolloutMetaBasics) => Promise<RolloutRecorder>;
  restored?: RestoredThreadState;
}

/** The session_meta fields the builder knows. */
export interface RolloutMetaBasics {
  [key: string]: unknown;
  cwd: string;
  originator: string;
  cli_version: string;
  source: ReturnType<typeof rolloutSessionSource>;
  model_provider: string;
}

/**
 * Builds a CodexThread: credentials (fails at once with `Missing environment variable: NAME`
 * when the provider needs a key and there is none), the model client, the initial context,
 * exec-policy rules, the sandbox, and the rollout. Startup warnings (config, credentials store,
 * rules, unknown model) travel in the thread's settings; the app server shows them.
 */
export async function buildThread(
  ctx: ThreadBuilderContext,
  req: BuildThreadRequest,
): Promise<CodexThread> {
  const catalog = await ctx.models.forHome(req.config.codexHome);
  const config = catalog.withDefaultModel(req.config);
  const source: SessionSource = ctx.opts.sessionSource;
  const originator = ctx.env[ORIGINATOR_OVERRIDE_ENV_VAR] ?? ctx.opts.originator ?? 'codex_exec';
  // Opening the rollout (git info for session_meta) overlaps the rest of the start-up.
  const rollout = req.ephemeral
    ? null
    : req.openRollout(config, {
        cwd: config.cwd,
        originator,
        cli_version: ctx.opts.cliVersion,
        source: rolloutSessionSource(source),
        model_provider: config.modelProviderId,
      });
  // Marks a failure to open as handled until `assemble` awaits it.
  rollout?.catch(() => undefined);
  // MCP servers connect while the rest starts; turns wait for them, thread start only for
  // `required` ones.
  const mcp = ThreadMcp.start({
    servers: config.mcpServers,
    env: ctx.env,
    clientVersion: ctx.opts.cliVersion,
  });
  try {
    const thread = await assemble(ctx, req, config, catalog, originator, source, rollout, mcp);
    await mcp?.ensureRequiredServers();
    return thread;
  } catch (err) {
    await mcp?.close();
    // A new thread that never started leaves no rollout behind; a resumed one keeps its file.
    await releaseRollout(rollout, req.newRollout);
    throw err;
  }
}

async function releaseRollout(
  rollout: Promise<RolloutRecorder> | null,
  remove: boolean,
): Promise<void> {
  const recorder = await rollout?.catch(() => null);
  if (!recorder) return;
  await recorder.close().catch(() => undefined);
  if (remove) await rm(recorder.path, { force: true });
}

async function assemble(
  ctx: ThreadBuilderContext,
  req: BuildThreadRequest,
  config: ResolvedConfig,
  catalog: Awaited<ReturnType<ModelCatalogs['forHome']>>,
  originator: string,
  source: SessionSource,
  rollout: Promise<RolloutRecorder> | null,
  mcp: ThreadMcp | null,
): Promise<CodexThread> {
  const authWarnings: string[] = [];
  const modelAuth = await resolveModelAuth({
    provider: config.modelProvider,
    env: ctx.env,
    authManager: ctx.auth.forConfig(config.auth, (message) => authWarnings.push(message)),
  });
  const shell = discoverShell(ctx.env);
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
  const client = new ModelClient({
    provider: modelAuth.provider,
    ...(modelAuth.auth ? { auth: modelAuth.auth } : {}),
    env: ctx.env,
    originator,
    userAgent: codexUserAgent({ originator, version: ctx.opts.cliVersion, env: ctx.env }),
    sessionId: req.id,
  });
  const projectRoot = trustedProjectRoot(
    config.projectTrust,
    config.cwd,
    await findRepoRoot(config.cwd),
  );
  const execPolicy = await loadExecPolicyStore(config.codexHome, projectRoot);
  const modelWarning = catalog.runtimeFor(config).warning;
  const extraWarnings = [...authWarnings, execPolicy.warning, modelWarning].filter(
    (w): w is string => w !== null,
  );
  const threadConfig: ResolvedConfig =
    extraWarnings.length === 0
      ? config
      : {
          ...config,
          warnings: [
            ...config.warnings,
            ...extraWarnings.map((message) => ({ message, location: null })),
          ],
        };
  const persistence =
    rollout === null ? null : new ThreadPersistence(req.id, await rollout, ctx.activity);
  return new CodexThread({
    id: req.id,
    config: threadConfig,
    client,
    modelRuntime: (turnConfig) => catalog.runtimeFor(turnConfig),
    persistence,
    ...(req.restored ? { restored: req.restored } : {}),
    shell,
    instructions: config.baseInstructions ?? baseInstructions(),
    // A stored thread's history already starts with the context it was given.
    initialContext: req.restored ? [] : initial.items,
    env: ctx.env,
    ephemeral: req.ephemeral,
    source,
    cliVersion: ctx.opts.cliVersion,
    retryDelayMs: (attempt) => backoffDelayMs(attempt),
    execGate: new ExecGate({
      analyzer: createCommandAnalyzer(),
      policy: execPolicy.store,
      sessionApprovals: new SessionApprovals(),
    }),
    patchGate: new PatchGate(),
    mcp,
    sandbox: createSandboxLauncher({
      helperCommand: ctx.opts.sandboxHelperCommand ?? null,
      ...(ctx.opts.linuxSandboxMethod ? { linuxMethod: ctx.opts.linuxSandboxMethod } : {}),
    }),
  });
}
