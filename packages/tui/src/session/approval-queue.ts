import type {
  CommandExecutionRequestApprovalParams,
  FileChangeRequestApprovalParams,
  ServerRequestMap,
  ServerRequestMethod,
} from '@codex-ts/protocol';

/** An approval the server is waiting for, as the approval modal needs it. */
export type PendingApproval =
  | {
      id: number;
      method: 'item/commandExecution/requestApproval';
      params: CommandExecutionRequestApprovalParams;
    }
  | {
      id: number;
      method: 'item/fileChange/requestApproval';
      params: FileChangeRequestApprovalParams;
    };

interface Waiting {
  approval: PendingApproval;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * Server requests (approvals) wait here, first come first served, until the user answers the
 * one at the head. Requests of other kinds are refused (the server treats that as declined).
 */
export class ApprovalQueue {
  private readonly waiting: Waiting[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  /** The approval the modal shows, or null. */
  get head(): PendingApproval | null {
    return this.waiting[0]?.approval ?? null;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ask<M extends ServerRequestMethod>(request: {
    method: M;
    params: ServerRequestMap[M]['params'];
  }): Promise<ServerRequestMap[M]['result']> {
    const { method } = request;
    if (
      method !== 'item/commandExecution/requestApproval' &&
      method !== 'item/fileChange/requestApproval'
    ) {
      return Promise.reject(new Error(`unsupported server request ${method}`));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({
        approval: { id: this.nextId++, method, params: request.params } as PendingApproval,
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      this.emit();
    });
  }

  /** Answers the head approval with the response object for its method (`{decision}`). */
  answer(id: number, result: unknown): void {
    const index = this.waiting.findIndex((w) => w.approval.id === id);
    if (index < 0) return;
    const [waiting] = this.waiting.splice(index, 1);
    waiting?.resolve(result);
    this.emit();
  }

  /** Drops approvals the server no longer waits for (their turn ended). */
  dropForTurn(turnId: string): void {
    const before = this.waiting.length;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const waiting = this.waiting[i];
      if (waiting?.approval.params.turnId === turnId) {
        this.waiting.splice(i, 1);
        waiting.resolve({ decision: 'cancel' });
      }
    }
    if (this.waiting.length !== before) this.emit();
  }

  cancelAll(): void {
    for (const waiting of this.waiting.splice(0)) waiting.resolve({ decision: 'cancel' });
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
