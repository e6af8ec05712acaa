import { request } from 'node:http';
import { WebSocket, type ClientOptions } from 'ws';
import { RpcPeer } from './rpc-peer.js';

export interface WsPeer {
  readonly peer: RpcPeer;
  readonly socket: WebSocket;
  /** Resolves with the close code once the connection is closed. */
  readonly closed: Promise<number>;
  close(): Promise<void>;
}

/** Opens a WebSocket (raw `ws` client) and wraps it in an `RpcPeer`: one message per text frame. */
export function connectWsPeer(url: string, options: ClientOptions = {}): Promise<WsPeer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    const peer = new RpcPeer((text) => socket.send(text));
    socket.on('message', (data, isBinary) => {
      if (!isBinary) peer.receiveText(data.toString());
    });
    const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
    socket.once('open', () =>
      resolve({
        peer,
        socket,
        closed,
        async close() {
          if (socket.readyState === socket.OPEN) socket.close();
          await closed;
        },
      }),
    );
    socket.once('unexpected-response', (_req, res) => {
      reject(new Error(`upgrade refused with ${res.statusCode ?? '?'}`));
    });
    socket.once('error', reject);
  });
}

export interface UpgradeRefusal {
  status: number;
  body: string;
}

/** Attempts an upgrade that the server should refuse; resolves with its HTTP status and body. */
export function refusedUpgrade(url: string, options: ClientOptions = {}): Promise<UpgradeRefusal> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.once('open', () => {
      socket.close();
      reject(new Error('the upgrade was accepted'));
    });
    socket.once('error', () => {});
  });
}

/** A plain HTTP GET; resolves with the status code. */
export function httpStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}
