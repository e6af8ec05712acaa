import { extraWritableRoots, type ResolvedConfig } from '@codex-ts/config';
import {
  addTokenUsage,
  emptyTokenUsage,
  type CoreEvent,
  type ReviewTarget,
  type SessionSource,
  type Thread,
  type ThreadStatus,
  type TokenUsage,
  type Turn,
  type UserInput,
} from '@codex-ts/protocol';
import { uuidV7 } from '@codex-ts/utils';
import type { ApprovalRequester } from '../approvals/approval-requester.js';
import { ThreadBusyError, TurnNotRunningError } from '../errors.js';
import type { SandboxLauncher } from '../exec-gate/exec-gate-deps.js';
import type { ExecGate } from '../exec-gate/exec-gate.js';
import type { PatchGate } from '../exec-gate/patch-gate.js';
import { TurnDiffTracker } from '../turn/turn-diff-tracker.js';
import { UnifiedExecManager } from '../unified-exec/exec-session-manager.js';
import type { ModelRuntime } from '../model/model-runtime.js';
import { RecordingHistory } from './recording-history.js';
import type { ThreadPersistence } from './thread-persistence.js';
import type { RolloutItem } from '../rollout/rollout-line.js';
import type { ShellInfo } from '../tools/tool-types.js';
import { buildResponsesRequest } from '../turn/request-builder.js';
import { finishedTurn, runTurnLoop, type TurnOutcome } from '../turn/run-turn.js';
import { SteerQueue } from '../turn/steer-queue.js';
import { TurnEmitter } from '../turn/turn-emitter.js';
import type { HistoryItem, ModelStreamer, TurnRuntime } from '../turn/turn-runtime.js';
import { buildChildEnv } from './child-env.js';
import type { CodexThreadApi, TurnOverrides } from './thread-api.js';
import { settingsUpdateMessages, withOverrides } from './settings-update.js';
import { EmptySteerInputError, NoActiveTurnError, SteerTurnMismatchError } from './steer-errors.js';
import { checkLocalImages, previewOf, userInputToMessage } from './user-input.js';
import { revertThread } from './thread-revert.js';
import { hostedToolSpecs } from '../tools/web-search/web-search-spec.js';
import { reviewContextItems, reviewToolConfig } from '../review/review-context.js';
import { reviewInstructions } from '../review/review-instructions.js';
import { reviewPrompt } from '../review/review-prompt.js';
import { resolveReviewRequest, type ReviewRequest } from '../review/review-target.js';
import { reviewTurnStarted, runReviewTurn } from '../review/run-review.js';
import { withThreadMcp, type ThreadMcp } from '../mcp/turn-mcp-tools.js';

export interface CodexThreadDeps {
  id: string;
  config: ResolvedConfig;
  client: ModelStreamer;
  /** The tools and request traits for the model a turn uses (by its metadata). */
  modelRuntime(config: ResolvedConfig): ModelRuntime;
  /** Writes the rollout; null for an ephemeral thread. */
  persistence: ThreadPersistence | null;
  /** What a resumed or forked thread continues from. */
  restored?: RestoredThreadState;
  shell: ShellInfo;
  instructions: string;
  initialContext: HistoryItem[];
  env: Record<string, string | undefined>;
  ephemeral: boolean;
  source: SessionSource;
  cliVersion: string;
  retryDelayMs(attempt: number): number;
  execGate: ExecGate;
  patchGate: PatchGate;
  sandbox: SandboxLauncher;
  mcp?: ThreadMcp | null;
}

/** A stored thread's state: its model input, usage so far, and list metadata. */
export interface RestoredThreadState {
  history: HistoryItem[];
  total: TokenUsage;
  preview: string;
  createdAt: number;
  updatedAt: number;
  name: string | null;
  /** A fork: the source's lines go into the new rollout (a resumed thread's are in its file). */
  copiedLines?: RolloutItem[];
}

interface ActiveTurn {
  id: string;
  abort: AbortController;
  done: Promise<void>;
  /** Input steered into the turn (`turn/steer`). */
  steering: SteerQueue;
}

/** What a turn samples with: its instructions, model input and the settings of its tools. */
interface ConversationView {
  instructions: string;
  /** Model input before `history` (the initial context). */
  prefix: HistoryItem[];
  /** The conversation the turn reads and appends to. */
  history: HistoryItem[];
  /** Chooses the model's tools (the thread's settings, or a restricted copy). */
  toolConfig: ResolvedConfig;
  /** Declare the hosted tools (web search) the settings allow. */
  hostedTools: boolean;
}

