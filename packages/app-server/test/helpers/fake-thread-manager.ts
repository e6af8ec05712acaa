import type { ResolvedConfig } from '@codex-ts/config';
import type {
  ApprovalRequester,
  CodexThreadApi,
  ForkThreadOptions,
  ResumeThreadOptions,
  StartThreadOptions,
  ThreadListPage,
  ThreadListQuery,
  TurnOverrides,
} from '@codex-ts/core';
import type { CoreEvent, Thread, ThreadStatus, Turn, UserInput } from '@codex-ts/protocol';
import type { ThreadManagerLike } from '@codex-ts/app-server';
import { ModelsManager, type ModelCatalog, type RefreshStrategy } from '@codex-ts/models-manager';
import { FakeThreadStore, threadNotFound } from './fake-stored-threads.js';

/**
 * A stand-in for core's ThreadManager so processor tests run without a model. Each turn emits the
 * notification sequence of a plain message turn (asynchronously, like core), or hangs until
 * interrupted when `mode` is `'hang'`.
 */
export interface FakeThreadOptions {
  /** `'message'`: answer `reply` at once; `'hang'`: stay in progress until interrupted. */
  mode?: 'message' | 'hang';
  reply?: string;
  /** Emit `thread/status/changed` + `turn/started` synchronously inside `startTurn` (a core bug
   * the processor must survive without reordering). */
  emitSynchronously?: boolean;
}

/** What a FakeThread starts from when it continues a stored thread. */
export interface FakeThreadInit {
  createdAt?: number;
  name?: string | null;
  preview?: string;
  history?: Turn[];
}

export class FakeThreadManager implements ThreadManagerLike {
  readonly threads = new Map<string, FakeThread>();
  readonly started: StartThreadOptions[] = [];
  readonly resumed: ResumeThreadOptions[] = [];
  readonly forked: ForkThreadOptions[] = [];
  /** Stored threads (rollouts + state DB in core); tests seed it with `store.add`. */
  readonly store = new FakeThreadStore();
  startError: Error | null = null;
  shutdownCalls = 0;
  readonly modelListCalls: RefreshStrategy[] = [];
  private counter = 0;

  constructor(
    private readonly threadOptions: FakeThreadOptions = {},
    private readonly cliVersion = '0.9.1',
  ) {}

  /** Like core without a sign-in: the catalog read offline (cache or bundled). */
  listModels(config: ResolvedConfig, strategy: RefreshStrategy): Promise<ModelCatalog> {
    this.modelListCalls.push(strategy);
    return new ModelsManager({
      codexHome: config.codexHome,
      clientVersion: this.cliVersion,
    }).listModels('offline');
  }

  async startThread(options: StartThreadOptions): Promise<CodexThreadApi> {
    if (this.startError) {
      throw this.startError;
    }
    this.started.push(options);
    this.counter += 1;
    const id = `019a0000-0000-7000-8000-${String(this.counter).padStart(12, '0')}`;
    const thread = new FakeThread(
      id,
      options.config,
      options.ephemeral ?? false,
      this.threadOptions,
    );
    this.threads.set(id, thread);
    if (!thread.snapshot().ephemeral) this.store.add(thread.snapshot());
    return thread;
  }

  async resumeThread(options: ResumeThreadOptions): Promise<CodexThreadApi> {
    this.resumed.push(options);
    const entry = this.store.resolve(options.threadId);
    if (!entry) throw threadNotFound(options.threadId);
    const live = this.threads.get(entry.thread.id);
    if (live) return live;
    const stored = entry.thread;
    const thread = new FakeThread(stored.id, options.config, false, this.threadOptions, {
      createdAt: stored.createdAt,
      name: stored.name,
      preview: stored.preview,
      history: stored.turns,
    });
    this.threads.set(stored.id, thread);
    return thread;
  }

  async forkThread(options: ForkThreadOptions): Promise<CodexThreadApi> {
    this.forked.push(options);
    const source = this.store.resolve(options.threadId);
    if (!source) throw threadNotFound(options.threadId);
    const history = this.threads.get(source.thread.id)?.history ?? source.thread.turns;
    const cut = options.lastTurnId ? history.findIndex((t) => t.id === options.lastTurnId) : -1;
    const copied = cut >= 0 ? history.slice(0, cut + 1) : [...history];
    const thread = (await this.startThread({
      config: options.config,
      ephemeral: options.ephemeral ?? false,
    })) as FakeThread;
    this.started.pop();
    thread.history.push(...copied);
    thread.preview = source.thread.preview;
    return thread;
  }

