import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelTestEnv } from '@codex-ts/test-support';
import {
  commonBadInput,
  nextNullIdError,
  oversizedRequest,
  stillUsable,
} from './helpers/conformance-bad-input.js';
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
import { spawnStdioAppServer, type StdioAppServer } from './helpers/spawned-app-server.js';

/**
 * Conformance session over stdio (issue 7, acceptance 1 and 3): the built `codex app-server`
 * driven by a client written from the protocol (raw JSON lines), every message both ways
 * checked against the shared reference schema. The steps run in order on one process; a second
 * process over the same CODEX_HOME then resumes the stored thread. Needs `npm run build`.
 */

const s = {} as SessionState;
const servers: StdioAppServer[] = [];
const clients: ConformanceClient[] = [];

function start(label: string): ConformanceClient {
  const server = spawnStdioAppServer(s.env);
  servers.push(server);
  const client = new ConformanceClient(server.peer, label, (t) => server.writeRaw(`${t}\n`));
  clients.push(client);
  return client;
}

beforeAll(async () => {
  s.env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
});

afterAll(async () => {
  for (const client of clients) console.log(`conformance stdio: ${figures(client)}`);
  for (const server of servers) await server.cleanup();
  await s.env.cleanup();
});

describe('conformance session over stdio', () => {
  it('handshake: "Not initialized" before initialize, "Already initialized" after', async () => {
    const init = await handshake(start('stdio'), 'conformance_stdio');
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

  it('answers a line over the 64 MiB limit with -32600 (id null) and stays usable', async () => {
    const client = clients[0]!;
    const error = await nextNullIdError(client, () => client.sendGarbage(oversizedRequest('big')));
    expect(error.code).toBe(-32600);
    expect(error.message).toContain('exceeds the limit');
    expect(client.received.some((m) => m['id'] === 'big')).toBe(false);
    await stillUsable(s, client);
  });

  it('exits 0 on stdin EOF; a new process resumes the stored thread', async () => {
    servers[0]!.endStdin();
    expect(await servers[0]!.exited).toEqual({ code: 0, signal: null });
    const client = start('stdio-resume');
    await handshake(client, 'conformance_stdio_resume');
    await resumeStoredThread(s, client);
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
