#!/usr/bin/env node
// Start-up benchmarks against the budgets of ARCHITECTURE.md section 9, through the real ./codex
// launcher and bundle. Times never fail the run (machines differ); a command that fails does.
//
//   npm run bench                  builds, then measures
//   npm run bench -- --compare     also without the compile cache and with --enable-source-maps
//   npm run bench -- --only version|exec|apply_patch|thread_list|file_search|tui
//
// The exec turn talks to test-support's fake Responses server, imported from its tsc build
// (packages/test-support/dist, made by `npm run build`): Node's type stripping cannot load the
// TypeScript sources directly because their imports say `./x.js` where the file is `x.ts`.
// The apply_patch figure runs in this process against packages/apply-patch/dist, likewise.
// The TUI figures (scripts/bench-tui.mjs) drive the real Ink app from packages/tui/dist.
// thread/list, file search and the TUI are each measured in a child process of their own.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCommand } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const codex = path.join(root, 'codex');
const argv = process.argv.slice(2);
const compare = argv.includes('--compare');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;

const BUDGET = {
  version: { ms: 60, mib: 50 },
  exec: { ms: 250, mib: 100 },
  applyPatch: { ms: 200 },
};

/** Variants for --compare: extra environment on top of the base one. */
const VARIANTS = [
  { label: '', env: {} },
  ...(compare
    ? [
        { label: ', no compile cache', env: { CODEX_NO_COMPILE_CACHE: '1' } },
        { label: ', --enable-source-maps', env: { NODE_OPTIONS: '--enable-source-maps' } },
      ]
    : []),
];

/** A clean environment: no API keys or Node options inherited from the caller. */
function baseEnv(home, extra = {}) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CODEX_HOME: home,
    LANG: 'C.UTF-8',
    ...extra,
  };
}

async function benchVersion(rows, home) {
  for (const v of VARIANTS) {
    const r = await measureCommand({
      cmd: codex,
      args: ['--version'],
      env: baseEnv(home, v.env),
      runs: 20,
      warmups: 3,
    });
    if (!r.stdout.startsWith('codex-cli ')) throw new Error(`unexpected --version: ${r.stdout}`);
    rows.push(...figureRows(`codex --version${v.label}`, r, BUDGET.version, 20));
  }
}

async function benchExec(rows) {
  let ts;
  try {
    ts = await import('@codex-ts/test-support');
  } catch (err) {
    throw new Error(
      `cannot load @codex-ts/test-support from packages/test-support/dist (${err.message}); ` +
        'run `npm run build` first (`npm run bench` does)',
      { cause: err },
    );
  }
  const server = await ts.startFakeResponsesServer({ warnOnExhausted: false });
  const home = await mkdtemp(path.join(os.tmpdir(), 'codex-bench-home-'));
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'codex-bench-cwd-'));
  try {
    server.setDefault(
      ts.sseResponse(ts.responseCreated(), ts.outputTextMessage('hi'), ts.completed('resp_1')),
    );
    const toml = [
      'model_provider = "mock"',
      '',
      '[model_providers.mock]',
      'name = "mock"',
      `base_url = "${server.url}"`,
      'env_key = "MOCK_KEY"',
      '',
    ].join('\n');
    await writeFile(path.join(home, 'config.toml'), toml);
    for (const v of VARIANTS) {
      const r = await measureCommand({
        cmd: codex,
        args: ['exec', '--skip-git-repo-check', 'hello'],
        env: baseEnv(home, { MOCK_KEY: 'dummy', ...v.env }),
        cwd,
        runs: 10,
        warmups: 2,
      });
      if (!r.stdout.includes('hi'))
        throw new Error(`codex exec did not print the reply:\n${r.stdout}`);
      rows.push(...figureRows(`codex exec one-message turn${v.label}`, r, BUDGET.exec, 10));
    }
    if (server.modelRequests().length === 0) throw new Error('the fake server saw no request');
  } finally {
    await server.close();
    await rm(home, { recursive: true, force: true });
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * apply_patch on a 5 MB file (100,000 lines) with one Update File hunk of 1,000 chunks, each with
 * three lines of context on both sides: parse + read + locate + rewrite + atomic write, in
 * process, median of several runs (the file is restored between runs, untimed).
 */
async function benchApplyPatch(rows) {
  let ap;
  try {
    ap = await import('@codex-ts/apply-patch');
  } catch (err) {
    throw new Error(
      `cannot load @codex-ts/apply-patch from packages/apply-patch/dist (${err.message}); ` +
        'run `npm run build` first (`npm run bench` does)',
      { cause: err },
    );
  }
  const LINES = 100_000;
  const HUNKS = 1_000;
  const lines = Array.from(
    { length: LINES },
    (_, i) => `    line ${String(i).padStart(6, '0')}: const value = compute(${i % 97}, "x"); // c`,
  );
  const original = `${lines.join('\n')}\n`;
  const expected = [...lines];
  const body = ['*** Begin Patch', '*** Update File: big.txt'];
  const step = LINES / HUNKS;
  for (let h = 0; h < HUNKS; h++) {
    const at = h * step + Math.floor(step / 2);
    const changed = `${lines[at]} // edited ${h}`;
    expected[at] = changed;
    body.push(
      '@@',
      ...lines.slice(at - 3, at).map((l) => ` ${l}`),
      `-${lines[at]}`,
      `+${changed}`,
      ...lines.slice(at + 1, at + 4).map((l) => ` ${l}`),
    );
  }
  body.push('*** End Patch');
  const patchText = body.join('\n');
  const want = `${expected.join('\n')}\n`;

  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-bench-apply-patch-'));
  const file = path.join(dir, 'big.txt');
  const runs = 9;
  const times = [];
  try {
    for (let i = 0; i < runs + 2; i++) {
      await writeFile(file, original);
      const start = performance.now();
      await ap.applyPatch(ap.parsePatch(patchText), dir, ap.nodePatchFs());
      const ms = performance.now() - start;
      if (i >= 2) times.push(ms);
      if (i === 0 && (await readFile(file, 'utf8')) !== want) {
        throw new Error('apply_patch bench: the patched file is not what it should be');
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const mib = (Buffer.byteLength(original) / 1024 / 1024).toFixed(1);
  rows.push({
    figure: `apply_patch: ${HUNKS.toLocaleString('en-US')}-hunk patch on a 5 MB file (${mib} MiB), in process (median of ${runs})`,
    measured: `${median.toFixed(1)} ms (min ${times[0].toFixed(1)})`,
    budget: `<= ${BUDGET.applyPatch.ms} ms`,
    status: median <= BUDGET.applyPatch.ms ? 'ok' : 'over',
  });
}

function figureRows(name, r, budget, runs) {
  return [
    {
      figure: `${name}: wall (median of ${runs})`,
      measured: `${r.medianMs.toFixed(1)} ms (min ${r.minMs.toFixed(1)})`,
      budget: `<= ${budget.ms} ms`,
      status: r.medianMs <= budget.ms ? 'ok' : 'over',
    },
    {
      figure: `${name}: peak RSS`,
      measured: `${r.peakRssMiB.toFixed(1)} MiB`,
      budget: `<= ${budget.mib} MiB`,
      status: r.peakRssMiB <= budget.mib ? 'ok' : 'over',
      method: r.rssMethod,
    },
  ];
}

function printTable(rows) {
  const head = { figure: 'figure', measured: 'measured', budget: 'budget', status: 'ok/over' };
  const cols = ['figure', 'measured', 'budget', 'status'];
  const width = Object.fromEntries(
    cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))]),
  );
  const line = (r) => `| ${cols.map((c) => r[c].padEnd(width[c])).join(' | ')} |`;
  const rule = `|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`;
  process.stdout.write([line(head), rule, ...rows.map(line)].join('\n') + '\n');
}

