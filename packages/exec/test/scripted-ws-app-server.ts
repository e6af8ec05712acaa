import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in app server for `codex exec --remote` tests, written from the protocol (it shares no
 * code with ours): it answers the handshake, `thread/start` and `turn/start`, then plays one
 * turn: an agent message and `turn/completed`, or, with `dropMidTurn`, it cuts the connection
 * right after `turn/started`.
 */

type Json = Record<string, unknown>;

export interface ScriptedAppServer {
  url: string;
  /** Headers of every upgrade request. */
  upgrades: IncomingHttpHeaders[];
  /** Every message received, in order. */
  received: Json[];
  close(): Promise<void>;
}

export interface ScriptedAppServerOptions {
  /** Refuse upgrades with 401 and this body. */
  refuseWith?: string;
  /** Close the connection (code 1011) right after sending `turn/started`. */
  dropMidTurn?: boolean;
}

export const THREAD_ID = 'thr_remote_1';
const TURN_ID = 'turn_remote_1';

export async function startScriptedAppServer(
  options: ScriptedAppServerOptions = {},
): Promise<ScriptedAppServer> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  const upgrades: IncomingHttpHeaders[] = [];
  const received: Json[] = [];
  const sockets = new Set<WebSocket>();
  http.on('upgrade', (req, socket, head) => {
    upgrades.push(req.headers);
    if (options.refuseWith !== undefined) {
      const body = options.refuseWith;
      socket.end(
        `HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as Json;
        received.push(message);
        play(ws, message, options);
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    upgrades,
    received,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function play(ws: WebSocket, message: Json, options: ScriptedAppServerOptions): void {
  const send = (m: unknown): void => ws.send(JSON.stringify(m));
  const id = message['id'];
  const params = (message['params'] ?? {}) as Json;
  const at = Date.now();
  switch (message['method']) {
    case 'initialize':
      send({
        id,
        result: {
          userAgent: 'scripted/1.0.0',
          codexHome: '/nowhere',
          platformFamily: 'unix',
          platformOs: 'linux',
        },
      });
      return;
    case 'initialized':
      return;
    case 'thread/start':
      send({
        id,
        result: {
          thread: { id: THREAD_ID },
          model: 'gpt-test',
          modelProvider: 'mock',
          cwd: params['cwd'] ?? '/',
          approvalPolicy: 'never',
          sandbox: { type: 'dangerFullAccess' },
          reasoningEffort: null,
        },
      });
      return;
    case 'turn/start': {
      const turn = { id: TURN_ID, items: [], status: 'inProgress', error: null };
      send({ id, result: { turn } });
      send({ method: 'turn/started', params: { threadId: THREAD_ID, turn }, emittedAtMs: at });
      if (options.dropMidTurn) {
        ws.close(1011, 'scripted server went away');
        return;
      }
      send({
        method: 'item/completed',
        params: {
          threadId: THREAD_ID,
          turnId: TURN_ID,
          item: { type: 'agentMessage', id: 'msg_1', text: 'hello from afar' },
        },
        emittedAtMs: at,
      });
      send({
        method: 'turn/completed',
        params: { threadId: THREAD_ID, turn: { ...turn, status: 'completed' } },
        emittedAtMs: at,
      });
      return;
    }
    default:
      if (id !== undefined) {
        send({ id, error: { code: -32601, message: `unsupported: ${String(message['method'])}` } });
      }
  }
}
