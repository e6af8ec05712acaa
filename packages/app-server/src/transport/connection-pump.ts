import { JsonRpcErrorCode, type JsonRpcErrorObject, type RequestId } from '@codex-ts/protocol';
import type { Connection } from '../processor/connection.js';
import type { MessageProcessor } from '../processor/message-processor.js';
import type { ClientToServerMessage } from '../protocol/messages.js';
import type { BoundedOutbound } from './bounded-outbound.js';
import { OVERLOADED_ERROR_CODE, OVERLOADED_ERROR_MESSAGE } from './transport-limits.js';
import type { TransportLog } from './transport-log.js';

export interface ConnectionPumpOptions {
  processor: MessageProcessor;
  /** Serialized messages for the client go here. */
  outbound: BoundedOutbound;
  /** Requests handled at once; further ones are refused with -32001 until some finish. */
  maxInFlightRequests: number;
  log: TransportLog;
}

/**
 * One serialized client connection in front of the message processor, shared by the stdio and
 * WebSocket transports: parses each inbound message, refuses requests past the in-flight bound,
 * hands the rest to the processor (concurrently, each started in arrival order) and serializes
 * what the processor sends into the bounded outbound queue.
 */
export class ConnectionPump {
  readonly connection: Connection;
  private inFlight = 0;
  private readonly pending = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly opts: ConnectionPumpOptions) {
    this.connection = {
      send: (message) => {
        this.opts.outbound.push(JSON.stringify(message));
      },
    };
  }

  /** Requests accepted and not answered yet. */
  get inFlightRequests(): number {
    return this.inFlight;
  }

  /** One inbound text message (a stdio line or a WebSocket text frame). */
  receiveText(text: string): void {
    if (this.closed) {
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.opts.log.error(`Failed to deserialize JSON-RPC message: ${reason}`);
      this.sendError(null, {
        code: JsonRpcErrorCode.parseError,
        message: `Parse error: ${reason}`,
      });
      return;
    }
    this.receive(message);
  }

  /** An inbound message over the size limit, already discarded by the transport. */
  rejectOversized(bytes: number, limit: number): void {
    if (this.closed) {
      return;
    }
    this.opts.log.warn(`discarding an inbound message of ${bytes} bytes (limit ${limit})`);
    this.sendError(null, {
      code: JsonRpcErrorCode.invalidRequest,
      message: `Invalid request: message of ${bytes} bytes or more exceeds the limit of ${limit} bytes`,
    });
  }

  /** Resolves once every message received so far has been handled (requests answered). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  /** The client is gone: the processor drops its subscriptions; later input is ignored. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.opts.processor.connectionClosed(this.connection);
  }

  private receive(message: unknown): void {
    const requestId = requestIdOf(message);
    if (requestId !== undefined && this.inFlight >= this.opts.maxInFlightRequests) {
      this.sendError(requestId, { code: OVERLOADED_ERROR_CODE, message: OVERLOADED_ERROR_MESSAGE });
      return;
    }
    if (requestId !== undefined) {
      this.inFlight += 1;
    }
    const task = this.opts.processor
      .handleMessage(this.connection, message as ClientToServerMessage)
      .finally(() => {
        if (requestId !== undefined) {
          this.inFlight -= 1;
        }
        this.pending.delete(task);
      });
    this.pending.add(task);
  }

  private sendError(id: RequestId | null, error: JsonRpcErrorObject): void {
    this.opts.outbound.push(JSON.stringify({ id, error }));
  }
}

/** The id of a message that is a request (a string `method` and a string or number `id`). */
function requestIdOf(message: unknown): RequestId | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return undefined;
  }
  const m = message as Record<string, unknown>;
  const id = m['id'];
  if (typeof m['method'] !== 'string') {
    return undefined;
  }
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
}
