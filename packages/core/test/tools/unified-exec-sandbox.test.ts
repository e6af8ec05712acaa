import { existsSync } from 'node:fs';
import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeToolContext, type RecordingContext } from './fake-tool-context.js';
import { execCommand, parseUnifiedExec, writeStdin } from './unified-exec-helpers.js';

let dir: string;
let rec: RecordingContext;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'unified-exec-sandbox-')));
  rec = fakeToolContext({ cwd: dir, sandboxMode: 'workspace-write' });
});
afterEach(async () => {
  await rec.ctx.services.execSessions.terminateAll();
  await rm(dir, { recursive: true, force: true });
});

describe('unified exec sessions in the sandbox', () => {
  it('a tty session runs inside the sandbox with its network filter', async () => {
    const trampolineDirs = async (): Promise<string[]> =>
      (await readdir(tmpdir())).filter((name) => name.startsWith('codex-pty-fds-'));
    const before = await trampolineDirs();
    const script = [
      // bwrap mounts its own /dev: the terminal shows up there as /dev/console.
      'tty -s && echo on-a-terminal',
      'echo "sandbox=$CODEX_SANDBOX net=$CODEX_SANDBOX_NETWORK_DISABLED"',
      'touch inside.txt',
      'touch /var/tmp/codex-ts-outside-$$ 2>/dev/null && echo outside-written',
      '(exec 3<>/dev/tcp/127.0.0.1/9) 2>&1 | tail -n 1',
    ].join('; ');
    const out = parseUnifiedExec(
      (await execCommand(rec, { cmd: script, tty: true, login: false, yield_time_ms: 20_000 }))
        .output,
    );
    expect(out.exitCode).toBe(0);
    expect(out.body).toMatch(/^on-a-terminal\r\n/);
    expect(out.body).toMatch(/sandbox=(bwrap|landlock) net=1/);
    expect(existsSync(join(dir, 'inside.txt'))).toBe(true);
    expect(out.body).not.toContain('outside-written');
    // The seccomp filter (passed to bwrap on fd 3 through the PTY trampoline) denies sockets.
    if (out.body.includes('sandbox=bwrap')) expect(out.body).toContain('Operation not permitted');
    // The descriptor files of the trampoline are gone once the command has ended.
    expect(await trampolineDirs()).toEqual(before);
  });

  it('an interactive sandboxed session takes input', async () => {
    const started = parseUnifiedExec(
      (
        await execCommand(rec, {
          cmd: 'read -r name; echo "hi $name" > greeting.txt; cat greeting.txt',
          tty: true,
          login: false,
          yield_time_ms: 300,
        })
      ).output,
    );
    expect(started.sessionId).not.toBeNull();
    const done = parseUnifiedExec(
      (
        await writeStdin(rec, {
          session_id: started.sessionId,
          chars: 'codex\n',
          yield_time_ms: 20_000,
        })
      ).output,
    );
    expect(done.exitCode).toBe(0);
    expect(done.body).toContain('hi codex');
  });
});
