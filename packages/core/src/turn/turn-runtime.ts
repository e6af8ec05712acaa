import type {
  OtherItem,
  ResponseEvent,
  ResponseItem,
  ResponsesRequest,
  ThreadTokenUsage,
  TokenUsage,
} from '@codex-ts/protocol';
import type { ToolRouter } from '../tools/tool-router.js';
import type { ToolServices, TurnContext } from '../tools/tool-types.js';
import type { SteerQueue } from './steer-queue.js';
import type { TurnEmitter } from './turn-emitter.js';

export type HistoryItem = ResponseItem | OtherItem;

/** What core needs from the model client (api's ModelClient satisfies it). */
export interface ModelStreamer {
  stream(
    request: ResponsesRequest,
    opts: { signal?: AbortSignal; traceparent?: string },
  ): AsyncIterable<ResponseEvent>;
}

/** Everything one running turn works with. Built by the thread for each turn. */
export interface TurnRuntime {
  emitter: TurnEmitter;
  client: ModelStreamer;
  /** The thread's history; the turn appends to it as items complete. */
  history: HistoryItem[];
  router: ToolRouter;
  turnContext: TurnContext;
  services: ToolServices;
  signal: AbortSignal;
  /** Aborts the turn (status interrupted). */
  cancel(): void;
  /** Builds the request from the current history (called again for every attempt). */
  buildRequest(): ResponsesRequest;
  streamMaxRetries: number;
  /** Adds one response's usage to the thread totals and returns the notification payload. */
  recordUsage(usage: TokenUsage): ThreadTokenUsage;
  /** Backoff before the n-th stream retry (1-based). */
  retryDelayMs(attempt: number): number;
  /** Input steered into the turn (`turn/steer`); taken before each follow-up request. */
  steering?: SteerQueue;
}
