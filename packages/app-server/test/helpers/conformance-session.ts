import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  completed,
  functionCall,
  outputTextMessage,
  responseCreated,
  sseResponse,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import type { ConformanceClient } from './conformance-client.js';
import type { WireMessage } from './rpc-peer.js';

/**
 * The steps of the scripted conformance session, shared by the stdio and WebSocket runs. Each
 * step drives a `ConformanceClient` (which validates every message) and asserts what the
 * protocol promises; the thread ids it learns go into `SessionState` for the next steps.
 */

export interface SessionState {
  env: ModelTestEnv;
  threadId: string;
  approvedTurnId: string;
  interruptedTurnId: string;
  forkId: string;
}

export const text = (t: string) => [{ type: 'text', text: t, text_elements: [] }];
export const TOUCHED_FILE = 'approved.txt';

type Params = Record<string, unknown>;
const turnOf = (p: Params) => (p['turn'] ?? {}) as { id?: string; status?: string };
const itemOf = (p: Params) => (p['item'] ?? {}) as Record<string, unknown>;

/** The JSON-RPC error of a response; fails when the response is a result. */
export function errorOf(response: WireMessage): { code: number; message: string } {
  expect(response, 'expected an error response').toHaveProperty('error');
  return response['error'] as { code: number; message: string };
}

/** Polls `condition` (a safety net bounds it, never asserted on). */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A request before `initialize`, `initialize`, a second `initialize`, then `initialized`. */
export async function handshake(client: ConformanceClient, name: string): Promise<Params> {
  const early = await client.request('thread/list', {});
  expect(errorOf(early)).toMatchObject({ code: -32600, message: 'Not initialized' });
  const clientInfo = { name, title: 'Conformance session', version: '1.0.0' };
  const init = await client.call('initialize', { clientInfo });
  const again = await client.request('initialize', { clientInfo });
  expect(errorOf(again)).toMatchObject({ code: -32600, message: 'Already initialized' });
  client.notify('initialized');
  return init;
}

/**
 * Starts an `untrusted` thread under `workspace-write`, runs a turn whose model calls
 * `exec_command touch ...` (not known-safe: needs approval), accepts the approval request and
 * checks the command ran and the turn completed.
 */
export async function approvedShellTurn(s: SessionState, client: ConformanceClient) {
  const { env } = s;
  const started = await client.call<{ thread: { id: string } }>('thread/start', {
    cwd: env.work.path,
    approvalPolicy: 'untrusted',
    sandbox: 'workspace-write',
  });
  s.threadId = started.thread.id;
  await client.waitForNotification(
    'thread/started',
    (p) => (p['thread'] as { id?: string } | undefined)?.id === s.threadId,
  );

  env.server.enqueue(
    sseResponse(
      responseCreated('resp_exec'),
      functionCall('call_touch', 'exec_command', { cmd: `touch ${TOUCHED_FILE}` }),
      completed('resp_exec'),
    ),
    sseResponse(responseCreated('resp_done'), outputTextMessage('touched'), completed('resp_done')),
  );
  const { turn } = await client.call<{ turn: { id: string; status: string } }>('turn/start', {
    threadId: s.threadId,
    input: text('create the file'),
  });
  expect(turn.status).toBe('inProgress');
  s.approvedTurnId = turn.id;

  const approval = await client.waitFor(
    (m) => m['method'] === 'item/commandExecution/requestApproval' && 'id' in m,
    'item/commandExecution/requestApproval',
  );
  expect(approval['params']).toMatchObject({
    threadId: s.threadId,
    turnId: turn.id,
    itemId: 'call_touch',
    command: expect.stringContaining(`touch ${TOUCHED_FILE}`),
  });
  expect(existsSync(join(env.work.path, TOUCHED_FILE)), 'ran before approval').toBe(false);
  client.answer(approval, { decision: 'accept' });

  const done = await client.waitForNotification('turn/completed', (p) => turnOf(p).id === turn.id);
  expect(turnOf(done['params'] as Params).status).toBe('completed');
  expect(existsSync(join(env.work.path, TOUCHED_FILE))).toBe(true);
  const resolved = client
    .notifications()
    .filter((m) => m['method'] === 'serverRequest/resolved')
    .map((m) => m['params']);
  expect(resolved).toEqual([{ threadId: s.threadId, requestId: approval['id'] }]);

  const messages = client.received;
  const index = (m: WireMessage) => messages.indexOf(m);
  const commandDone = messages.find(
    (m) =>
      m['method'] === 'item/completed' &&
      itemOf(m['params'] as Params)['type'] === 'commandExecution',
  );
  expect(commandDone, 'item/completed of the commandExecution').toBeDefined();
  expect(itemOf(commandDone!['params'] as Params)).toMatchObject({
    status: 'completed',
    exitCode: 0,
  });
  const turnStarted = messages.findIndex(
    (m) => m['method'] === 'turn/started' && turnOf(m['params'] as Params).id === turn.id,
  );
  expect(turnStarted).toBeGreaterThanOrEqual(0);
  expect(index(approval)).toBeGreaterThan(turnStarted);
  expect(index(commandDone!)).toBeGreaterThan(index(approval));
  expect(index(done)).toBeGreaterThan(index(commandDone!));
}

