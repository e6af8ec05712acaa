import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ConformanceClient } from './conformance-client.js';
import { errorOf, type SessionState } from './conformance-session.js';

/**
 * Bad input for the conformance session: each refusal is followed by a request that succeeds,
 * to show the connection stays usable. The transport-specific oversized message is in the
 * test files (stdio answers it, WebSocket closes the connection).
 */

/** 64 MiB, the transports' message limit (tungstenite's default in the Rust server). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A request just over the message limit, as one JSON text. */
export function oversizedRequest(id: string): string {
  return `{"id":"${id}","method":"thread/list","params":{"pad":"${'a'.repeat(MAX_MESSAGE_BYTES)}"}}`;
}

/** A request that must succeed: the connection still serves the session's thread. */
export async function stillUsable(s: SessionState, client: ConformanceClient): Promise<void> {
  const read = await client.call<{ thread: { id: string } }>('thread/read', {
    threadId: s.threadId,
  });
  expect(read.thread.id).toBe(s.threadId);
}

/** The next error response with `id: null` (the server could not read the request's id). */
export async function nextNullIdError(client: ConformanceClient, send: () => void) {
  const from = client.received.length;
  send();
  const response = await client.waitFor(
    (m) => m['id'] === null && 'error' in m,
    'an error with id null',
    from,
  );
  return errorOf(response);
}

export async function malformedJson(s: SessionState, client: ConformanceClient) {
  const error = await nextNullIdError(client, () => client.sendGarbage('{"id": 1, "method": '));
  expect(error.code).toBe(-32700);
  await stillUsable(s, client);
}

export async function wrongParamTypes(s: SessionState, client: ConformanceClient) {
  const limit = errorOf(await client.requestUnchecked('thread/list', { limit: 'ten' }));
  expect(limit.code).toBe(-32602);
  expect(limit.message).toContain('thread/list');
  expect(limit.message).toContain('limit');
  const threadId = errorOf(await client.requestUnchecked('thread/read', { threadId: 42 }));
  expect(threadId.code).toBe(-32602);
  expect(threadId.message).toContain('threadId');
  await stillUsable(s, client);
}

export async function unknownMethod(s: SessionState, client: ConformanceClient) {
  const error = errorOf(await client.requestUnchecked('thread/teleport', { threadId: s.threadId }));
  expect(error.code).toBe(-32601);
  expect(error.message).toContain('thread/teleport');
  await stillUsable(s, client);
}

export async function unknownThread(s: SessionState, client: ConformanceClient) {
  const missing = randomUUID();
  for (const [method, params] of [
    ['thread/read', { threadId: missing }],
    ['thread/resume', { threadId: missing }],
    ['thread/fork', { threadId: missing }],
    ['thread/name/set', { threadId: missing, name: 'nobody' }],
    ['turn/interrupt', { threadId: missing, turnId: missing }],
    ['turn/start', { threadId: missing, input: [{ type: 'text', text: 'x', text_elements: [] }] }],
  ] as const) {
    const error = errorOf(await client.request(method, params));
    expect({ method, code: error.code }).toEqual({ method, code: -32600 });
    expect(error.message).toContain(missing);
  }
  await stillUsable(s, client);
}

/** Every bad input both transports treat alike. */
export async function commonBadInput(s: SessionState, client: ConformanceClient) {
  await malformedJson(s, client);
  await wrongParamTypes(s, client);
  await unknownMethod(s, client);
  await unknownThread(s, client);
}
