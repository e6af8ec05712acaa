import type { HistoryItem } from '../turn/turn-runtime.js';

/**
 * The thread's model input: an array whose appends are also reported (to the rollout
 * recorder). The turn loop and the thread only ever `push`, so this is the one place history
 * grows; listeners see items in the order they entered the history.
 */
export class RecordingHistory extends Array<HistoryItem> {
  private onAppend: ((items: readonly HistoryItem[]) => void) | null = null;

  static recording(
    items: readonly HistoryItem[],
    onAppend: ((items: readonly HistoryItem[]) => void) | null,
  ): RecordingHistory {
    const history = new RecordingHistory();
    Array.prototype.push.apply(history, [...items]);
    history.onAppend = onAppend;
    return history;
  }

  override push(...items: HistoryItem[]): number {
    const length = super.push(...items);
    if (items.length > 0) this.onAppend?.(items);
    return length;
  }

  /**
   * Keeps the first `length` items and forgets the rest without reporting anything: the caller
   * records why (a `thread_rolled_back` line). Used by `thread/revert`.
   */
  truncate(length: number): void {
    if (length >= 0 && length < this.length) this.length = length;
  }

  /** Plain copies (map/filter/slice) are plain arrays, not recorders. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
}