/** The groups measured inside a Node process (not through ./codex), and their modules. */
const IN_PROCESS = {
  thread_list: async (rows) => (await import('./bench-thread-list.mjs')).benchThreadList(rows),
  file_search: async (rows) => (await import('./bench-file-search.mjs')).benchFileSearch(rows),
  tui: async (rows) => (await import('./bench-tui.mjs')).benchTui(rows),
};

/**
 * Runs an in-process group in a process of its own, so that what one group leaves on the heap
 * (the file search's 100,000-path index) is not collected while another is timed; its rows
 * come back as JSON (`--rows-json`).
 */
async function benchIsolated(rows, group) {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [script, '--only', group, '--rows-json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  // The last line that is our JSON (a library may write a terminal reset after it at exit).
  const last = out
    .split('\n')
    .reverse()
    .find((line) => line.startsWith('{"rows"'));
  let parsed;
  try {
    parsed = JSON.parse(last ?? '');
  } catch {
    throw new Error(`bench ${group}: no rows came back (exit ${code}): ${out.slice(-500)}`);
  }
  rows.push(...parsed.rows);
  if (parsed.error) throw new Error(parsed.error);
}

const rowsJson = argv.includes('--rows-json');
const rows = [];
let failure;
const home = await mkdtemp(path.join(os.tmpdir(), 'codex-bench-version-'));
try {
  const want = (name) => only === undefined || only === name;
  if (want('version')) await benchVersion(rows, home);
  if (want('exec')) await benchExec(rows);
  if (want('apply_patch')) await benchApplyPatch(rows);
  for (const [group, bench] of Object.entries(IN_PROCESS)) {
    if (!want(group)) continue;
    if (rowsJson) await bench(rows);
    else await benchIsolated(rows, group);
  }
} catch (err) {
  failure = err;
} finally {
  await rm(home, { recursive: true, force: true });
}
if (rowsJson) {
  const error = failure ? String(failure instanceof Error ? failure.message : failure) : null;
  process.stdout.write(`\n${JSON.stringify({ rows, error })}\n`);
  process.exit(failure ? 1 : 0);
}
if (rows.length > 0) printTable(rows);
const method = rows.find((r) => r.method)?.method;
process.stdout.write(
  `node ${process.version}, ${os.cpus().length} CPU(s)` +
    (method ? `, peak RSS by ${method}` : '') +
    '. Budgets from ARCHITECTURE.md section 9; times never fail the run.\n',
);
if (failure) {
  process.stderr.write(`bench: ${failure instanceof Error ? failure.message : failure}\n`);
  process.exitCode = 1;
}
