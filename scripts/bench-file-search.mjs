#!/usr/bin/env node
// Fuzzy file search (`fuzzyFileSearch`, the TUI's `@` popup) over a generated tree of 100,000
// files (plus ignored ones: node_modules/, dist/, *.log via .gitignore, .cache/ via .ignore):
// the first index of the root (walk + index build), then queries typed one keystroke at a time
// ("s", "sr", "src", ...) against the kept index, each timed from request to answer (50 best
// matches with their indices). Budget from ARCHITECTURE.md section 9: <= 30 ms per keystroke
// after the first index. Also shown: the same keystrokes while a staleness check runs in the
// background, the check itself, and the first index of the same tree as a git work tree
// (`git ls-files`). Times never fail the run.
//
//   node scripts/bench-file-search.mjs [--keys]   (after `npx tsc -b packages/app-server` or
//                                                 `npm run build`; --keys: time of each keystroke)
//
// scripts/bench.mjs can `import { benchFileSearch }` and pass its rows array. It loads the tsc
// build (packages/app-server/dist) because Node's type stripping cannot follow our `./x.js` imports.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/app-server/dist/file-search');
const BUDGET_MS = 30;
const FILES = 100_000;
const WORDS = [
  'button',
  'dialog',
  'router',
  'parser',
  'server',
  'client',
  'config',
  'utils',
  'index',
  'model',
  'store',
  'view',
  'panel',
  'editor',
  'search',
  'theme',
  'cache',
  'token',
  'stream',
  'worker',
];
/** What a user types, one keystroke at a time (the last two are case-sensitive). */
const TYPED = ['src/panel/index', 'router-config.ts', 'pkg12 editor', 'ButtonView', 'README'];

async function load() {
  try {
    const [cache, search] = await Promise.all([
      import(pathToFileURL(path.join(dist, 'file-index-cache.js')).href),
      import(pathToFileURL(path.join(dist, 'run-file-search.js')).href),
    ]);
    return { FileIndexCache: cache.FileIndexCache, runFuzzyFileSearch: search.runFuzzyFileSearch };
  } catch (err) {
    throw new Error(
      `cannot load ${path.relative(root, dist)} (${err.message}); ` +
        'run `npx tsc -b packages/app-server` (or `npm run build`) first',
      { cause: err },
    );
  }
}

const word = (n) => WORDS[n % WORDS.length];
const pascal = (w) => w[0].toUpperCase() + w.slice(1);

/**
 * A README.md per package and 50 packages x 20 areas x 10 directories x 10 files, cut to
 * 100,000 files in ~10,000 directories (a tenth of the names in PascalCase); and 2,600 ignored
 * files.
 */
function makeTree(dir) {
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\ndist/\n*.log\n');
  writeFileSync(path.join(dir, '.ignore'), '.cache/\n');
  const files = [];
  for (let p = 0; p < 50; p++) {
    files.push(`packages/pkg-${p}/README.md`);
    for (let a = 0; a < 20; a++) {
      for (let b = 0; b < 10; b++) {
        const sub = `packages/pkg-${p}/${a % 2 ? 'src' : 'lib'}/${word(a)}-area/${word(b * 7 + p)}${b}`;
        for (let f = 0; f < 10; f++) {
          const ext = ['tsx', 'ts', 'md'][f % 3];
          files.push(
            f === 9
              ? `${sub}/${pascal(word(f + a + b))}${pascal(word(f + p))}.${ext}`
              : `${sub}/${word(f * 3 + a + b)}-${word(f + p)}${f}.${ext}`,
          );
        }
      }
    }
  }
  files.length = FILES; // the READMEs took the place of the last 50
  const ignored = [];
  for (let p = 0; p < 50; p += 5)
    for (let i = 0; i < 200; i++)
      ignored.push(`packages/pkg-${p}/node_modules/dep-${i % 20}/f-${i}.js`);
  for (let p = 0; p < 50; p += 10)
    for (let i = 0; i < 100; i++) ignored.push(`packages/pkg-${p}/dist/out-${i}.js`);
  for (let i = 0; i < 50; i++) ignored.push(`logs/run-${i}.log`, `.cache/blob-${i}`);
  const all = [...files, ...ignored];
  const dirs = new Set();
  for (const f of all) for (let d = path.dirname(f); d !== '.'; d = path.dirname(d)) dirs.add(d);
  for (const d of dirs) mkdirSync(path.join(dir, d), { recursive: true });
  for (const f of all) closeSync(openSync(path.join(dir, f), 'w'));
  // As in a checkout nobody is writing to: a walked tree whose times are within seconds of
  // its walk is walked again at its next check (the file clock may be too coarse to tell).
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const d of ['.', '.gitignore', '.ignore', ...dirs])
    utimesSync(path.join(dir, d), hourAgo, hourAgo);
  return { files: files.length, ignored: ignored.length };
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    max: sorted[sorted.length - 1],
    over: times.filter((t) => t > BUDGET_MS).length,
  };
}

