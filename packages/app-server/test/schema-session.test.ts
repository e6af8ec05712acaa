import { describe, expect, it } from 'vitest';
import type {
  CommandExecutionRequestApprovalParams,
  FileChangeRequestApprovalParams,
} from '@codex-ts/protocol';
// Deep import: the catalog is the generator's internal table.
import { protocolCatalog } from '../src/schema/protocol-catalog.js';
import { FakeThreadManager } from './helpers/fake-thread-manager.js';
import { useProcessorServer } from './helpers/processor-server.js';
import type { RpcHarness } from './helpers/rpc-harness.js';
import { generatedValidator } from './helpers/schema-validators.js';

// A scripted session over every implemented method. The RpcHarness checks each message the
// server sends against the reference schema; this test checks the same messages, and the
// params the client sent, against the schema this server generates: what it sends and
// accepts must be what it documents.

const server = useProcessorServer();
const ours = generatedValidator();
const catalog = protocolCatalog();
const requests = new Map(catalog.clientRequests.map((e) => [e.method, e]));
const notifications = new Map(catalog.serverNotifications.map((e) => [e.method, e]));

/** Calls `method`, checking the params and the result against the generated schema. */
async function call<T>(client: RpcHarness, method: string, params: unknown): Promise<T> {
  const entry = requests.get(method);
  if (!entry) throw new Error(`no catalog entry for ${method}`);
  if (entry.params) {
    expect({ method, params: ours.errors(entry.params.name, params) }).toEqual({
      method,
      params: null,
    });
  }
  const result = await client.call<T>(method, params);
  expect({ method, result: ours.errors(entry.response.name, result) }).toEqual({
    method,
    result: null,
  });
  return result;
}

/** Every notification the client got validates against the generated schema. */
function checkNotifications(client: RpcHarness): string[] {
  const methods = new Set<string>();
  for (const message of client.notifications()) {
    methods.add(message.method);
    const entry = notifications.get(message.method);
    const errors = entry?.params
      ? ours.errors(entry.params.name, message.params)
      : ['not in the catalog'];
    expect({ method: message.method, errors }).toEqual({ method: message.method, errors: null });
  }
  return [...methods].sort();
}

interface ThreadResult {
  thread: { id: string };
}

describe('a scripted session validates against the generated schema', () => {
  it('covers the thread, turn, model and command methods', async () => {
    const client = await server.start();
    const initialize = client.messages.find((m) => !('method' in m) && m.id === 1);
    expect(ours.errors('InitializeResponse', (initialize as { result: unknown }).result)).toBe(
      null,
    );
    const cwd = await server.scratch();

    const { thread } = await call<ThreadResult>(client, 'thread/start', {
      cwd,
      approvalPolicy: 'never',
      sandbox: 'read-only',
    });
    await call(client, 'turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'hello' }],
    });
    await client.waitForNotification('turn/completed');
    await call(client, 'thread/read', { threadId: thread.id, includeTurns: true });
    await call(client, 'thread/list', { limit: 10, sortKey: 'updated_at' });
    await call(client, 'thread/name/set', { threadId: thread.id, name: 'Named' });
    const fork = await call<ThreadResult>(client, 'thread/fork', { threadId: thread.id });
    await call(client, 'thread/archive', { threadId: thread.id });
    await call(client, 'thread/unarchive', { threadId: thread.id });
    await call(client, 'thread/resume', { threadId: thread.id });
    await call(client, 'thread/delete', { threadId: fork.thread.id });
    await call(client, 'model/list', { includeHidden: true });
    await call(client, 'command/exec', {
      command: ['echo', 'hi'],
      cwd,
      sandboxPolicy: { type: 'dangerFullAccess' },
    });
    await client.waitForNotification('thread/deleted');

    expect(checkNotifications(client)).toEqual(
      expect.arrayContaining([
        'thread/started',
        'turn/started',
        'turn/completed',
        'item/started',
        'item/completed',
        'thread/archived',
        'thread/unarchived',
        'thread/deleted',
        'thread/name/updated',
      ]),
    );
  });

  it('covers turn/interrupt', async () => {
    const client = await server.start({ threadManager: new FakeThreadManager({ mode: 'hang' }) });
    const { thread } = await call<ThreadResult>(client, 'thread/start', {});
    const { turn } = await call<{ turn: { id: string } }>(client, 'turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'wait' }],
    });
    await call(client, 'turn/interrupt', { threadId: thread.id, turnId: turn.id });
    await client.waitForNotification('turn/completed');
    checkNotifications(client);
  });

  it('documents the approval requests the server sends', () => {
    const command: CommandExecutionRequestApprovalParams = {
      threadId: 't',
      turnId: 'u',
      itemId: 'i',
      startedAtMs: 1,
      approvalId: null,
      environmentId: null,
      reason: 'needs network',
      command: 'curl example.com',
      cwd: '/work',
      commandActions: [{ type: 'unknown', command: 'curl example.com' }],
      proposedExecpolicyAmendment: ['curl'],
    };
    const change: FileChangeRequestApprovalParams = {
      threadId: 't',
      turnId: 'u',
      itemId: 'i',
      startedAtMs: 1,
      reason: null,
      grantRoot: '/work',
    };
    expect(ours.errors('CommandExecutionRequestApprovalParams', command)).toBe(null);
    expect(ours.errors('FileChangeRequestApprovalParams', change)).toBe(null);
    expect(ours.errors('CommandExecutionRequestApprovalResponse', { decision: 'accept' })).toBe(
      null,
    );
    expect(
      ours.errors('CommandExecutionRequestApprovalResponse', {
        decision: { acceptWithExecpolicyAmendment: { execpolicy_amendment: ['curl'] } },
      }),
    ).toBe(null);
    expect(ours.accepts('FileChangeRequestApprovalResponse', { decision: 'maybe' })).toBe(false);
  });
});
