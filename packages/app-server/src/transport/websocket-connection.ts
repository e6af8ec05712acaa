import type { RawData, WebSocket } from 'ws';
import type { MessageProcessor } from '../processor/message-processor.js';
import { BoundedOutbound, type OutboundStats } from './bounded-outbound.js';
import { ConnectionPump } from './connection-pump.js';
import type { TransportLimits } from './transport-limits.js';
import type { TransportLog } from './transport-log.js';

/** How long a closing handshake may take before the socket is dropped (Rust: 1 s). */
const CLOSE_TIMEOUT_MS = 1000;
/** WebSocket close code "going away", sent when the server shuts down. */
const CLOSE_GOING_AWAY = 1001;

export interface WebSocketConnectionOptions {
  processor: MessageProcessor;
  socket: WebSocket;
  limits: TransportLimits;
  log: TransportLog;
  /** Names the connection in logs. */
  label: string;
}

/** What one WebSocket connection holds for its client, for monitoring and tests. */
export interface WebSocketConnectionStats extends OutboundStats {
  label: string;
  inFlightRequests: number;
  /** Bytes the `ws` socket itself holds unsent (part of `unflushedBytes`). */
  socketBufferedBytes: number;
}

/** One client connected over WebSocket: one JSON-RPC message per text frame. */
export class WebSocketConnection {
  /** Resolves once the socket closed and the processor forgot the connection. */
  readonly closed: Promise<void>;
  private readonly outbound: BoundedOutbound;
  private readonly pump: ConnectionPump;
  private slow = false;

  constructor(private readonly opts: WebSocketConnectionOptions) {
    const { socket, log, label } = opts;
    this.outbound = new BoundedOutbound(
      {
        write(text, done) {
          if (socket.readyState !== socket.OPEN) {
            done(new Error('the websocket is not open'));
            return;
          }
          socket.send(text, { binary: false }, (error) => done(error ?? null));
        },
      },
      opts.limits,
      () => {
        log.warn(`disconnecting slow connection after outbound queue filled: ${label}`);
        this.slow = true;
        socket.terminate();
      },
    );
    this.pump = new ConnectionPump({
      processor: opts.processor,
      outbound: this.outbound,
      maxInFlightRequests: opts.limits.maxInFlightRequests,
      log,
    });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        log.warn('dropping unsupported binary websocket message');
        return;
      }
      this.pump.receiveText(rawToText(data));
    });
    socket.on('error', (error: Error) => {
      log.warn(`websocket receive error (${label}): ${error.message}`);
    });
    this.closed = new Promise((resolve) => {
      socket.once('close', () => {
        this.outbound.close();
        this.pump.close();
        log.info(`websocket client disconnected: ${label}`);
        resolve();
      });
    });
  }

  /** Whether the connection was dropped because its client stopped reading. */
  get droppedAsSlow(): boolean {
    return this.slow;
  }

  stats(): WebSocketConnectionStats {
    return {
      label: this.opts.label,
      inFlightRequests: this.pump.inFlightRequests,
      socketBufferedBytes: this.opts.socket.bufferedAmount,
      ...this.outbound.stats(),
    };
  }

  /** Closes the connection (server shutdown); drops the socket if the peer does not answer. */
  disconnect(): Promise<void> {
    const { socket } = this.opts;
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
      socket.close(CLOSE_GOING_AWAY, 'server shutting down');
      const timer = setTimeout(() => socket.terminate(), CLOSE_TIMEOUT_MS);
      timer.unref();
      void this.closed.then(() => clearTimeout(timer));
    }
    return this.closed;
  }
}

function rawToText(data: RawData): string {
  if (Buffer.isBuffer(data)) {
    return data.toString('utf8');
  }
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data).toString('utf8');
}
