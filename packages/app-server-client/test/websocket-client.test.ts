import { afterEach, describe, expect, it } from 'vitest';
import {
  AppServerClient,
  AppServerClosedError,
  AppServerRequestError,
  RemoteDisconnectedError,
  RemoteInitializeError,
  RemoteTimeoutError,
  RemoteUnauthorizedError,
} from '@codex-ts/app-server-client';
import {
  answerHandshake,
  INITIALIZE_RESULT,
  startRawServer,
  type RawServer,
} from './websocket-raw-server.js';

/** `AppServerClient.remote` against a raw `ws` server that plays the app server's part. */

let server: RawServer | undefined;
let client: AppServerClient | undefined;

afterEach(async () => {
  await client?.close();
  client = undefined;
  await server?.close();
  server = undefined;
});

const clientInfo = { name: 'codex_exec', version: '1.2.3' };

async function connected(
  options: { authToken?: string; optOut?: string[] } = {},
): Promise<{ client: AppServerClient; peer: Awaited<ReturnType<RawServer['nextPeer']>> }> {
  server ??= await startRawServer();
  const connecting = AppServerClient.remote(server.url, {
    clientInfo,
    ...(options.authToken ? { authToken: options.authToken } : {}),
    ...(options.optOut ? { optOutNotificationMethods: options.optOut } : {}),
  });
  const peer = await server.nextPeer();
  await answerHandshake(peer);
  client = await connecting;
  return { client, peer };
}

describe('AppServerClient.remote', () => {
  it('does the initialize / initialized handshake as in process', async () => {
    const { client, peer } = await connected({ optOut: ['item/agentMessage/delta'] });
    expect(peer.received).toEqual([
      {
        id: 1,
        method: 'initialize',
        params: {
          clientInfo,
          capabilities: {
            experimentalApi: false,
            optOutNotificationMethods: ['item/agentMessage/delta'],
          },
        },
      },
      { method: 'initialized' },
    ]);
    expect(client.serverInfo).toEqual(INITIALIZE_RESULT);
  });

  it('sends the token and resolves requests, rejecting JSON-RPC errors', async () => {
    const { client, peer } = await connected({ authToken: 'tok' });
    expect(peer.headers.authorization).toBe('Bearer tok');
    const list = client.request('thread/list', {});
    const start = client.request('thread/start', {});
    const listReq = await peer.next();
    const startReq = await peer.next();
    expect(listReq).toMatchObject({ method: 'thread/list' });
    // Answers may come in any order; each reaches its own request.
    peer.send({ id: startReq['id'], error: { code: -32600, message: 'bad thread/start' } });
    peer.send({ id: listReq['id'], result: { data: [], nextCursor: null } });
    await expect(list).resolves.toEqual({ data: [], nextCursor: null });
    const error = await start.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppServerRequestError);
    expect(error).toMatchObject({ code: -32600, method: 'thread/start' });
  });

  it('delivers notifications in order and answers server requests', async () => {
    const { client, peer } = await connected();
    const seen: string[] = [];
    client.onNotification((n) => {
      if (n.method === 'warning') seen.push(n.params.message);
    });
    client.onServerRequest((request) => {
      expect(request.method).toBe('item/commandExecution/requestApproval');
      return { decision: 'accept' } as never;
    });
    for (let i = 0; i < 50; i++) {
      peer.send({
        method: 'warning',
        params: { threadId: null, message: `m${i}` },
        emittedAtMs: i,
      });
    }
    peer.send({ id: 'srv-1', method: 'item/commandExecution/requestApproval', params: {} });
    expect(await peer.next()).toEqual({ id: 'srv-1', result: { decision: 'accept' } });
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
  });

  it('rejects a pending request promptly when the server closes mid-request', async () => {
    const { client, peer } = await connected();
    const ends: Array<Error | undefined> = [];
    client.onClose((error) => ends.push(error));
    const pending = client.request('thread/start', {});
    await peer.next();
    peer.socket.close(1011, 'boom');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppServerClosedError);
    expect((error as Error).cause).toBeInstanceOf(RemoteDisconnectedError);
    expect(((error as Error).cause as Error).message).toBe(
      `remote app server at \`${server?.url}\` disconnected: boom (close code 1011)`,
    );
    expect(ends).toHaveLength(1);
    expect(ends[0]).toBe((error as Error).cause);
    await expect(client.request('thread/list', {})).rejects.toBeInstanceOf(AppServerClosedError);
  });

  it('tells onClose listeners nothing went wrong after close()', async () => {
    const { client } = await connected();
    const ends: Array<Error | undefined> = [];
    client.onClose((error) => ends.push(error));
    await client.close();
    expect(ends).toEqual([undefined]);
  });

  it('fails with RemoteUnauthorizedError when the server refuses the token', async () => {
    server = await startRawServer({
      refuse: { status: 401, reason: 'Unauthorized', body: 'missing websocket bearer token' },
    });
    const error = await AppServerClient.remote(server.url, { clientInfo }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteUnauthorizedError);
    expect((error as Error).message).toContain(server.url);
    expect((error as Error).message).toContain('missing websocket bearer token');
  });

  it('fails with RemoteInitializeError when initialize is answered with an error', async () => {
    server = await startRawServer();
    const connecting = AppServerClient.remote(server.url, { clientInfo }).catch((e: unknown) => e);
    const peer = await server.nextPeer();
    const init = await peer.next();
    peer.send({ id: init['id'], error: { code: -32600, message: 'Invalid clientInfo.name' } });
    const error = await connecting;
    expect(error).toBeInstanceOf(RemoteInitializeError);
    expect((error as Error).message).toBe(
      `remote app server at \`${server.url}\` rejected initialize: Invalid clientInfo.name`,
    );
  });

  it('fails with RemoteTimeoutError when initialize is never answered', async () => {
    server = await startRawServer();
    const connecting = AppServerClient.remote(server.url, {
      clientInfo,
      initializeTimeoutMs: 50,
    }).catch((e: unknown) => e);
    const peer = await server.nextPeer();
    await peer.next();
    const error = await connecting;
    expect(error).toBeInstanceOf(RemoteTimeoutError);
    expect(error).toMatchObject({ phase: 'initialize' });
    expect((error as Error).message).toBe(
      `timed out waiting for the initialize response from \`${server.url}\``,
    );
  });

  it('fails with the disconnect when the server closes during initialize', async () => {
    server = await startRawServer();
    const connecting = AppServerClient.remote(server.url, { clientInfo }).catch((e: unknown) => e);
    const peer = await server.nextPeer();
    await peer.next();
    peer.socket.close(1000);
    const error = await connecting;
    expect(error).toBeInstanceOf(RemoteDisconnectedError);
    expect((error as Error).message).toBe(
      `remote app server at \`${server.url}\` disconnected: connection closed`,
    );
  });
});
