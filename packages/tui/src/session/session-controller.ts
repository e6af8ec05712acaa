import type { AppServerClient } from '@codex-ts/app-server-client';
import type {
  AskForApproval,
  ReviewTarget,
  SandboxMode,
  ThreadStartParams,
  ThreadStartResponse,
  UserInput,
} from '@codex-ts/protocol';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatStore } from './chat-store.js';
import { INIT_PROMPT } from './init-prompt.js';
import { cellForItem } from './item-cells.js';
import type { WorkProbe } from './frame-clock.js';
import { NotificationHandler } from './notification-handler.js';
import { ApprovalQueue } from './approval-queue.js';
import { sandboxLabel } from './sandbox-label.js';

/** A message typed by the user: text plus attached image paths. */
export interface UserMessage {
  text: string;
  images: string[];
}

/** Per-turn overrides chosen in the UI (/model, /approvals); they stick for later turns. */
export interface TurnOverrides {
  model?: string;
  effort?: string | null;
  approvalPolicy?: AskForApproval;
  sandbox?: SandboxMode;
}

/**
 * The TUI's one agent-facing object: it starts, resumes and forks threads and runs turns through
 * the app-server client, feeds notifications to the chat store, queues messages typed while a
 * turn runs (Tab) and answers approval requests through the approval queue. No UI code here.
 */
