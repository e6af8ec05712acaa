import type { UserInput } from '@codex-ts/protocol';
import { uuidV7 } from '@codex-ts/utils';
import { userInputToMessage } from '../thread/user-input.js';
import type { TurnEmitter } from './turn-emitter.js';
import type { HistoryItem } from './turn-runtime.js';

/**
 * User input steered into a running turn (`turn/steer`). It waits here until the turn is about
 * to send its next model request, then becomes a user message in the history (announced as a
 * `userMessage` item), as in the Rust Codex. Input pending after a response makes the turn
 * sample again; once the turn has decided to end, the queue is closed and refuses input.
 */
export class SteerQueue {
  private readonly pending: UserInput[][] = [];
  private open = true;

  constructor(
    private readonly emitter: TurnEmitter,
    private readonly history: HistoryItem[],
    private readonly cwd: string,
  ) {}

  /** False once the turn stopped taking input. */
  get accepting(): boolean {
    return this.open;
  }

  push(input: UserInput[]): void {
    this.pending.push(input);
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Stops taking input (the turn ends); what is still pending is dropped. */
  close(): void {
    this.open = false;
  }

  /** Moves the pending input into the history, one user message per steer, in order. */
  async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const input = this.pending.shift() as UserInput[];
      const item = { type: 'userMessage' as const, id: uuidV7(), content: input };
      this.emitter.itemStarted(item);
      this.emitter.itemCompleted(item);
      this.history.push(await userInputToMessage(input, this.cwd));
    }
  }
}
