import { request } from 'node:http';
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LOGIN_PORT, FALLBACK_LOGIN_PORT } from './auth-constants.js';
import { LoginPortInUseError } from './auth-errors.js';

const MAX_BIND_ATTEMPTS = 10;

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Asks a login server left over from an earlier `codex login` to stop (`GET /cancel`). */
function sendCancel(port: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/cancel', method: 'GET', timeout: 2000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
        res.on('error', () => resolve());
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve());
    req.end();
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the callback server on 127.0.0.1:`port` (0: any free port). When the port is taken,
 * an earlier login server may still hold it: it is sent `/cancel` once and binding is retried;
 * the default port falls back to 1457 when it stays busy.
 */
export async function bindLoginServer(
  port: number,
  handler: RequestListener,
  retryDelayMs: number,
): Promise<{ server: Server; port: number }> {
  const candidates = port === DEFAULT_LOGIN_PORT ? [port, FALLBACK_LOGIN_PORT] : [port];
  let cancelSent = false;
  for (const candidate of candidates) {
    for (let attempt = 1; ; attempt++) {
      const server = createServer(handler);
      try {
        await listen(server, candidate);
        return { server, port: (server.address() as AddressInfo).port };
      } catch (err) {
        server.close();
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      }
      if (!cancelSent && candidate === port) {
        cancelSent = true;
        await sendCancel(port);
      }
      await sleep(retryDelayMs);
      if (attempt >= MAX_BIND_ATTEMPTS) {
        if (candidate === candidates[candidates.length - 1]) {
          throw new LoginPortInUseError(`Port 127.0.0.1:${candidate} is already in use`);
        }
        break;
      }
    }
  }
  throw new LoginPortInUseError(`Port 127.0.0.1:${port} is already in use`);
}
