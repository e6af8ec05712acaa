import type {
  InitializeParams,
  JsonRpcErrorObject,
  RequestId,
  ServerNotification,
} from '@codex-ts/protocol';
import type {
  ServerNotificationMessage,
  ServerRequestMessage,
  ServerToClientMessage,
} from '../protocol/messages.js';
import { CommandExecProcesses } from './command-exec-processes.js';
import type { Connection } from './connection.js';
import { PendingServerRequests } from './server-requests.js';

/**
 * What the processor knows about one connection: whether it completed `initialize`, which
 * notifications it opted out of, and threads whose notifications are held back for a moment.
 */
export class ConnectionState {
  private initializeParams: InitializeParams | null = null;
  private optOut = new Set<string>();
  /** threadId -> messages buffered while a request on that thread is being answered. */
  private readonly held = new Map<string, ServerToClientMessage[]>();
  private closed = false;
  readonly serverRequests = new PendingServerRequests();
  /** Its running `command/exec` processes, killed when it closes. */
  readonly commandExec = new CommandExecProcesses();

  constructor(readonly connection: Connection) {}

  get initialized(): boolean {
    return this.initializeParams !== null;
  }

  get clientInfo(): InitializeParams['clientInfo'] | null {
    return this.initializeParams?.clientInfo ?? null;
  }

  markInitialized(params: InitializeParams): void {
    this.initializeParams = params;
    this.optOut = new Set(params.capabilities?.optOutNotificationMethods ?? []);
  }

  isOptedOut(method: string): boolean {
    return this.optOut.has(method);
  }

  sendResult(id: RequestId, result: unknown): void {
    this.deliver({ id, result });
  }

  sendError(id: RequestId, error: JsonRpcErrorObject): void {
    this.deliver({ id, error });
  }

  /**
   * Sends a notification stamped with `emittedAtMs`, unless the client opted out of its method.
   * With `threadId`, it waits behind a `hold` on that thread.
   */
  notify(notification: ServerNotification, threadId?: string): void {
    if (this.closed || this.optOut.has(notification.method)) {
      return;
    }
    const message = { ...notification, emittedAtMs: Date.now() } as ServerNotificationMessage;
    this.deliverInOrder(message, threadId);
  }

  /**
   * Sends a server request (an approval) for a thread and resolves with the client's answer.
   * It queues behind held notifications of that thread, so the client sees events in order.
   */
  request<M extends ServerRequestMessage['method']>(
    method: M,
    params: Extract<ServerRequestMessage, { method: M }>['params'],
    threadId: string,
  ): { id: string | number; answer: Promise<unknown> } {
    const { id, answer } = this.serverRequests.open(method);
    if (this.closed) {
      this.serverRequests.cancel(id, 'the connection is closed');
    } else {
      this.deliverInOrder({ id, method, params } as ServerRequestMessage, threadId);
    }
    return { id, answer };
  }

  private deliverInOrder(message: ServerToClientMessage, threadId: string | undefined): void {
    const buffer = threadId === undefined ? undefined : this.held.get(threadId);
    if (buffer) {
      buffer.push(message);
    } else {
      this.deliver(message);
    }
  }

  /**
   * Holds back this thread's notifications until the returned release function runs, so a
   * response always precedes the notifications its request caused. Holds nest.
   */
  hold(threadId: string): () => void {
    if (this.held.has(threadId)) {
      return () => {};
    }
    const buffer: ServerToClientMessage[] = [];
    this.held.set(threadId, buffer);
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.held.delete(threadId);
      for (const message of buffer) {
        this.deliver(message);
      }
    };
  }

  close(): void {
    this.closed = true;
    this.commandExec.closeAll();
    this.held.clear();
    this.serverRequests.failAll('the connection is closed');
  }

  private deliver(message: Parameters<Connection['send']>[0]): void {
    if (this.closed) {
      return;
    }
    try {
      this.connection.send(message);
    } catch {
      // The transport is gone; nothing more can reach this client.
      this.closed = true;
      this.serverRequests.failAll('the connection is closed');
    }
  }
}
