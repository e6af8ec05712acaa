import { createParser } from 'eventsource-parser';
import type { ResponseEvent } from '@codex-ts/protocol';
import { TimeSlice } from '@codex-ts/utils';
import type { ApiError } from './api-error.js';
import type { IdleWatchdog } from './idle-watchdog.js';
import { InterruptedError, StreamDisconnectedError } from './stream-errors.js';

export interface StreamReadContext {
  watchdog: IdleWatchdog;
  /** The caller's signal; checked after every yielded event. */
  signal: AbortSignal | undefined;
  /** The error for a read that failed because we aborted it (caller abort, idle timeout). */
  abortError(): ApiError | undefined;
}

/** Turns the `data:` payloads of one wire format (Responses, Chat Completions) into events. */
export interface SseDataMapper {
  /** The events of one payload (none, one, or several); throws a typed error for a failure. */
  map(data: string): ResponseEvent | readonly ResponseEvent[] | undefined;
  /** The body ended before a `completed` event: the last events, or a typed error thrown. */
  end(): readonly ResponseEvent[];
}

/** How long events are mapped and handed on before the event loop gets a turn. */
const STREAM_SLICE_MS = 4;

/**
 * Reads the SSE body of a model response and yields the mapper's ResponseEvents until
 * `completed`. Ends with a typed error when the stream fails, stops early, goes idle or is
 * aborted. The body is cancelled whenever the generator finishes, including when the consumer
 * stops early.
 */
export async function* readResponseEvents(
  body: ReadableStream<Uint8Array>,
  ctx: StreamReadContext,
  mapper: SseDataMapper,
): AsyncGenerator<ResponseEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: string[] = [];
  const parser = createParser({
    onEvent(message) {
      pending.push(message.data);
    },
  });
  // A response that arrives all at once (a fast model, a replay) is mapped in slices, so that
  // an in-process front end's frames and key presses are not held up behind the whole of it.
  const slice = new TimeSlice(STREAM_SLICE_MS);
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      ctx.watchdog.arm();
      try {
        chunk = await reader.read();
      } catch (err) {
        throw (
          ctx.abortError() ??
          new StreamDisconnectedError('error decoding response body', { cause: err })
        );
      } finally {
        ctx.watchdog.disarm();
      }
      if (chunk.done) break;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      for (let i = 0; i < pending.length; i++) {
        if (slice.due()) await slice.yield();
        const mapped = mapper.map(pending[i] as string);
        if (mapped === undefined) continue;
        for (const event of isList(mapped) ? mapped : [mapped]) {
          yield event;
          if (event.type === 'completed') return;
          if (ctx.signal?.aborted) {
            throw ctx.abortError() ?? new InterruptedError(ctx.signal.reason);
          }
        }
      }
      pending.length = 0;
    }
    for (const event of mapper.end()) {
      yield event;
      if (event.type === 'completed') return;
    }
    throw new StreamDisconnectedError('stream closed before response.completed');
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

function isList(
  mapped: ResponseEvent | readonly ResponseEvent[],
): mapped is readonly ResponseEvent[] {
  return Array.isArray(mapped);
}