/** A turn whose model stream hangs, interrupted with `turn/interrupt`. */
export async function interruptedTurn(s: SessionState, client: ConformanceClient) {
  const { env } = s;
  env.server.enqueue({ kind: 'hang', events: [responseCreated('resp_hang')] });
  const { turn } = await client.call<{ turn: { id: string } }>('turn/start', {
    threadId: s.threadId,
    input: text('wait forever'),
  });
  s.interruptedTurnId = turn.id;
  // The hanging response has been taken: the model request is in flight.
  await until(() => env.server.pendingCount() === 0, 'the model request');
  const interrupt = await client.call('turn/interrupt', { threadId: s.threadId, turnId: turn.id });
  expect(interrupt).toEqual({});
  const done = await client.waitForNotification('turn/completed', (p) => turnOf(p).id === turn.id);
  expect(turnOf(done['params'] as Params).status).toBe('interrupted');
}

/** thread/read, thread/list, thread/fork, thread/name/set, model/list, config/read. */
export async function threadMethods(s: SessionState, client: ConformanceClient) {
  const read = await client.call<{ thread: { id: string; turns: Array<Params> } }>('thread/read', {
    threadId: s.threadId,
    includeTurns: true,
  });
  expect(read.thread.id).toBe(s.threadId);
  expect(read.thread.turns.map((t) => [t['id'], t['status']])).toEqual([
    [s.approvedTurnId, 'completed'],
    [s.interruptedTurnId, 'interrupted'],
  ]);
  const firstTurnItems = (read.thread.turns[0]?.['items'] ?? []) as Array<Params>;
  expect(firstTurnItems.map((i) => i['type'])).toEqual(
    expect.arrayContaining(['userMessage', 'agentMessage']),
  );

  const list = await client.call<{ data: Array<{ id: string }> }>('thread/list', {});
  expect(list.data.map((t) => t.id)).toContain(s.threadId);

  const fork = await client.call<{ thread: { id: string } }>('thread/fork', {
    threadId: s.threadId,
  });
  expect(fork.thread.id).not.toBe(s.threadId);
  s.forkId = fork.thread.id;

  expect(
    await client.call('thread/name/set', { threadId: s.threadId, name: 'conformance' }),
  ).toEqual({});
  const named = await client.call<{ thread: { name?: string | null } }>('thread/read', {
    threadId: s.threadId,
  });
  expect(named.thread.name).toBe('conformance');

  const models = await client.call<{ data: unknown[] }>('model/list', {});
  expect(models.data.length).toBeGreaterThan(0);
  const config = await client.call<{ config: unknown }>('config/read', {});
  expect(config).toHaveProperty('config');
}

/** Resumes the stored thread (on a new connection or process) and checks its history. */
export async function resumeStoredThread(s: SessionState, client: ConformanceClient) {
  const resumed = await client.call<{ thread: { id: string; turns: Array<Params> } }>(
    'thread/resume',
    { threadId: s.threadId },
  );
  expect(resumed.thread.id).toBe(s.threadId);
  expect(resumed.thread.turns.map((t) => t['id'])).toEqual([s.approvedTurnId, s.interruptedTurnId]);
}

/** One line of figures for the log: messages each way, by kind. */
export function figures(client: ConformanceClient): string {
  const received = client.received;
  const notifications = received.filter((m) => 'method' in m && !('id' in m)).length;
  const serverRequests = received.filter((m) => 'method' in m && 'id' in m).length;
  const responses = received.length - notifications - serverRequests;
  return (
    `sent ${client.sent.length}, received ${received.length} (${responses} responses, ` +
    `${notifications} notifications, ${serverRequests} server requests)`
  );
}
