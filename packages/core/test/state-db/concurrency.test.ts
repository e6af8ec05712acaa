import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempCodexHome } from '@codex-ts/test-support';
import type { TempDir } from '@codex-ts/test-support';
import { StateDb } from '../../src/state-db/state-db.js';

const run = promisify(execFile);
const hooks = fileURLToPath(new URL('./child/ts-hooks.mjs', import.meta.url));
const writer = fileURLToPath(new URL('./child/state-writer.mjs', import.meta.url));

let home: TempDir;
beforeEach(async () => {
  home = await makeTempCodexHome();
});
afterEach(async () => {
  await home.cleanup();
});

function spawnWriter(prefix: string, count: number) {
  return run(process.execPath, ['--import', hooks, writer, home.path, prefix, String(count)], {
    timeout: 60_000,
  });
}

describe('two processes writing at once', () => {
  it('both succeed and every row of both is there', async () => {
    const count = 1000;
    // Both start against a file that does not exist yet, so they also race on the migrations.
    const [a, b] = await Promise.all([spawnWriter('alpha', count), spawnWriter('beta', count)]);
    expect(a.stdout.trim()).toBe('ok');
    expect(b.stdout.trim()).toBe('ok');

    const db = await StateDb.open(home.path);
    try {
      for (const prefix of ['alpha', 'beta']) {
        const rows = [];
        let cursor: string | null = null;
        do {
          const page = db.listThreads({ cwd: `/work/${prefix}`, limit: 100, cursor });
          rows.push(...page.rows);
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(rows).toHaveLength(count);
        expect(rows.every((r) => r.preview === `hello from ${r.id}`)).toBe(true);
        const named = rows.filter((r) => r.name !== null);
        expect(named).toHaveLength(count / 10);
      }
    } finally {
      db.close();
    }
  });
});