  async readThread(_codexHome: string, threadId: string, includeTurns: boolean) {
    const live = this.threads.get(threadId);
    if (live) {
      return { ...live.snapshot(), turns: includeTurns ? [...live.history] : [] };
    }
    const { thread } = this.store.require(threadId);
    return { ...thread, turns: includeTurns ? thread.turns : [] };
  }

  async listThreads(query: ThreadListQuery): Promise<ThreadListPage> {
    return this.store.list(query);
  }

  async archiveThread(_codexHome: string, threadId: string): Promise<void> {
    this.store.require(threadId).archived = true;
  }

  async unarchiveThread(_codexHome: string, threadId: string) {
    const entry = this.store.require(threadId);
    entry.archived = false;
    return entry.thread;
  }

  async deleteThread(_codexHome: string, threadId: string): Promise<void> {
    this.store.require(threadId);
    this.store.entries.delete(threadId);
  }

  async setThreadName(_codexHome: string, threadId: string, name: string): Promise<void> {
    const entry = this.store.require(threadId);
    entry.thread = { ...entry.thread, name };
    const live = this.threads.get(threadId);
    if (live) live.name = name;
  }

  getThread(id: string): CodexThreadApi | undefined {
    return this.threads.get(id);
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls += 1;
    await Promise.all([...this.threads.values()].map((t) => t.shutdown()));
  }
}

export class FakeThread implements CodexThreadApi {
  readonly turns: Array<{ input: UserInput[]; overrides: TurnOverrides | undefined }> = [];
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private status: ThreadStatus = { type: 'idle' };
  private active: { turn: Turn; finish: (status: 'completed' | 'interrupted') => void } | null =
    null;
  private turnCounter = 0;
  private readonly createdAt: number;
  /** Completed turns, as a stored thread's `turns`. */
  readonly history: Turn[];
  name: string | null;
  preview: string;

  constructor(
    readonly id: string,
    private readonly config: ResolvedConfig,
    private readonly ephemeral: boolean,
    private readonly options: FakeThreadOptions,
    init: FakeThreadInit = {},
  ) {
    this.createdAt = init.createdAt ?? Math.floor(Date.now() / 1000);
    this.history = [...(init.history ?? [])];
    this.turnCounter = this.history.length;
    this.name = init.name ?? null;
    this.preview = init.preview ?? '';
  }

  currentConfig(): ResolvedConfig {
    return this.config;
  }

  snapshot(): Thread {
    return {
      id: this.id,
      sessionId: this.id,
      preview: this.preview,
      ephemeral: this.ephemeral,
      modelProvider: this.config.modelProviderId,
      model: this.config.model,
      createdAt: this.createdAt,
      updatedAt: this.createdAt,
      status: this.status,
      path: null,
      cwd: this.config.cwd,
      cliVersion: '0.0.0-test',
      source: 'appServer',
      name: this.name,
      projectId: null,
      turns: [],
    };
  }

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The approval requester the processor installed for this thread. */
  approvalRequester: ApprovalRequester | null = null;

  setApprovalRequester(requester: ApprovalRequester | null): void {
    this.approvalRequester = requester;
  }

  activeTurnId(): string | null {
    return this.active?.turn.id ?? null;
  }

  startTurn(input: UserInput[], overrides?: TurnOverrides): Turn {
    if (this.active) {
      throw Object.assign(new Error(`thread ${this.id} already has a running turn`), {
        code: 'thread_busy',
      });
    }
    this.turns.push({ input, overrides });
    this.turnCounter += 1;
    const turn: Turn = {
      id: `turn-${this.turnCounter}`,
      items: [],
      status: 'inProgress',
      error: null,
      startedAt: Math.floor(Date.now() / 1000),
      completedAt: null,
      durationMs: null,
    };
    const threadId = this.id;
    const begin = (): void => {
      this.status = { type: 'active', activeFlags: [] };
      this.emit({ method: 'thread/status/changed', params: { threadId, status: this.status } });
      this.emit({ method: 'turn/started', params: { threadId, turn } });
    };
    let finished = false;
    const finish = (status: 'completed' | 'interrupted'): void => {
      if (finished) return;
      finished = true;
      this.active = null;
      this.status = { type: 'idle' };
      this.emit({ method: 'thread/status/changed', params: { threadId, status: this.status } });
      const now = Math.floor(Date.now() / 1000);
      const done = { ...turn, status, completedAt: now, durationMs: 1 };
      this.history.push(done);
      this.emit({ method: 'turn/completed', params: { threadId, turn: done } });
    };
    this.active = { turn, finish };
    if (this.options.emitSynchronously) {
      begin();
    }
    setTimeout(() => {
      if (!this.options.emitSynchronously) begin();
      this.emitItems(turn.id, input);
      if ((this.options.mode ?? 'message') === 'message') {
        this.emitReply(turn.id);
        finish('completed');
      }
    }, 0);
    return turn;
  }