export class CodexThread implements CodexThreadApi {
  readonly id: string;
  private config: ResolvedConfig;
  private readonly history: RecordingHistory;
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  /** Commands `exec_command` left running, for `write_stdin`; killed at shutdown. */
  private readonly execSessions = new UnifiedExecManager();
  private total: TokenUsage;
  private active: ActiveTurn | null = null;
  private approvalRequester: ApprovalRequester | null = null;
  private preview: string;
  private readonly createdAt: number;
  private updatedAt: number;
  private name: string | null;

  constructor(private readonly deps: CodexThreadDeps) {
    this.id = deps.id;
    this.config = deps.config;
    const restored = deps.restored;
    const persistence = deps.persistence;
    this.history = RecordingHistory.recording(
      restored?.history ?? [],
      persistence ? (items) => persistence.recordHistory(items) : null,
    );
    this.total = restored?.total ?? emptyTokenUsage();
    this.preview = restored?.preview ?? '';
    this.createdAt = restored?.createdAt ?? Math.floor(Date.now() / 1000);
    this.updatedAt = restored?.updatedAt ?? this.createdAt;
    this.name = restored?.name ?? null;
    // A new thread's rollout starts with the context every request carries; a fork's with the
    // history it copied.
    if (restored === undefined) persistence?.recordHistory(deps.initialContext);
    else if (restored.copiedLines !== undefined) persistence?.recordLines(restored.copiedLines);
  }

  /** The rollout file this thread appends to (null for an ephemeral thread). */
  rolloutPath(): string | null {
    return this.deps.persistence?.rolloutPath ?? null;
  }

  /** Waits until every rollout line recorded so far is written. */
  async flushRollout(): Promise<void> {
    await this.deps.persistence?.flush();
  }

  setName(name: string | null): void {
    this.name = name;
  }

  currentConfig(): ResolvedConfig {
    return this.config;
  }

  setApprovalRequester(requester: ApprovalRequester | null): void {
    this.approvalRequester = requester;
  }

