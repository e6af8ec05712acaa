import { isRecord } from './oss-http.js';

/** One thing that happened while Ollama pulls a model. */
export type OllamaPullEvent =
  /** A human-readable step: `pulling manifest`, `pulling <digest>`, `verifying sha256 digest`. */
  | { type: 'status'; status: string }
  /** Byte progress of one layer; `total`/`completed` are absent on some lines. */
  | { type: 'progress'; digest: string; total: number | null; completed: number | null }
  /** The pull finished (`{"status":"success"}`). */
  | { type: 'success' }
  /** The server reported a failure (`{"error":"..."}`); it still answers HTTP 200 for these. */
  | { type: 'error'; message: string };

function nonNegativeInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The events one NDJSON line of `/api/pull` stands for, in order: a status, byte progress, then
 * `success` or `error`. Lines that are not JSON objects yield nothing.
 */
export function pullEventsFromLine(line: string): OllamaPullEvent[] {
  const text = line.trim();
  if (text === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return [];
  }
  if (!isRecord(value)) return [];

  const events: OllamaPullEvent[] = [];
  const status = typeof value['status'] === 'string' ? value['status'] : null;
  if (status !== null) events.push({ type: 'status', status });
  const total = nonNegativeInteger(value['total']);
  const completed = nonNegativeInteger(value['completed']);
  if (total !== null || completed !== null) {
    const digest = typeof value['digest'] === 'string' ? value['digest'] : '';
    events.push({ type: 'progress', digest, total, completed });
  }
  if (typeof value['error'] === 'string') {
    events.push({ type: 'error', message: value['error'] });
  } else if (status === 'success') {
    events.push({ type: 'success' });
  }
  return events;
}

/**
 * Splits a byte stream into NDJSON lines as the bytes arrive (a line may span chunks) and yields
 * the pull events of each line. Stops after the first `success` or `error` event.
 */
export async function* readPullEvents(
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<OllamaPullEvent> {
  const decoder = new TextDecoder();
  let pending = '';
  const linesOf = function* (flush: boolean): Generator<string> {
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
    if (flush && pending !== '') {
      yield pending;
      pending = '';
    }
  };

  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    for (const line of linesOf(false)) {
      for (const event of pullEventsFromLine(line)) {
        yield event;
        if (event.type === 'success' || event.type === 'error') return;
      }
    }
  }
  pending += decoder.decode();
  for (const line of linesOf(true)) {
    for (const event of pullEventsFromLine(line)) {
      yield event;
      if (event.type === 'success' || event.type === 'error') return;
    }
  }
}
