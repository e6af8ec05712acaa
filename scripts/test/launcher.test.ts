// The ./codex launcher (and ./apply_patch, a symlink to it that dispatches on its name), run in
// a fake repo whose "node" just prints what it was given.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const LAUNCHER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../codex');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repo holding the launcher as `name`, a fake pinned node, and an empty bundle `entry`. */
function fakeRepo({ node = true, bundle = true, name = 'codex', entry = 'codex.js' } = {}) {
  const base = mkdtempSync(path.join(os.tmpdir(), `${name}-launcher-`));
  dirs.push(base);
  const repo = path.join(base, 'repo');
  mkdirSync(repo);
  copyFileSync(LAUNCHER, path.join(repo, name));
  chmodSync(path.join(repo, name), 0o755);
  if (node) {
    const bin = path.join(repo, 'node_modules/node/bin/node');
    mkdirSync(path.dirname(bin), { recursive: true });
    writeFileSync(
      bin,
      '#!/bin/sh\necho "cache=$NODE_COMPILE_CACHE"\nfor a; do echo "arg=$a"; done\n',
    );
    chmodSync(bin, 0o755);
  }
  if (bundle) {
    const js = path.join(repo, 'packages/cli/dist/bundle', entry);
    mkdirSync(path.dirname(js), { recursive: true });
    writeFileSync(js, '');
  }
  return { base, repo };
}

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string) =>
  spawnSync(cmd, args, {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH, ...env },
  });

describe('./codex launcher', () => {
  it('runs the bundle on the pinned node with the arguments, through chained symlinks', () => {
    const { base, repo } = fakeRepo();
    mkdirSync(path.join(base, 'bin'));
    mkdirSync(path.join(base, 'bin2'));
    symlinkSync(path.join(repo, 'codex'), path.join(base, 'bin/codex'));
    symlinkSync('../bin/codex', path.join(base, 'bin2/codex'));
    const res = run(path.join(base, 'bin2/codex'), ['exec', 'two words']);
    expect(res.status).toBe(0);
    expect(res.stdout.split('\n')).toEqual([
      `cache=${repo}/node_modules/.cache/codex-compile-cache`,
      'arg=--min-semi-space-size=16',
      `arg=${repo}/packages/cli/dist/bundle/codex.js`,
      'arg=exec',
      'arg=two words',
      '',
    ]);
  });

  it('gives only `codex exec` (alias `e`) a young generation for a whole turn', () => {
    const { repo } = fakeRepo();
    const cmd = path.join(repo, 'codex');
    expect(run(cmd, ['e', 'hi']).stdout).toContain('arg=--min-semi-space-size=16\n');
    for (const args of [['--version'], [], ['resume'], ['-c', 'x=1', 'app-server']]) {
      expect(run(cmd, args).stdout).not.toContain('semi-space');
    }
  });

  it('uses absolute paths when started by a relative path', () => {
    const { repo } = fakeRepo();
    const res = run('sh', ['codex', '--version'], {}, repo);
    expect(res.stdout).toContain(`cache=${repo}/./node_modules/.cache/codex-compile-cache`);
  });

  it('keeps a NODE_COMPILE_CACHE the caller set, and can turn the cache off', () => {
    const { repo } = fakeRepo();
    const cmd = path.join(repo, 'codex');
    expect(run(cmd, [], { NODE_COMPILE_CACHE: '/elsewhere' }).stdout).toContain(
      'cache=/elsewhere\n',
    );
    expect(run(cmd, [], { CODEX_NO_COMPILE_CACHE: '1' }).stdout).toContain('cache=\n');
  });

  it('says what to run when node or the bundle is missing', () => {
    const noNode = fakeRepo({ node: false });
    const a = run(path.join(noNode.repo, 'codex'), ['--version']);
    expect(a.status).toBe(127);
    expect(a.stderr).toContain("run 'npm ci && npm run build'");
    const noBundle = fakeRepo({ bundle: false });
    const b = run(path.join(noBundle.repo, 'codex'), ['--version']);
    expect(b.status).toBe(127);
    expect(b.stderr).toContain("run 'npm run build'");
  });
});

describe('./apply_patch launcher', () => {
  const applyPatchRepo = (opts: { node?: boolean; bundle?: boolean } = {}) =>
    fakeRepo({ ...opts, name: 'apply_patch', entry: 'apply_patch.js' });

  it('runs apply_patch.js on the pinned node with the patch argument, through a symlink', () => {
    const { base, repo } = applyPatchRepo();
    mkdirSync(path.join(base, 'bin'));
    symlinkSync(path.join(repo, 'apply_patch'), path.join(base, 'bin/apply_patch'));
    const patch = '*** Begin Patch\n*** Add File: a b\n+x\n*** End Patch';
    const res = run(path.join(base, 'bin/apply_patch'), [patch]);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(
      `cache=${repo}/node_modules/.cache/codex-compile-cache\n` +
        `arg=${repo}/packages/cli/dist/bundle/apply_patch.js\narg=${patch}\n`,
    );
    expect(
      run(path.join(repo, 'apply_patch'), [], { CODEX_NO_COMPILE_CACHE: '1' }).stdout,
    ).toContain('cache=\n');
  });

  it('says what to run when node or the bundle is missing', () => {
    const noNode = run(path.join(applyPatchRepo({ node: false }).repo, 'apply_patch'), ['x']);
    expect(noNode.status).toBe(127);
    expect(noNode.stderr).toContain("apply_patch: run 'npm ci && npm run build'");
    const noBundle = run(path.join(applyPatchRepo({ bundle: false }).repo, 'apply_patch'), ['x']);
    expect(noBundle.status).toBe(127);
    expect(noBundle.stderr).toContain("apply_patch: run 'npm run build'");
  });
});
