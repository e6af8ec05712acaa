import type {
  InProcessAppServer,
  InProcessAppServerOptions,
  ServerToClientMessage,
  ClientToServerMessage,
} from '@codex-ts/app-server';
import { TimeSlice } from '@codex-ts/utils';
import { TransportClosedError } from './errors.js';
import type { Transport } from './transport.js';

/** A `Transport` over the typed channels of an in-process app server. */
export class InProcessTransport implements Transport {
  private readonly messageListeners = new Set<(message: ServerToClientMessage) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();
  private closed = false;
  private readonly reader: Promise<void>;

  constructor(private readonly server: InProcessAppServer) {
    this.reader = this.read();
  }

  /**
   * Starts an app server in this process. The server (and core behind it) is imported here, on
   * first use, so that a remote-only front end never loads them.
   */
  static async start(options: InProcessAppServerOptions): Promise<InProcessTransport> {
    const { createInProcessAppServer } = await import('@codex-ts/app-server');
    return new InProcessTransport(createInProcessAppServer(options));
  }

  send(message: ClientToServerMessage): void {
    if (this.closed || this.server.toServer.closed) {
      throw new TransportClosedError();
    }
    this.server.toServer.send(message);
  }

  onMessage(listener: (message: ServerToClientMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.reader;
  }

  private async read(): Promise<void> {
    let failure: Error | undefined;
    // A backlog is delivered as one long run of promise callbacks: after a few ms of it, let the
    // event loop breathe (timers, terminal input, I/O) before going on.
    const slice = new TimeSlice(DELIVERY_SLICE_MS);
    try {
      for await (const message of this.server.fromServer) {
        if (slice.due()) await slice.yield();
        for (const listener of [...this.messageListeners]) {
          try {
            listener(message);
          } catch (error) {
            reportListenerError(error);
          }
        }
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    this.closed = true;
    for (const listener of [...this.closeListeners]) {
      try {
        listener(failure);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }
}

/** How long buffered messages are delivered without a break for the event loop. */
const DELIVERY_SLICE_MS = 4;

/** A throwing listener must not stop delivery to the others; surface it as an uncaught error. */
export function reportListenerError(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
