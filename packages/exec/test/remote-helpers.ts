import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
export { startAppServerProcess } from '@codex-ts/test-support';
export type { AppServerProcess } from '@codex-ts/test-support';

/**
 * Helpers of the `codex exec --remote` tests: a real `codex app-server --listen` process, and a
 * record of which bundle chunks (hence which packages) a `codex` run loaded.
 */

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
