/**
 * Limits of the stdio and WebSocket transports. Values mirror the Rust app server where it has
 * one: its bounded channels hold `CHANNEL_CAPACITY` (128) messages, a WebSocket connection's
 * outbound channel eight times that, and tungstenite refuses messages over 64 MiB.
 */

/** Capacity of the Rust app server's internal channels (messages). */
export const CHANNEL_CAPACITY = 128;

/** Outbound messages a WebSocket client may fall behind before it is disconnected (Rust: 8 x 128). */
export const WEBSOCKET_OUTBOUND_QUEUE_CAPACITY = 8 * CHANNEL_CAPACITY;

/**
 * Outbound messages a stdio client may fall behind. The Rust server blocks instead (its stdout
 * writer applies back-pressure to the whole server); we cannot pause core, so the queue is
 * larger, and a parent that stops reading our stdout for that long ends the server.
 */
export const STDIO_OUTBOUND_QUEUE_CAPACITY = 64 * CHANNEL_CAPACITY;

/** Largest inbound message (a WebSocket message or a stdio line): 64 MiB, tungstenite's default. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Bytes handed to a socket/pipe and not yet flushed before further writes wait in the queue. */
export const OUTBOUND_HIGH_WATER_BYTES = 1024 * 1024;

/** JSON-RPC error code and message for a request refused because the connection is saturated. */
export const OVERLOADED_ERROR_CODE = -32001;
export const OVERLOADED_ERROR_MESSAGE = 'Server overloaded; retry later.';

export interface TransportLimits {
  /** Requests of one connection being handled at once; more get `OVERLOADED_ERROR_CODE`. */
  maxInFlightRequests: number;
  /** Outbound messages queued for one connection beyond which it counts as not reading. */
  maxQueuedMessages: number;
  /** Outbound bytes queued for one connection beyond which it counts as not reading. */
  maxQueuedBytes: number;
  /** Unflushed bytes handed to the socket/pipe before further messages wait in the queue. */
  highWaterBytes: number;
  /** Largest inbound message accepted. */
  maxMessageBytes: number;
}

export const WEBSOCKET_LIMITS: TransportLimits = {
  maxInFlightRequests: CHANNEL_CAPACITY,
  maxQueuedMessages: WEBSOCKET_OUTBOUND_QUEUE_CAPACITY,
  maxQueuedBytes: MAX_MESSAGE_BYTES,
  highWaterBytes: OUTBOUND_HIGH_WATER_BYTES,
  maxMessageBytes: MAX_MESSAGE_BYTES,
};

export const STDIO_LIMITS: TransportLimits = {
  maxInFlightRequests: CHANNEL_CAPACITY,
  maxQueuedMessages: STDIO_OUTBOUND_QUEUE_CAPACITY,
  maxQueuedBytes: 4 * MAX_MESSAGE_BYTES,
  highWaterBytes: OUTBOUND_HIGH_WATER_BYTES,
  maxMessageBytes: MAX_MESSAGE_BYTES,
};

export function withLimits(
  base: TransportLimits,
  overrides: Partial<TransportLimits> | undefined,
): TransportLimits {
  return { ...base, ...overrides };
}
