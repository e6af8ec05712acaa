import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { CODEX_BIN, baseEnv, type ModelTestEnv } from '@codex-ts/test-support';
import { RpcPeer } from './rpc-peer.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The built `codex app-server` running as a child process (its own process group). */
export interface SpawnedAppServer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<Exit>;
  stderr(): string;
  /** Sends a signal to the server process only. */
  signal(signal: NodeJS.Signals): void;
  /** Kills the whole group (safety net at the end of a test). */
  cleanup(): Promise<void>;
}

export interface StdioAppServer extends SpawnedAppServer {
  /** Speaks JSON lines over the child's stdin/stdout. */
  readonly peer: RpcPeer;
  /** Raw bytes to stdin (malformed or oversized input). */
  writeRaw(data: string | Buffer): void;
  endStdin(): void;
}

/** Runs `codex app-server ...args` in the env's work dir with its CODEX_HOME and mock key. */
function spawnAppServer(
  env: ModelTestEnv,
  args: string[],
  extraEnv: Record<string, string> = {},
): SpawnedAppServer {
  const child = spawn(CODEX_BIN, ['app-server', ...args], {
    cwd: env.work.path,
    env: baseEnv(env.home.path, { MOCK_KEY: 'dummy', ...extraEnv }),
    stdio: 'pipe',
    detached: true,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.on('error', () => {});
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const killGroup = (): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return {
    child,
    exited,
    stderr: () => stderr,
    signal: (signal) => child.kill(signal),
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup();
        await exited;
      } else {
        killGroup();
      }
    },
  };
}

export function spawnStdioAppServer(
  env: ModelTestEnv,
  args: string[] = [],
  extraEnv: Record<string, string> = {},
): StdioAppServer {
  const server = spawnAppServer(env, args, extraEnv);
  const peer = new RpcPeer((text) => server.child.stdin.write(`${text}\n`));
  let pending = '';
  server.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line !== '') peer.receiveText(line);
      newline = pending.indexOf('\n');
    }
  });
  return {
    ...server,
    peer,
    writeRaw: (data) => server.child.stdin.write(data),
    endStdin: () => server.child.stdin.end(),
  };
}

/**
 * Starts `codex app-server --listen URL ...args` and resolves with the bound URL read from the
 * `listening on:` line of the start-up banner.
 */
export async function spawnWebSocketAppServer(
  env: ModelTestEnv,
  listen: string,
  args: string[] = [],
): Promise<SpawnedAppServer & { url: string }> {
  const server = spawnAppServer(env, ['--listen', listen, ...args]);
  const url = await new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const match = /listening on: (\S+)/.exec(server.stderr());
      if (match?.[1]) {
        server.child.stderr.off('data', look);
        resolve(match[1]);
      }
    };
    server.child.stderr.on('data', look);
    void server.exited.then((exit) =>
      reject(new Error(`app-server exited early (${JSON.stringify(exit)}): ${server.stderr()}`)),
    );
  });
  return { ...server, url };
}
