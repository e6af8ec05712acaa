import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelTestEnv } from '@codex-ts/test-support';
import { commonBadInput, oversizedRequest, stillUsable } from './helpers/conformance-bad-input.js';
import { ConformanceClient } from './helpers/conformance-client.js';
import { duplicateResponses, lifecycleProblems } from './helpers/conformance-order.js';
import {
  approvedShellTurn,
  figures,
  handshake,
  interruptedTurn,
  resumeStoredThread,
  threadMethods,
  type SessionState,
} from './helpers/conformance-session.js';
import { spawnWebSocketAppServer, type SpawnedAppServer } from './helpers/spawned-app-server.js';
import { connectWsPeer, type WsPeer } from './helpers/ws-peer.js';

/**
 * Conformance session over WebSocket (issue 7, acceptance 1 and 3): the built
 * `codex app-server --listen ws://127.0.0.1:0` driven by a client written from the protocol
 * (raw `ws` text frames, one message each), every message both ways checked against the shared
 * reference schema. An oversized message closes the connection with 1009 as tungstenite does;
 * a new connection then resumes the stored thread. Needs `npm run build`.
 */

const s = {} as SessionState;
let server: (SpawnedAppServer & { url: string }) | undefined;
const sockets: WsPeer[] = [];
const clients: ConformanceClient[] = [];

async function connect(label: string): Promise<{ client: ConformanceClient; ws: WsPeer }> {
  const ws = await connectWsPeer(server!.url);
  sockets.push(ws);
  const client = new ConformanceClient(ws.peer, label, (t) => ws.socket.send(t));
  clients.push(client);
  return { client, ws };
}

beforeAll(async () => {
  s.env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
  server = await spawnWebSocketAppServer(s.env, 'ws://127.0.0.1:0');
});

afterAll(async () => {
  for (const client of clients) console.log(`conformance websocket: ${figures(client)}`);
  for (const ws of sockets) ws.socket.terminate();
  await server?.cleanup();
  await s.env.cleanup();
});

describe('conformance session over WebSocket', () => {
  it('handshake: "Not initialized" before initialize, "Already initialized" after', async () => {
    const { client } = await connect('ws');
    const init = await handshake(client, 'conformance_ws');
    expect(init).toMatchObject({ codexHome: s.env.home.path });
  });

  it('runs a turn whose shell call the client approves', async () => {
    await approvedShellTurn(s, clients[0]!);
  });

  it('interrupts a turn whose model stream hangs', async () => {
    await interruptedTurn(s, clients[0]!);
  });

  it('reads, lists, forks and names threads; lists models; reads the config', async () => {
    await threadMethods(s, clients[0]!);
  });

  it('answers malformed JSON, wrong types, unknown methods and threads; stays usable', async () => {
    await commonBadInput(s, clients[0]!);
  });

  it('closes a connection that sends a message over 64 MiB with 1009; others keep working', async () => {
    const { client: bystander } = await connect('ws-bystander');
    await handshake(bystander, 'conformance_ws_bystander');
    const big = clients[0]!;
    big.sendGarbage(oversizedRequest('big'));
    expect(await sockets[0]!.closed).toBe(1009);
    expect(big.received.some((m) => m['id'] === 'big')).toBe(false);
    await stillUsable(s, bystander);
  });

  it('a new connection after the close resumes the stored thread', async () => {
    const { client } = await connect('ws-resume');
    await handshake(client, 'conformance_ws_resume');
    await resumeStoredThread(s, client);
    await stillUsable(s, client);
  });

  it("delivers each thread's notifications in order, none duplicated", () => {
    for (const client of clients) {
      expect(lifecycleProblems(client.received)).toEqual([]);
      expect(duplicateResponses(client.received)).toEqual([]);
    }
  });

  it('every message sent either way validates against the reference schema', () => {
    for (const client of clients) expect(client.problems).toEqual([]);
    expect(s.env.server.errors).toEqual([]);
  });
});