/**
 * Types every query of TYPED one keystroke at a time: the wall time of each answer, and the
 * CPU time of this process meanwhile (all its threads: on a busy machine wall time also counts
 * waiting for a CPU). `trace` prints each keystroke.
 */
async function typeAll(search, cache, dir, trace) {
  const wall = [];
  const cpu = [];
  for (const text of TYPED) {
    let files = [];
    for (let k = 1; k <= text.length; k++) {
      const query = text.slice(0, k);
      const used = process.cpuUsage();
      const start = performance.now();
      files = await search(query, [dir], { cancelled: false }, cache);
      wall.push(performance.now() - start);
      const { user, system } = process.cpuUsage(used);
      cpu.push((user + system) / 1000);
      if (trace) process.stdout.write(`  ${JSON.stringify(query)}: ${wall.at(-1).toFixed(1)} ms\n`);
    }
    if (files.length === 0) throw new Error(`fuzzy file search found nothing for "${text}"`);
  }
  return { wall: stats(wall), cpu: stats(cpu) };
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function benchFileSearch(rows, { trace = false } = {}) {
  const { FileIndexCache, runFuzzyFileSearch } = await load();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-bench-files-'));
  const n = FILES.toLocaleString('en-US');
  try {
    const made = await timed(() => makeTree(dir));
    // Checks never start during the steady-state run; every keystroke starts one in the other.
    const steady = new FileIndexCache({ refreshAfterMs: 1e9, maxStaleMs: 1e9 });
    const first = await timed(() => steady.get(dir));
    const index = first.value;
    if (index.source.kind !== 'walk') throw new Error('the bench tree was indexed by git');
    const keys = await typeAll(runFuzzyFileSearch, steady, dir, trace);
    const checking = new FileIndexCache({ refreshAfterMs: 0 });
    await checking.get(dir);
    const busy = await typeAll(runFuzzyFileSearch, checking, dir, trace);
    const { refreshCandidates } = await import(
      pathToFileURL(path.join(dist, 'file-candidates.js')).href
    );
    const check = await timed(() => refreshCandidates(dir, index.source));
    if (check.value !== null)
      throw new Error('the staleness check saw a change in an unchanged tree');

    let git = null;
    if (spawnSync('git', ['init', '-q', dir]).status === 0) {
      const cache = new FileIndexCache();
      const listed = await timed(() => cache.get(dir));
      if (listed.value.source.kind === 'git') git = { ms: listed.ms, size: listed.value.size };
    }

    const keystrokes = TYPED.reduce((sum, t) => sum + t.length, 0);
    const push = (figure, measured, budget = '-', status = '-') =>
      rows.push({ figure: `file search, ${n} files: ${figure}`, measured, budget, status });
    const perKey = (label, { wall, cpu }) =>
      push(
        `${label} (${keystrokes} keystrokes)`,
        `median ${wall.median.toFixed(1)} ms, max ${wall.max.toFixed(1)} ms, ` +
          `${wall.over} over (CPU median ${cpu.median.toFixed(1)}, max ${cpu.max.toFixed(1)})`,
        `<= ${BUDGET_MS} ms`,
        wall.max <= BUDGET_MS ? 'ok' : wall.median <= BUDGET_MS ? 'max over' : 'over',
      );
    push(
      `first index, walk (${index.size.toLocaleString('en-US')} entries)`,
      `${first.ms.toFixed(0)} ms`,
    );
    perKey('per keystroke after the first index', keys);
    perKey('per keystroke, staleness check running', busy);
    push('staleness check of the walked tree, unchanged', `${check.ms.toFixed(0)} ms`);
    if (git) {
      push(
        `first index, git ls-files (${git.size.toLocaleString('en-US')} entries)`,
        `${git.ms.toFixed(0)} ms`,
      );
    }
    return { treeMs: made.ms, firstMs: first.ms, keys, busy };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = [];
  try {
    const { treeMs } = await benchFileSearch(rows, { trace: process.argv.includes('--keys') });
    for (const r of rows)
      process.stdout.write(`${r.figure}: ${r.measured} [${r.budget}: ${r.status}]\n`);
    process.stdout.write(
      `tree written in ${(treeMs / 1000).toFixed(1)} s. node ${process.version}, ` +
        `${os.cpus().length} CPU(s), load average ${os.loadavg()[0].toFixed(1)}\n`,
    );
  } catch (err) {
    process.stderr.write(`bench-file-search: ${err instanceof Error ? err.message : err}\n`);
    process.exitCode = 1;
  }
}
