import type { ResolvedConfig } from '@codex-ts/config';
import type { ApprovalRequester } from '../approvals/approval-requester.js';
import type {
  CoreEvent,
  ReasoningEffort,
  ReasoningSummary,
  SessionSource,
  AskForApproval,
  SandboxMode,
  ReviewTarget,
  Thread,
  Turn,
  UserInput,
} from '@codex-ts/protocol';

/** Settings a turn may change for itself and the turns after it. */
export interface TurnOverrides {
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  sandboxMode?: SandboxMode | null;
  model?: string | null;
  effort?: ReasoningEffort | null;
  summary?: ReasoningSummary | null;
  /** JSON Schema for the final message of this turn only (`text.format`). */
  outputSchema?: unknown;
}

export interface ThreadManagerOptions {
  /** Environment used for API keys and child processes; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Sent as the `originator` header (the SDK overrides it via CODEX_INTERNAL_ORIGINATOR_OVERRIDE). */
  originator?: string;
  sessionSource: SessionSource;
  cliVersion: string;
  /** argv prefix running `codex __landlock-exec` (the Landlock fallback); the CLI sets it. */
  sandboxHelperCommand?: string[] | null;
  /** Force a Linux sandbox method (tests, `codex sandbox linux --method`). */
  linuxSandboxMethod?: 'auto' | 'bwrap' | 'landlock';
}

export interface StartThreadOptions {
  config: ResolvedConfig;
  ephemeral?: boolean;
}

/** A live thread: history, settings and at most one running turn. */
export interface CodexThreadApi {
  readonly id: string;
  /** The settings the next turn will use. */
  currentConfig(): ResolvedConfig;
  /** The v2 `Thread` object (turns omitted) for responses and `thread/started`. */
  snapshot(): Thread;
  /** Subscribe to this thread's notifications; returns an unsubscribe function. */
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /**
   * Starts a turn and returns it in `inProgress` state. Its notifications (turn/started first)
   * are emitted asynchronously, after the caller has had the chance to answer its request.
   * Throws ThreadBusyError when a turn is already running.
   */
  startTurn(input: UserInput[], overrides?: TurnOverrides): Turn;
  /** Interrupts the running turn; resolves once `turn/completed` (interrupted) was emitted. */
  interrupt(turnId: string): Promise<void>;
  /**
   * Adds user input to the running turn `expectedTurnId`: it becomes a user message before the
   * turn's next model request (a turn that was about to end samples again). Returns the turn id.
   * Throws EmptySteerInputError, NoActiveTurnError or SteerTurnMismatchError.
   */
  steer(input: UserInput[], expectedTurnId: string): string;
  /**
   * Starts a review turn of `target` on this thread (`review/start`, inline delivery) and returns
   * it in `inProgress` state; notifications follow asynchronously, as for `startTurn`. Throws
   * InvalidReviewTargetError (empty branch, sha or instructions) or ThreadBusyError.
   */
  startReview(target: ReviewTarget): Turn;
  /**
   * `thread/revert`: drops turn `beforeTurnId` and every later turn from the history (the next
   * model request no longer carries them; the rollout records a `thread_rolled_back` line), then
   * emits `thread/reverted`. Throws ThreadBusyError while a turn runs, TurnNotFoundError for an
   * unknown turn, RevertUnavailableError for an ephemeral thread. Files are not restored.
   */
  revert(beforeTurnId: string): Promise<void>;
  activeTurnId(): string | null;
  /** Who answers this thread's approval questions (the app server sets its client). */
  setApprovalRequester(requester: ApprovalRequester | null): void;
}

/** `thread/resume`, `codex exec resume`: continue a stored thread (by id or by its name). */
export interface ResumeThreadOptions {
  /** Settings for the resumed thread (the app server loads them with the request's overrides). */
  config: ResolvedConfig;
  /** A thread id, or a name set with `thread/name/set`. */
  threadId: string;
}

/** `thread/fork`: a new thread whose history is a copy of a stored thread's. */
export interface ForkThreadOptions {
  config: ResolvedConfig;
  threadId: string;
  ephemeral?: boolean;
  /** Keep the history only up to (and including) this turn; all of it when absent. */
  lastTurnId?: string | null;
}

export type ThreadSortKey = 'created_at' | 'updated_at';

/** `thread/list` filters and paging (cursor from a previous page's `nextCursor`). */
export interface ThreadListQuery {
  codexHome: string;
  limit?: number | null;
  cursor?: string | null;
  sortKey?: ThreadSortKey | null;
  sortDirection?: 'asc' | 'desc' | null;
  /** Only threads started in one of these directories. */
  cwds?: string[] | null;
  searchTerm?: string | null;
  /** true: only archived threads; false or absent: only live ones. */
  archived?: boolean | null;
  modelProviders?: string[] | null;
  sourceKinds?: string[] | null;
}

export interface ThreadListPage {
  threads: Thread[];
  nextCursor: string | null;
}

/** What the app server asks of stored threads besides starting and resuming them. */
export interface StoredThreadsApi {
  /** The thread (from memory when loaded, else from its rollout); turns only when asked. */
  readThread(codexHome: string, threadId: string, includeTurns: boolean): Promise<Thread>;
  listThreads(query: ThreadListQuery): Promise<ThreadListPage>;
  /** Moves the rollout to `archived_sessions/` and marks the thread archived. */
  archiveThread(codexHome: string, threadId: string): Promise<void>;
  unarchiveThread(codexHome: string, threadId: string): Promise<Thread>;
  /** Removes the rollout and the thread's row. */
  deleteThread(codexHome: string, threadId: string): Promise<void>;
  setThreadName(codexHome: string, threadId: string, name: string): Promise<void>;
}
