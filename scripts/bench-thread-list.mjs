#!/usr/bin/env node
// thread/list over the state database: 10,000 threads in a temp CODEX_HOME, then the first page
// (50 rows, by updated_at) timed cold (open + migrations check + query) and warm (query
// on an open database), plus a few filtered variants. Budget from ARCHITECTURE.md section 9:
// first page under 50 ms. Times never fail the run.
//
//   node scripts/bench-thread-list.mjs        (after `npx tsc -b packages/core` or `npm run build`)
//
// scripts/bench.mjs can `import { benchThreadList }` and pass its rows array. It loads the tsc
// build (packages/core/dist) because Node's type stripping cannot follow our `./x.js` imports.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/core/dist/state-db/state-db.js');
const BUDGET_MS = 50;
const THREADS = 10_000;
const PAGE = 50;

async function loadStateDb() {
  try {
    return (await import(pathToFileURL(dist).href)).StateDb;
  } catch (err) {
    throw new Error(
      `cannot load ${path.relative(root, dist)} (${err.message}); ` +
        'run `npx tsc -b packages/core` (or `npm run build`) first',
      { cause: err },
    );
  }
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** 10,000 threads over 40 working directories, a few archived and a few never used. */
function seed(db) {
  const base = Date.UTC(2025, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < THREADS; i++) {
      const id = `0199${String(i).padStart(4, '0')}-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const created = base + i * 60_000;
      db.upsertThread({
        id,
        rolloutPath: `/home/user/.codex/sessions/2025/01/01/rollout-2025-01-01T00-00-00-${id}.jsonl`,
        cwd: `/home/user/src/project-${i % 40}`,
        modelProvider: i % 10 === 0 ? 'ollama' : 'openai',
        source: i % 3 === 0 ? 'exec' : 'cli',
        createdAt: created,
        updatedAt: created + ((i * 7919) % 86_400_000),
        preview:
          i % 50 === 7
            ? ''
            : `Please look at module ${i % 97} and fix the failing test number ${i}; keep the style.`,
        model: 'gpt-5-codex',
        cliVersion: '0.1.0',
        archived: i % 33 === 0,
      });
    }
  });
}

export async function benchThreadList(rows) {
  const StateDb = await loadStateDb();
  const home = await mkdtemp(path.join(os.tmpdir(), 'codex-bench-threads-'));
  try {
    const setup = await StateDb.open(home);
    const seedMs = time(() => seed(setup));
    setup.close();

    const cold = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      const db = await StateDb.open(home);
      const page = db.listThreads({ limit: PAGE, sortKey: 'updated_at' });
      cold.push(performance.now() - start);
      db.close();
      if (page.rows.length !== PAGE) throw new Error(`first page had ${page.rows.length} rows`);
    }

    const db = await StateDb.open(home);
    const warm = (opts, runs = 50) => {
      db.listThreads(opts);
      return median(Array.from({ length: runs }, () => time(() => db.listThreads(opts))));
    };
    const first = warm({ limit: PAGE, sortKey: 'updated_at' });
    const second = warm({
      limit: PAGE,
      sortKey: 'updated_at',
      cursor: db.listThreads({ limit: PAGE, sortKey: 'updated_at' }).nextCursor,
    });
    const byCwd = warm({ limit: PAGE, sortKey: 'updated_at', cwd: '/home/user/src/project-7' });
    const byCreated = warm({ limit: PAGE, sortKey: 'created_at' });
    const search = warm({ limit: PAGE, sortKey: 'updated_at', searchTerm: 'MODULE 42 ' }, 20);
    db.close();

    const n = THREADS.toLocaleString('en-US');
    const coldStats = median(cold);
    const push = (figure, stats) =>
      rows.push({
        figure: `thread/list over ${n} threads: ${figure}`,
        measured: `${stats.median.toFixed(2)} ms (min ${stats.min.toFixed(2)})`,
        budget: `<= ${BUDGET_MS} ms`,
        status: stats.median <= BUDGET_MS ? 'ok' : 'over',
      });
    push('first page, cold open + query (median of 15)', coldStats);
    push('first page, warm (median of 50)', first);
    push('second page by cursor, warm', second);
    push('first page, cwd filter, warm', byCwd);
    push('first page by created_at, warm', byCreated);
    push('first page, search term, warm', search);
    return { seedMs, coldMs: coldStats.median, warmMs: first.median };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = [];
  try {
    const { seedMs, coldMs, warmMs } = await benchThreadList(rows);
    for (const r of rows)
      process.stdout.write(`${r.figure}: ${r.measured} [${r.budget}: ${r.status}]\n`);
    process.stdout.write(
      `thread/list first page over ${THREADS.toLocaleString('en-US')} threads: median ` +
        `${coldMs.toFixed(2)} ms cold, ${warmMs.toFixed(2)} ms warm (budget ${BUDGET_MS} ms); ` +
        `seeding took ${(seedMs / 1000).toFixed(2)} s. node ${process.version}\n`,
    );
  } catch (err) {
    process.stderr.write(`bench-thread-list: ${err instanceof Error ? err.message : err}\n`);
    process.exitCode = 1;
  }
}
