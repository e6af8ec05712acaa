import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { CODEX_BIN } from './codex-binary.js';

/** A real `codex app-server --listen` process (for `--remote` front-end tests). */
export interface AppServerProcess {
  /** The bound `ws://127.0.0.1:PORT`, read from the `listening on:` banner line. */
  url: string;
  /** Everything the server printed on stderr so far. */
  stderr(): string;
  /** SIGKILLs the server's process group; resolves once it exited. */
  kill(): Promise<void>;
}

/** A safety net only (never asserted on): give up on a server that prints no banner. */
const BANNER_WAIT_MS = 20_000;

/** Starts the built `codex app-server --listen ws://127.0.0.1:0` and waits for its banner. */
export function startAppServerProcess(
  cwd: string,
  env: Record<string, string>,
): Promise<AppServerProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    CODEX_BIN,
    ['app-server', '--listen', 'ws://127.0.0.1:0'],
    { cwd, env, stdio: 'pipe', detached: true },
  );
  let stderr = '';
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await exited;
  };
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`codex app-server printed no listening URL; stderr:\n${stderr}`));
    }, BANNER_WAIT_MS);
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on:\s*(wss?:\/\/\S+)/.exec(stderr.replace(/\u001b\[[0-9;]*m/g, ''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({ url: match[1], stderr: () => stderr, kill });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `codex app-server exited (code ${code}, signal ${signal}) before listening; stderr:\n${stderr}`,
        ),
      );
    });
  });
}