  async interrupt(turnId: string): Promise<void> {
    if (!this.active || this.active.turn.id !== turnId) {
      throw Object.assign(new Error(`turn ${turnId} is not running`), { code: 'turn_not_running' });
    }
    const { finish } = this.active;
    await new Promise((resolve) => setTimeout(resolve, 5));
    finish('interrupted');
  }

  /** Input steered into turns, by turn id (the fake only records it). */
  readonly steered: Array<{ turnId: string; input: UserInput[] }> = [];

  steer(input: UserInput[], expectedTurnId: string): string {
    const code = (text: string, c: string) => Object.assign(new Error(text), { code: c });
    if (input.length === 0) throw code('steering input must not be empty', 'steer_empty_input');
    if (!this.active) throw code(`thread ${this.id} has no running turn`, 'steer_no_active_turn');
    if (this.active.turn.id !== expectedTurnId) {
      throw Object.assign(code('another turn is running', 'steer_turn_mismatch'), {
        expected: expectedTurnId,
        actual: this.active.turn.id,
      });
    }
    this.steered.push({ turnId: expectedTurnId, input });
    return expectedTurnId;
  }

  /** Reviews are exercised over the real core (review-start.test.ts); the fake refuses them. */
  startReview(): Turn {
    throw Object.assign(new Error('the fake thread runs no reviews'), { code: 'fake_no_review' });
  }

  /** Drops the turn and the later ones from `history` (the revert itself is core's, tested there). */
  async revert(beforeTurnId: string): Promise<void> {
    const index = this.history.findIndex((turn) => turn.id === beforeTurnId);
    if (index < 0) {
      throw Object.assign(new Error(`turn not found: ${beforeTurnId}`), { code: 'turn_not_found' });
    }
    this.history.splice(index);
    this.emit({ method: 'thread/reverted', params: { threadId: this.id } });
    await Promise.resolve();
  }

  async shutdown(): Promise<void> {
    this.active?.finish('interrupted');
  }

  private emitItems(turnId: string, input: UserInput[]): void {
    const threadId = this.id;
    const item = { type: 'userMessage' as const, id: `${turnId}-user`, content: input };
    this.emit({
      method: 'item/started',
      params: { threadId, turnId, item, startedAtMs: Date.now() },
    });
    this.emit({
      method: 'item/completed',
      params: { threadId, turnId, item, completedAtMs: Date.now() },
    });
  }

  private emitReply(turnId: string): void {
    const threadId = this.id;
    const text = this.options.reply ?? 'Hello!';
    const itemId = `${turnId}-agent`;
    const started = { type: 'agentMessage' as const, id: itemId, text: '' };
    this.emit({
      method: 'item/started',
      params: { threadId, turnId, item: started, startedAtMs: Date.now() },
    });
    this.emit({
      method: 'item/agentMessage/delta',
      params: { threadId, turnId, itemId, delta: text },
    });
    this.emit({
      method: 'item/completed',
      params: { threadId, turnId, item: { ...started, text }, completedAtMs: Date.now() },
    });
    const usage = {
      totalTokens: 12,
      inputTokens: 10,
      cachedInputTokens: 0,
      cacheWriteInputTokens: 0,
      outputTokens: 2,
      reasoningOutputTokens: 0,
    };
    this.emit({
      method: 'thread/tokenUsage/updated',
      params: {
        threadId,
        turnId,
        tokenUsage: { total: usage, last: usage, modelContextWindow: null },
      },
    });
  }

  private emit(event: CoreEvent): void {
    for (const listener of [...this.listeners]) {
      listener(event);
    }
  }
}
