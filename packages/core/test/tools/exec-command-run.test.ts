import { mkdtemp, mkdir, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandItems, deltaText, eventMethods, fakeToolContext } from './fake-tool-context.js';
import {
  execCommand as run,
  isAlive,
  parseUnifiedExec,
  waitUntilDead,
} from './unified-exec-helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'exec-command-')));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The output of a command that ended: exit code, token count and output text. */
function parseOutput(output: string): { exitCode: number; tokens: number; body: string } {
  const { exitCode, tokens, body } = parseUnifiedExec(output);
  if (exitCode === null) throw new Error(`expected an ended command:\n${output}`);
  return { exitCode, tokens, body };
}

describe('exec_command: running commands', () => {
  it('runs a command through a login shell and reports it in the unified exec layout', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const result = await run(rec, { cmd: 'echo hello > out.txt && cat out.txt' });

    expect(result.success).toBe(true);
    expect(parseOutput(result.output)).toEqual({ exitCode: 0, tokens: 2, body: 'hello\n' });
    expect(await readFile(join(dir, 'out.txt'), 'utf8')).toBe('hello\n');

    expect(eventMethods(rec.events)[0]).toBe('item/started');
    expect(eventMethods(rec.events).at(-1)).toBe('item/completed');
    const [started, completed] = commandItems(rec.events);
    expect(started).toEqual({
      type: 'commandExecution',
      id: 'call_1',
      command: "/bin/bash -lc 'echo hello > out.txt && cat out.txt'",
      cwd: dir,
      processId: expect.stringMatching(/^\d+$/) as unknown as string,
      source: 'unifiedExecStartup',
      status: 'inProgress',
      commandActions: [
        { type: 'unknown', command: "/bin/bash -lc 'echo hello > out.txt && cat out.txt'" },
      ],
      aggregatedOutput: null,
      exitCode: null,
      durationMs: null,
    });
    expect(completed).toMatchObject({
      status: 'completed',
      exitCode: 0,
      aggregatedOutput: 'hello\n',
    });
    expect(typeof completed?.durationMs).toBe('number');
    // The item names the session id the command ran under, from start to end.
    expect(completed?.processId).toBe(started?.processId);
    expect(rec.ctx.services.execSessions.size).toBe(0);
    expect(deltaText(rec.events)).toBe('hello\n');

    const first = rec.events[0];
    expect(first?.method === 'item/started' && first.params).toMatchObject({
      threadId: 'thread_1',
      turnId: 'turn_1',
    });
    expect(first?.method === 'item/started' && typeof first.params.startedAtMs).toBe('number');
  });

  it('reports a non-zero exit code as failed', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const result = await run(rec, { cmd: 'echo bye; exit 3', login: false });
    expect(result.success).toBe(false);
    expect(parseOutput(result.output)).toMatchObject({ exitCode: 3, body: 'bye\n' });
    expect(commandItems(rec.events)[1]).toMatchObject({ status: 'failed', exitCode: 3 });
    expect(commandItems(rec.events)[0]?.command).toBe("/bin/bash -c 'echo bye; exit 3'");
  });

  it('interleaves stdout and stderr in arrival order', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const cmd = 'echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three';
    const result = await run(rec, { cmd, login: false });
    expect(parseOutput(result.output).body).toBe('one\ntwo\nthree\n');
    expect(commandItems(rec.events)[1]?.aggregatedOutput).toBe('one\ntwo\nthree\n');
    expect(deltaText(rec.events)).toBe('one\ntwo\nthree\n');
  });

  it('resolves workdir against the turn cwd and passes the turn env plus exec defaults', async () => {
    await mkdir(join(dir, 'sub'));
    const rec = fakeToolContext({
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', MY_VAR: 'x1' },
    });
    const result = await run(rec, {
      cmd: 'pwd; echo "$MY_VAR $TERM $NO_COLOR $PAGER"',
      workdir: 'sub',
      login: false,
    });
    expect(parseOutput(result.output).body).toBe(`${join(dir, 'sub')}\nx1 dumb 1 cat\n`);
    expect(commandItems(rec.events)[0]?.cwd).toBe(join(dir, 'sub'));
  });

  it('keeps a command still running at the yield deadline as a session', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const result = await run(rec, {
      cmd: 'sleep 30 & echo $! > child.pid; echo $$ > shell.pid; echo waiting; wait',
      login: false,
      yield_time_ms: 300,
    });
    const m =
      /^Chunk ID: [0-9a-f]{6}\nWall time: \d+\.\d{4} seconds\nProcess running with session ID (\d+)\nOriginal token count: 2\nOutput:\nwaiting\n$/.exec(
        result.output,
      );
    expect(m, result.output).not.toBeNull();
    expect(result.success).toBe(true);
    const sessions = rec.ctx.services.execSessions;
    expect(sessions.size).toBe(1);
    const items = commandItems(rec.events);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'inProgress', processId: m?.[1] });

    const childPid = Number((await readFile(join(dir, 'child.pid'), 'utf8')).trim());
    const shellPid = Number((await readFile(join(dir, 'shell.pid'), 'utf8')).trim());
    expect(isAlive(childPid)).toBe(true);
    await sessions.terminateAll();
    expect(await waitUntilDead(childPid, 2000)).toBe(true);
    expect(await waitUntilDead(shellPid, 2000)).toBe(true);
    // The item completes when the killed command is gone.
    expect(commandItems(rec.events)[1]).toMatchObject({ status: 'failed', exitCode: -1 });
  });

  it('rejects promptly when the turn is aborted and leaves the command running', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const reason = new Error('turn interrupted');
    setTimeout(() => rec.controller.abort(reason), 300);
    const started = Date.now();
    await expect(
      run(rec, {
        cmd: 'sleep 20 & echo $! > child.pid; wait',
        login: false,
        yield_time_ms: 20_000,
      }),
    ).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(3000);
    // As in the Rust Codex an interrupt does not kill the session; shutdown does.
    const sessions = rec.ctx.services.execSessions;
    expect(sessions.size).toBe(1);
    expect(commandItems(rec.events)).toHaveLength(1);
    const childPid = Number((await readFile(join(dir, 'child.pid'), 'utf8')).trim());
    expect(isAlive(childPid)).toBe(true);
    await sessions.terminateAll();
    expect(await waitUntilDead(childPid, 2000)).toBe(true);
    expect(commandItems(rec.events)[1]).toMatchObject({ status: 'failed' });
  });

  it('truncates long output to max_output_tokens, keeping head and tail', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const result = await run(rec, { cmd: 'seq 1 20000', login: false, max_output_tokens: 100 });
    const full = Array.from({ length: 20000 }, (_, i) => `${i + 1}\n`).join('');
    const { tokens, body } = parseOutput(result.output);
    expect(tokens).toBe(Math.ceil(Buffer.byteLength(full) / 4));
    expect(
      body.startsWith(
        `Warning: truncated output (original token count: ${tokens})\nTotal output lines: 20000\n\n1\n2\n3\n`,
      ),
    ).toBe(true);
    expect(body).toMatch(/…\d+ tokens truncated…/);
    expect(body.endsWith('19999\n20000\n')).toBe(true);
    expect(body.length).toBeLessThan(600);
    expect(commandItems(rec.events)[1]?.aggregatedOutput).toBe(full);
  });

  it('caps the output kept in memory', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const result = await run(rec, {
      cmd: "head -c 3000000 /dev/zero | tr '\\0' a; echo END",
      login: false,
    });
    expect(parseOutput(result.output).exitCode).toBe(0);
    const aggregated = commandItems(rec.events)[1]?.aggregatedOutput ?? '';
    const half = 512 * 1024;
    expect(aggregated).toBe(
      `${'a'.repeat(half)}\n... ${3_000_004 - 2 * half} bytes omitted ...\n${'a'.repeat(half - 4)}END\n`,
    );
  });

  it('decodes UTF-8 across chunk boundaries and replaces invalid bytes', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const cmd = "printf 'a\\377b '; printf '\\342'; sleep 0.2; printf '\\202\\254\\n'";
    const result = await run(rec, { cmd, login: false });
    expect(parseOutput(result.output).body).toBe('a\uFFFDb €\n');
    expect(deltaText(rec.events)).toBe('a\uFFFDb €\n');
    expect(commandItems(rec.events)[1]?.aggregatedOutput).toBe('a\uFFFDb €\n');
  });
});