export class SessionController {
  readonly approvals = new ApprovalQueue();
  private threadId: string | null = null;
  private readonly handler: NotificationHandler;
  private readonly queued: UserMessage[] = [];
  private overrides: TurnOverrides = {};
  private lastUserText: string | null = null;
  /** Ids of this thread's turns, oldest first (the backtrack target is the last). */
  private turnIds: string[] = [];
  /** Esc-Esc: the next message replaces this turn and everything after it. */
  private pendingRevert: string | null = null;
  /** The thread switch in progress (settled: resolved). */
  private opening: Promise<void> = Promise.resolve();
  private readonly queueListeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly client: AppServerClient,
    readonly store: ChatStore,
    private readonly startParams: ThreadStartParams,
    private readonly version: string,
    /** Told about each frame tick's work (the benchmarks time frames with it). */
    probe: WorkProbe | null = null,
  ) {
    const events = {
      onTurnStarted: (turnId: string) => {
        this.turnIds.push(turnId);
      },
      onTurnEnded: (turnId: string) => {
        this.approvals.dropForTurn(turnId);
        this.sendNextQueued();
      },
    };
    this.handler = new NotificationHandler(store, () => this.threadId, events, probe);
    this.unsubscribe = client.onNotification((n) => this.handler.enqueue(n));
    client.onServerRequest((request) => this.approvals.ask(request));
  }

  /** What choosing a thread in the resume picker does (`codex fork` opens it to fork). */
  pickerAction: 'resume' | 'fork' = 'resume';

  /** The directory the session was started for. */
  get defaultCwd(): string {
    return this.startParams.cwd ?? process.cwd();
  }

  get currentThreadId(): string | null {
    return this.threadId;
  }

  get queuedMessages(): readonly UserMessage[] {
    return this.queued;
  }

  onQueueChange(listener: () => void): () => void {
    this.queueListeners.add(listener);
    return () => this.queueListeners.delete(listener);
  }

  /**
   * Runs a thread switch (start, resume, fork); messages submitted meanwhile wait for it, so
   * they go to the new thread.
   */
  private switching(open: () => Promise<void>): Promise<void> {
    const opening = open();
    this.opening = opening.catch(() => undefined);
    return opening;
  }

  startThread(): Promise<void> {
    return this.switching(async () => {
      const response = await this.client.request('thread/start', this.startParams);
      this.adopt(response);
    });
  }

  resumeThread(threadId: string): Promise<void> {
    return this.switching(() => this.resumeNow(threadId));
  }

  private async resumeNow(threadId: string): Promise<void> {
    const response = await this.client.request('thread/resume', {
      ...this.settingsParams(),
      threadId,
    });
    this.adopt(response);
    this.replay(response);
  }

  /** Forks the given thread (default: the current one) and continues in the fork. */
  forkThread(threadId: string = this.requireThread()): Promise<void> {
    return this.switching(() => this.forkNow(threadId));
  }

  private async forkNow(threadId: string): Promise<void> {
    const response = await this.client.request('thread/fork', {
      ...this.settingsParams(),
      threadId,
    });
    this.adopt(response);
    this.replay(response);
  }

  /**
   * Esc-Esc: the last message, to edit and send again in place of the last turn (that turn is
   * reverted when the edited message is sent). Null when there is nothing to edit.
   */
  editLastMessage(): string | null {
    const lastTurn = this.turnIds.at(-1);
    if (this.lastUserText === null || lastTurn === undefined) return null;
    this.pendingRevert = lastTurn;
    return this.lastUserText;
  }

  /** Runs the message now, or steers the running turn with it. */
  async submit(message: UserMessage): Promise<void> {
    await this.opening;
    const threadId = this.requireThread();
    this.lastUserText = message.text;
    const turn = this.store.getSnapshot().turn;
    const input = toInput(message);
    const revert = turn ? null : this.pendingRevert;
    this.pendingRevert = null;
    if (revert !== null) {
      await this.client.request('thread/revert', { threadId, beforeTurnId: revert });
      this.turnIds = this.turnIds.slice(0, this.turnIds.indexOf(revert));
    }
    if (turn) {
      await this.client.request('turn/steer', { threadId, input, expectedTurnId: turn.id });
      return;
    }
    await this.client.request('turn/start', { threadId, input, ...this.turnOverrides() });
  }

  /** Runs a code review of `target` inline on this thread (`review/start`). */
  async startReview(target: ReviewTarget): Promise<void> {
    const threadId = this.requireThread();
    await this.client.request('review/start', { threadId, target, delivery: 'inline' });
  }

  /** /init: asks the model to write AGENTS.md for this project, unless one is there already. */
  async initAgentsMd(): Promise<void> {
    const cwd = this.store.getSnapshot().session?.cwd ?? this.defaultCwd;
    if (existsSync(join(cwd, 'AGENTS.md'))) {
      this.store.commitCell({
        kind: 'info',
        title: null,
        lines: ['AGENTS.md already exists here; /init leaves it alone (edit it, or ask Codex to).'],
      });
      return;
    }
    await this.submit({ text: INIT_PROMPT, images: [] });
  }

  /** Tab while a turn runs: held until the turn ends, then sent as the next turn. */
  queue(message: UserMessage): void {
    if (!this.store.getSnapshot().turn) {
      void this.submit(message).catch((err: unknown) => this.showError(err));
      return;
    }
    this.queued.push(message);
    this.emitQueue();
  }

  /** Takes the queued messages back (Esc-Esc / editing); returns them. */
  takeQueued(): UserMessage[] {
    const taken = this.queued.splice(0);
    this.emitQueue();
    return taken;
  }

  async interrupt(): Promise<boolean> {
    const turn = this.store.getSnapshot().turn;
    if (!turn || this.threadId === null) return false;
    await this.client.request('turn/interrupt', { threadId: this.threadId, turnId: turn.id });
    return true;
  }

  setOverrides(overrides: TurnOverrides): void {
    this.overrides = { ...this.overrides, ...overrides };
    const session = this.store.getSnapshot().session;
    if (!session) return;
    this.store.update({
      session: {
        ...session,
        ...(overrides.model !== undefined ? { model: overrides.model } : {}),
        ...(overrides.effort !== undefined ? { effort: overrides.effort } : {}),
        ...(overrides.approvalPolicy !== undefined
          ? { approvalPolicy: overrides.approvalPolicy }
          : {}),
        ...(overrides.sandbox !== undefined ? { sandbox: overrides.sandbox } : {}),
      },
    });
  }

  showError(err: unknown): void {
    this.store.commitCell({
      kind: 'error',
      message: err instanceof Error ? err.message : String(err),
    });
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.handler.dispose();
    this.client.onServerRequest(null);
    this.approvals.cancelAll();
  }

  private requireThread(): string {
    if (this.threadId === null) throw new Error('no thread is running');
    return this.threadId;
  }

  private settingsParams(): Omit<ThreadStartParams, 'ephemeral'> {
    const { ephemeral: _ephemeral, ...settings } = this.startParams;
    return settings;
  }

  private turnOverrides(): Record<string, unknown> {
    const o = this.overrides;
    return {
      ...(o.model !== undefined ? { model: o.model } : {}),
      ...(o.effort !== undefined ? { effort: o.effort } : {}),
      ...(o.approvalPolicy !== undefined ? { approvalPolicy: o.approvalPolicy } : {}),
      ...(o.sandbox !== undefined ? { sandboxPolicy: sandboxPolicyParam(o.sandbox) } : {}),
    };
  }

  private adopt(response: ThreadStartResponse): void {
    this.threadId = response.thread.id;
    this.overrides = {};
    this.lastUserText = null;
    this.pendingRevert = null;
    this.turnIds = response.thread.turns.map((t) => t.id);
    const session = {
      threadId: response.thread.id,
      model: response.model,
      effort: response.reasoningEffort,
      cwd: response.cwd,
      approvalPolicy: response.approvalPolicy,
      sandbox: sandboxLabel(response.sandbox),
      modelProvider: response.modelProvider,
    };
    this.store.update({ session, turn: null, live: [], streamTail: [], tokenUsage: null });
    this.store.commitCell({
      kind: 'session-header',
      version: this.version,
      model: session.model,
      effort: session.effort,
      cwd: session.cwd,
      approvalPolicy: session.approvalPolicy,
      sandbox: session.sandbox,
    });
  }

  /** Shows a resumed or forked thread's earlier turns. */
  private replay(response: ThreadStartResponse): void {
    for (const turn of response.thread.turns) {
      for (const item of turn.items) {
        if (item.type === 'userMessage') {
          const text = item.content.find((part) => part.type === 'text');
          if (text?.type === 'text') this.lastUserText = text.text;
        }
        const cell = cellForItem(item, response.cwd);
        if (cell) this.store.commitCell(cell);
      }
    }
  }

  private sendNextQueued(): void {
    const next = this.queued.shift();
    if (!next) return;
    this.emitQueue();
    void this.submit(next).catch((err: unknown) => this.showError(err));
  }

  private emitQueue(): void {
    for (const listener of this.queueListeners) listener();
  }
}

function toInput(message: UserMessage): UserInput[] {
  return [
    ...message.images.map((path): UserInput => ({ type: 'localImage', path })),
    { type: 'text', text: message.text, text_elements: [] },
  ];
}

/** The `sandboxPolicy` turn param for a sandbox mode (roots and network from config). */
function sandboxPolicyParam(mode: SandboxMode): Record<string, unknown> {
  if (mode === 'read-only') return { type: 'readOnly' };
  if (mode === 'workspace-write') return { type: 'workspaceWrite' };
  return { type: 'dangerFullAccess' };
}
