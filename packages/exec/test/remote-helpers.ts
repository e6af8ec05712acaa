import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODEX_BIN } from '@codex-ts/test-support';

/**
 * Helpers of the `codex exec --remote` tests: a real `codex app-server --listen` process, and a
 * record of which bundle chunks (hence which packages) a `codex` run loaded.
 */

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

/** Records the file URL of every module a Node process loads (through `NODE_OPTIONS`). */
export interface ModuleLog {
  /** Extra environment for the process to watch. */
  env: Record<string, string>;
  /** Source files (from the chunks' source maps) of every bundle chunk loaded so far. */
  loadedSources(): Promise<string[]>;
}

export async function moduleLog(dir: string): Promise<ModuleLog> {
  const logFile = join(dir, 'modules.log');
  const hook = join(dir, 'module-log-hook.mjs');
  await writeFile(logFile, '');
  await writeFile(
    hook,
    [
      "import { registerHooks } from 'node:module';",
      "import { appendFileSync } from 'node:fs';",
      'const log = process.env.CODEX_TEST_MODULE_LOG;',
      'registerHooks({',
      '  load(url, context, nextLoad) {',
      "    if (log) appendFileSync(log, url + '\\n');",
      '    return nextLoad(url, context);',
      '  },',
      '});',
      '',
    ].join('\n'),
  );
  return {
    env: {
      NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`,
      CODEX_TEST_MODULE_LOG: logFile,
    },
    async loadedSources() {
      const urls = (await readFile(logFile, 'utf8')).split('\n').filter((u) => u !== '');
      const sources: string[] = [];
      for (const url of urls) {
        if (!url.startsWith('file:') || !url.endsWith('.js')) continue;
        const file = new URL(url).pathname;
        let map: { sources?: string[] };
        try {
          map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as { sources?: string[] };
        } catch {
          continue;
        }
        for (const source of map.sources ?? []) sources.push(resolve(dirname(file), source));
      }
      return sources;
    },
  };
}

/** True when any of `sources` belongs to package `name` (e.g. `core`). */
export function fromPackage(sources: string[], name: string): boolean {
  return sources.some((s) => s.includes(`/packages/${name}/src/`));
}
