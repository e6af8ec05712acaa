import { toSandboxPolicy, type ResolvedConfig } from '@codex-ts/config';
import type { CoreEvent, ResponseItem } from '@codex-ts/protocol';
import { rolloutItemsForEvent, responseRolloutItems } from '../rollout/event-mapper.js';
import { rolloutSandboxPolicy } from '../rollout/rollout-conversions.js';
import type { RolloutItem } from '../rollout/rollout-line.js';
import type { RolloutRecorder } from '../rollout/rollout-recorder.js';
import type { RolloutResponseItem, TurnContextItem } from '../rollout/rollout-schemas.js';
import type { HistoryItem } from '../turn/turn-runtime.js';

/** Told when a turn starts and ends (the state database keeps the thread's row current). */
export interface ThreadActivitySink {
  threadTouched(threadId: string, update: { updatedAt: number; preview: string }): void;
}

/**
 * Writes one thread's rollout as it goes: history appends become `response_item` lines, the
 * notifications the Rust Codex persists become `event_msg` lines, and each turn starts with a
 * `turn_context` line. Lines are queued in order and flushed at every completed item and at the
 * end of each turn, so a killed process loses at most the line being written.
 */
export class ThreadPersistence {
  private modelContextWindow: number | null = null;

  constructor(
    readonly threadId: string,
    private readonly recorder: RolloutRecorder,
    private readonly activity: ThreadActivitySink | null,
  ) {}

  get rolloutPath(): string {
    return this.recorder.path;
  }

  /** Lines copied from another rollout (a fork), as they were. */
  recordLines(items: readonly RolloutItem[]): void {
    this.record([...items]);
  }

  recordHistory(items: readonly HistoryItem[]): void {
    this.record(responseRolloutItems(items as unknown as RolloutResponseItem[]));
  }

  recordTurnContext(config: ResolvedConfig, turnId: string, contextWindow: number | null): void {
    this.modelContextWindow = contextWindow;
    const item: TurnContextItem = {
      turn_id: turnId,
      cwd: config.cwd,
      approval_policy: config.approvalPolicy,
      sandbox_policy: rolloutSandboxPolicy(toSandboxPolicy(config)),
      model: config.model,
      effort: config.modelReasoningEffort,
      summary: config.modelReasoningSummary,
      developer_instructions: config.developerInstructions,
    };
    this.record([{ type: 'turn_context', payload: item }]);
  }

  /** Maps a notification to its event lines; flushes at item and turn ends. */
  onEvent(event: CoreEvent, preview: () => string): void {
    this.record(rolloutItemsForEvent(event, { modelContextWindow: this.modelContextWindow }));
    if (event.method === 'item/completed' || event.method === 'turn/completed') {
      void this.recorder.flush().catch(() => undefined);
    }
    // At turn start the row gets its preview (the first user message), so a thread killed
    // during its first turn is listed; at the end, its new update time.
    if (event.method === 'turn/started' || event.method === 'turn/completed') {
      this.activity?.threadTouched(this.threadId, {
        updatedAt: Math.floor(Date.now() / 1000),
        preview: preview(),
      });
    }
  }

  flush(): Promise<void> {
    return this.recorder.flush();
  }

  close(): Promise<void> {
    return this.recorder.close();
  }

  private record(items: RolloutItem[]): void {
    if (items.length === 0) return;
    try {
      this.recorder.record(items);
    } catch {
      // A closed recorder (thread shut down mid-turn) drops late lines.
    }
  }
}

/** History items that are model input as the rollout stores them. */
export function asResponseItems(items: readonly RolloutResponseItem[]): ResponseItem[] {
  return items as unknown as ResponseItem[];
}
