import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ToolCallError } from '../../src/tools/tool-types.js';
import {
  commandItems,
  deltaText,
  fakeToolContext,
  type RecordingContext,
} from './fake-tool-context.js';
import {
  execCommand,
  isAlive,
  parseUnifiedExec,
  waitUntilDead,
  writeStdin,
} from './unified-exec-helpers.js';

let dir: string;
let rec: RecordingContext;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'unified-exec-')));
  rec = fakeToolContext({ cwd: dir });
});
afterEach(async () => {
  await rec.ctx.services.execSessions.terminateAll();
  await rm(dir, { recursive: true, force: true });
});

/** A script that prints, then blocks until the test creates `go`, then prints again. */
const GATED = 'echo first; while [ ! -e go ]; do sleep 0.02; done; echo second; exit 7';

describe('unified exec sessions (pipes)', () => {
  it('keeps a running command as a session that write_stdin polls until it exits', async () => {
    const started = parseUnifiedExec(
      (await execCommand(rec, { cmd: GATED, login: false, yield_time_ms: 300 })).output,
    );
    expect(started).toMatchObject({ exitCode: null, body: 'first\n', tokens: 2 });
    const id = started.sessionId;
    expect(id).toBeGreaterThanOrEqual(1000);
    expect(id).toBeLessThan(100_000);
    expect(commandItems(rec.events)).toHaveLength(1);
    expect(commandItems(rec.events)[0]).toMatchObject({
      status: 'inProgress',
      processId: String(id),
      source: 'unifiedExecStartup',
    });

    await writeFile(join(dir, 'go'), '');
    // An empty poll waits up to its yield time but returns as soon as the command ends.
    const polled = await writeStdin(rec, { session_id: id, yield_time_ms: 20_000 });
    expect(parseUnifiedExec(polled.output)).toEqual({
      exitCode: 7,
      sessionId: null,
      tokens: 2,
      body: 'second\n',
    });
    expect(polled.success).toBe(false);

    // The item of the exec_command call completes with everything the command printed.
    const items = commandItems(rec.events);
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({
      id: 'call_1',
      status: 'failed',
      exitCode: 7,
      processId: String(id),
      aggregatedOutput: 'first\nsecond\n',
    });
    expect(deltaText(rec.events)).toBe('first\nsecond\n');

    // The finished session is gone.
    const again = await writeStdin(rec, { session_id: id }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ToolCallError);
    expect((again as Error).message).toBe(`write_stdin failed: Unknown process id ${id}`);
    expect(rec.ctx.services.execSessions.size).toBe(0);
  });

  it('reports an unknown session id to the model', async () => {
    await expect(writeStdin(rec, { session_id: 424242 })).rejects.toThrow(
      new ToolCallError('write_stdin failed: Unknown process id 424242'),
    );
  });

  it('refuses input for a session without a terminal, whose stdin is closed', async () => {
    const started = parseUnifiedExec(
      (
        await execCommand(rec, {
          cmd: 'tty; while [ ! -e go ]; do sleep 0.02; done',
          login: false,
          yield_time_ms: 300,
        })
      ).output,
    );
    expect(started.body).toBe('not a tty\n');
    await expect(
      writeStdin(rec, { session_id: started.sessionId, chars: 'hello\n' }),
    ).rejects.toThrow(
      'write_stdin failed: stdin is closed for this session; rerun exec_command with tty=true to keep stdin open',
    );
    // The session is still there.
    await writeFile(join(dir, 'go'), '');
    const done = await writeStdin(rec, { session_id: started.sessionId, yield_time_ms: 20_000 });
    expect(parseUnifiedExec(done.output)).toMatchObject({ exitCode: 0, body: '' });
  });

  it('terminating the sessions kills their whole process groups', async () => {
    const started = parseUnifiedExec(
      (
        await execCommand(rec, {
          cmd: 'sleep 30 & echo $! > child.pid; echo ready; wait',
          login: false,
          yield_time_ms: 300,
        })
      ).output,
    );
    expect(started).toMatchObject({ exitCode: null, body: 'ready\n' });
    const child = Number((await readFile(join(dir, 'child.pid'), 'utf8')).trim());
    expect(isAlive(child)).toBe(true);
    await rec.ctx.services.execSessions.terminateAll();
    expect(await waitUntilDead(child, 2000)).toBe(true);
    expect(commandItems(rec.events)[1]).toMatchObject({ status: 'failed', exitCode: -1 });
  });

  it('a command that ends within the call leaves no session behind', async () => {
    const result = await execCommand(rec, { cmd: 'echo done', login: false });
    expect(parseUnifiedExec(result.output)).toMatchObject({ exitCode: 0, body: 'done\n' });
    expect(rec.ctx.services.execSessions.size).toBe(0);
  });
});

describe('unified exec sessions (tty)', () => {
  it('runs the command on a pseudo-terminal', async () => {
    const result = await execCommand(rec, { cmd: 'tty', tty: true, login: false });
    const out = parseUnifiedExec(result.output);
    expect(out.exitCode).toBe(0);
    expect(out.body).toMatch(/^\/dev\/pts\/\d+\r?\n$/);
  });

  it('feeds an interactive program through write_stdin', async () => {
    const started = parseUnifiedExec(
      (
        await execCommand(rec, {
          cmd: 'read -r line; echo "got:$line"; read -r more; echo "then:$more"',
          tty: true,
          login: false,
          yield_time_ms: 300,
        })
      ).output,
    );
    expect(started.exitCode).toBeNull();
    const id = started.sessionId;

    const first = parseUnifiedExec(
      (await writeStdin(rec, { session_id: id, chars: 'hello\n', yield_time_ms: 2000 })).output,
    );
    expect(first.sessionId).toBe(id);
    // The terminal echoes the input, then the program answers.
    expect(first.body).toContain('got:hello');

    const second = parseUnifiedExec(
      (await writeStdin(rec, { session_id: id, chars: 'world\n', yield_time_ms: 20_000 })).output,
    );
    expect(second.exitCode).toBe(0);
    expect(second.body).toContain('then:world');
    expect(second.body).not.toContain('got:hello');
    expect(commandItems(rec.events)[1]).toMatchObject({ status: 'completed', exitCode: 0 });
  });

  it('cat echoes lines and ends at Ctrl-D', async () => {
    const started = parseUnifiedExec(
      (await execCommand(rec, { cmd: 'cat', tty: true, login: false, yield_time_ms: 300 })).output,
    );
    const id = started.sessionId;
    const out = parseUnifiedExec(
      (
        await writeStdin(rec, {
          session_id: id,
          chars: 'ping\n\u0004',
          yield_time_ms: 20_000,
        })
      ).output,
    );
    expect(out.exitCode).toBe(0);
    // Once echoed by the terminal, once written back by cat.
    expect(out.body.match(/ping/g)).toHaveLength(2);
  });
});
