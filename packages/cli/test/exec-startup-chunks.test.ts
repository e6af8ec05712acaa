import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  baseEnv,
  completed,
  outputTextMessage,
  responseCreated,
  runCodex,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';

// `codex exec` start-up is a budget (ARCHITECTURE.md section 9): what a one-message turn loads is
// checked here from the chunks it opens, mapped to their sources by the bundle's
// chunk-inputs.json (scripts/build-bundle.mjs).
const BUNDLE_DIR = join(REPO_ROOT, 'packages/cli/dist/bundle');

/** Sources a plain `codex exec` turn (no MCP servers, no --remote) must not load. */
const NOT_ON_THE_EXEC_PATH: Array<[RegExp, string]> = [
  [/^packages\/tui\//, 'the TUI'],
  [/node_modules\/(ink|react|react-reconciler|yoga-layout)\//, 'Ink / React'],
  [/node_modules\/ws\//, 'ws (only --remote and app-server --listen use it)'],
  [/node_modules\/@modelcontextprotocol\//, 'the MCP SDK (only with mcp_servers)'],
  [/node_modules\/ajv\//, 'ajv'],
  // generate-schema-files.ts is the small entry that imports the rest on demand.
  [/^packages\/app-server\/src\/schema\/(?!generate-schema-files\.ts$)/, 'app-server schemas'],
  [/node_modules\/zod\/v4\/locales\/(?!en\.js$)/, "zod's foreign locales"],
];

/** A preload that records every module URL the process loads, written out at exit. */
function loadRecorder(out: string): string {
  return [
    "import { registerHooks } from 'node:module';",
    "import { writeFileSync } from 'node:fs';",
    'const urls = [];',
    'registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });',
    `process.on('exit', () => writeFileSync(${JSON.stringify(out)}, urls.join('\\n')));`,
    '',
  ].join('\n');
}

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv();
});

afterEach(() => env.cleanup());

describe('codex exec start-up', () => {
  it('loads no chunk holding the TUI, ws, the MCP SDK or schema generation', async () => {
    const manifest = JSON.parse(
      await readFile(join(BUNDLE_DIR, 'chunk-inputs.json'), 'utf8'),
    ) as Record<string, string[]>;
    const hook = join(env.work.path, 'record-loads.mjs');
    const out = join(env.work.path, 'loaded.txt');
    await writeFile(hook, loadRecorder(out));
    env.server.enqueue(sseResponse(responseCreated(), outputTextMessage('hi'), completed()));

    const run = await runCodex(['exec', '--skip-git-repo-check', 'hello'], {
      cwd: env.work.path,
      env: baseEnv(env.home.path, { MOCK_KEY: 'k', NODE_OPTIONS: `--import=${hook}` }),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('hi\n');

    const prefix = `file://${BUNDLE_DIR}/`;
    const chunks = (await readFile(out, 'utf8'))
      .split('\n')
      .filter((url) => url.startsWith(prefix))
      .map((url) => url.slice(prefix.length));
    expect(chunks).toContain('codex.js');
    const loaded = chunks.flatMap((chunk) => manifest[chunk] ?? []);
    expect(loaded.some((input) => input.startsWith('packages/core/'))).toBe(true);
    const offenders = loaded.flatMap((input) =>
      NOT_ON_THE_EXEC_PATH.filter(([pattern]) => pattern.test(input)).map(
        ([, what]) => `${what}: ${input}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