  activeTurnId(): string | null {
    return this.active?.id ?? null;
  }

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): Thread {
    const status: ThreadStatus = this.active
      ? { type: 'active', activeFlags: [] }
      : { type: 'idle' };
    return {
      id: this.id,
      sessionId: this.id,
      preview: this.preview,
      ephemeral: this.deps.ephemeral,
      modelProvider: this.config.modelProviderId,
      model: this.config.model,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
      status,
      path: this.rolloutPath(),
      cwd: this.config.cwd,
      cliVersion: this.deps.cliVersion,
      source: this.deps.source,
      name: this.name,
      projectId: null,
      turns: [],
    };
  }

  startTurn(input: UserInput[], overrides: TurnOverrides = {}): Turn {
    if (this.active) throw new ThreadBusyError(this.id, this.active.id);
    const next = withOverrides(this.config, overrides);
    // Check the input first: if it fails (an unreadable image) nothing has changed.
    checkLocalImages(input, next.cwd);
    const turnId = uuidV7();
    this.deps.persistence?.recordTurnContext(
      next,
      turnId,
      this.deps.modelRuntime(next).traits.contextWindow,
    );
    this.history.push(...settingsUpdateMessages(this.config, next, this.deps.shell));
    this.config = next;
    const turn: Turn = {
      id: turnId,
      items: [],
      status: 'inProgress',
      error: null,
      startedAt: Math.floor(Date.now() / 1000),
      completedAt: null,
      durationMs: null,
    };
    if (this.preview === '') this.preview = previewOf(input);
    const abort = new AbortController();
    const emitter = new TurnEmitter(this.id, turn.id, (e) => this.emit(e));
    const steering = new SteerQueue(emitter, this.history, next.cwd);
    const active: ActiveTurn = { id: turn.id, abort, done: Promise.resolve(), steering };
    this.active = active;
    // Defer the turn's first notification so the caller can answer `turn/start` before it.
    active.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.runActive(turn, abort, steering, (turnEmitter) =>
        this.userTurn(
          turnEmitter,
          turn.id,
          input,
          next.cwd,
          overrides.outputSchema,
          abort,
          steering,
        ),
      ),
    );
    return turn;
  }

  /**
   * Starts a review turn (`review/start`, inline): the reviewer looks at `target` with its own
   * instructions and conversation, and the thread keeps the review. Returns the turn in
   * `inProgress` state, its one item the `userMessage` with the review's hint; notifications
   * follow asynchronously, as for `startTurn`. Throws InvalidReviewTargetError for an empty
   * branch, sha or instructions, ThreadBusyError when a turn is running.
   */
  startReview(target: ReviewTarget): Turn {
    const request = resolveReviewRequest(target);
    if (this.active) throw new ThreadBusyError(this.id, this.active.id);
    const config = this.config;
    const turnId = uuidV7();
    this.deps.persistence?.recordTurnContext(
      config,
      turnId,
      this.deps.modelRuntime(config).traits.contextWindow,
    );
    const turn = reviewTurnStarted(turnId, request.hint);
    const abort = new AbortController();
    // A review takes no steering: `turn/steer` finds no turn to steer.
    const steering = new SteerQueue(
      new TurnEmitter(this.id, turnId, (e) => this.emit(e)),
      this.history,
      config.cwd,
    );
    steering.close();
    const active: ActiveTurn = { id: turnId, abort, done: Promise.resolve(), steering };
    this.active = active;
    active.done = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      // The request resolves first (a base branch's merge base): it is the thread's preview.
      const prompt = await reviewPrompt(request.target, config.cwd).catch((err: unknown) => err);
      if (typeof prompt === 'string' && this.preview === '') this.preview = prompt;
      await this.runActive(turn, abort, steering, (turnEmitter) =>
        typeof prompt === 'string'
          ? this.reviewTurn(turnEmitter, request, prompt, abort)
          : Promise.reject(prompt),
      );
    });
    return turn;
  }

  steer(input: UserInput[], expectedTurnId: string): string {
    if (input.length === 0) throw new EmptySteerInputError();
    const active = this.active;
    if (!active || !active.steering.accepting) throw new NoActiveTurnError(this.id);
    if (active.id !== expectedTurnId) throw new SteerTurnMismatchError(expectedTurnId, active.id);
    checkLocalImages(input, this.config.cwd);
    active.steering.push(input);
    return active.id;
  }

  async revert(beforeTurnId: string): Promise<void> {
    await revertThread(
      {
        threadId: this.id,
        activeTurnId: () => this.activeTurnId(),
        history: this.history,
        persistence: this.deps.persistence,
      },
      beforeTurnId,
    );
    this.updatedAt = Math.floor(Date.now() / 1000);
    this.emit({ method: 'thread/reverted', params: { threadId: this.id } });
  }

  async interrupt(turnId: string): Promise<void> {
    const active = this.active;
    if (!active || active.id !== turnId) throw new TurnNotRunningError(turnId);
    active.abort.abort(new Error('turn interrupted'));
    await active.done;
  }

  /** Interrupts whatever runs and kills the thread's exec sessions; used at shutdown. */
  async shutdown(): Promise<void> {
    const active = this.active;
    if (active) {
      active.abort.abort(new Error('shutting down'));
      await active.done;
    }
    await this.execSessions.terminateAll();
    await this.deps.mcp?.close();
    await this.deps.persistence?.close();
  }

  private emit(event: CoreEvent): void {
    this.deps.persistence?.onEvent(event, () => this.preview);
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Runs the active turn's `body` between `turn/started` and `turn/completed` (with the thread
   * status changes around them); whatever the body throws ends the turn as failed.
   */
  private async runActive(
    turn: Turn,
    abort: AbortController,
    steering: SteerQueue,
    body: (emitter: TurnEmitter) => Promise<TurnOutcome>,
  ): Promise<void> {
    const startedMs = Date.now();
    const emitter = new TurnEmitter(this.id, turn.id, (e) => this.emit(e));
    let outcome: TurnOutcome;
    try {
      emitter.emit('thread/status/changed', {
        threadId: this.id,
        status: { type: 'active', activeFlags: [] },
      });
      emitter.emit('turn/started', { threadId: this.id, turn: { ...turn, items: [] } });
      outcome = await body(emitter);
    } catch (err) {
      // An image that fails to load, or a bug (a throwing listener): end the turn cleanly.
      const message = err instanceof Error ? err.message : String(err);
      outcome = {
        status: 'failed',
        error: { message, codexErrorInfo: 'other', additionalDetails: null },
        lastMessage: null,
      };
    } finally {
      steering.close();
      this.active = null;
      this.updatedAt = Math.floor(Date.now() / 1000);
    }
    emitter.emit('thread/status/changed', { threadId: this.id, status: { type: 'idle' } });
    emitter.emit('turn/completed', {
      threadId: this.id,
      turn: finishedTurn(turn, outcome, startedMs),
    });
  }

  private async userTurn(
    emitter: TurnEmitter,
    turnId: string,
    input: UserInput[],
    cwd: string,
    outputSchema: unknown,
    abort: AbortController,
    steering: SteerQueue,
  ): Promise<TurnOutcome> {
    const userItem = { type: 'userMessage' as const, id: uuidV7(), content: input };
    emitter.itemStarted(userItem);
    emitter.itemCompleted(userItem);
    // Images are decoded and scaled here (sharp is asynchronous), after the checks above.
    this.history.push(await userInputToMessage(input, cwd));
    const runtime = this.turnRuntime(emitter, turnId, outputSchema, abort);
    return runTurnLoop({ ...(await withThreadMcp(this.deps.mcp, runtime)), steering });
  }

  private reviewTurn(
    emitter: TurnEmitter,
    request: ReviewRequest,
    prompt: string,
    abort: AbortController,
  ): Promise<TurnOutcome> {
    const config = this.config;
    return runReviewTurn({
      threadId: this.id,
      turnId: emitter.turnId,
      request,
      prompt,
      sink: (e) => this.emit(e),
      history: this.history,
      recordEvent: (payload) =>
        this.deps.persistence?.recordLines([{ type: 'event_msg', payload }]),
      runtime: (reviewer, conversation) =>
        this.turnRuntime(reviewer, emitter.turnId, undefined, abort, {
          instructions: reviewInstructions(),
          prefix: reviewContextItems(config, this.deps.shell),
          history: conversation,
          toolConfig: reviewToolConfig(config),
          hostedTools: false,
        }),
    });
  }

  /** The runtime of one turn, with the settings in force when it started. */
  private turnRuntime(
    emitter: TurnEmitter,
    turnId: string,
    outputSchema: unknown,
    abort: AbortController,
    view: ConversationView = {
      instructions: this.deps.instructions,
      prefix: this.deps.initialContext,
      history: this.history,
      toolConfig: this.config,
      hostedTools: true,
    },
  ): TurnRuntime {
    const config = this.config;
    const writableRoots = extraWritableRoots(config);
    const model = this.deps.modelRuntime(view.toolConfig);
    return {
      emitter,
      client: this.deps.client,
      history: view.history,
      router: model.router,
      services: {
        approvals: () => this.approvalRequester,
        execGate: this.deps.execGate,
        patchGate: this.deps.patchGate,
        sandbox: this.deps.sandbox,
        turnDiff: new TurnDiffTracker(config.cwd),
        execSessions: this.execSessions,
      },
      signal: abort.signal,
      cancel: () => abort.abort(new Error('turn cancelled by the user')),
      streamMaxRetries: config.modelProvider.streamMaxRetries,
      retryDelayMs: this.deps.retryDelayMs,
      turnContext: {
        threadId: this.id,
        turnId,
        cwd: config.cwd,
        model: config.model,
        sandboxMode: config.sandboxMode,
        approvalPolicy: config.approvalPolicy,
        writableRoots,
        networkAccess: config.sandboxWorkspaceWrite.networkAccess,
        sandboxPolicy: {
          mode: config.sandboxMode,
          cwd: config.cwd,
          writableRoots,
          networkAccess: config.sandboxWorkspaceWrite.networkAccess,
          excludeTmpdirEnvVar: config.sandboxWorkspaceWrite.excludeTmpdirEnvVar,
          excludeSlashTmp: config.sandboxWorkspaceWrite.excludeSlashTmp,
        },
        shell: this.deps.shell,
        env: buildChildEnv(config.shellEnvironmentPolicy, this.deps.env),
      },
      buildRequest: () =>
        buildResponsesRequest(
          {
            model: config.model,
            traits: model.traits,
            instructions: view.instructions,
            tools: [
              ...model.router.specs(),
              ...(view.hostedTools
                ? hostedToolSpecs({
                    webSearch: config.webSearch,
                    webSearchTool: config.webSearchTool,
                    sandboxMode: config.sandboxMode,
                  })
                : []),
            ],
            effort: config.modelReasoningEffort,
            summary: config.modelReasoningSummary,
            verbosity: config.modelVerbosity,
            promptCacheKey: this.id,
            outputSchema,
          },
          [...view.prefix, ...view.history],
        ),
      recordUsage: (last) => {
        this.total = addTokenUsage(this.total, last);
        return {
          total: { ...this.total },
          last: { ...last },
          modelContextWindow: model.traits.contextWindow,
        };
      },
    };
  }
}
