import { existsSync } from 'node:fs';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShellCommandTool, createShellTool } from '../../src/tools/shell/shell-tool.js';
import type { ToolResult } from '../../src/tools/tool-types.js';
import {
  commandItems,
  deltaText,
  fakeToolContext,
  type RecordingContext,
} from './fake-tool-context.js';
import { waitUntilDead } from './unified-exec-helpers.js';

let dir: string;
let rec: RecordingContext;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'shell-tools-')));
  rec = fakeToolContext({ cwd: dir });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const call = (args: unknown): { kind: 'function'; arguments: string } => ({
  kind: 'function',
  arguments: JSON.stringify(args),
});

function shellCommand(args: Record<string, unknown>, limit?: number): Promise<ToolResult> {
  const tool = createShellCommandTool(
    limit === undefined ? {} : { truncation: { kind: 'tokens', limit } },
  );
  return tool.handle(call(args), rec.ctx);
}

const FREEFORM =
  /^Exit code: (-?\d+)\nWall time: (\d+(?:\.\d)?) seconds\n(?:Total output lines: (\d+)\n)?Output:\n([\s\S]*)$/;

function parseFreeform(output: string): {
  exitCode: number;
  totalLines: number | null;
  body: string;
} {
  const m = FREEFORM.exec(output);
  if (!m) throw new Error(`unexpected shell_command layout:\n${output}`);
  return {
    exitCode: Number(m[1]),
    totalLines: m[3] === undefined ? null : Number(m[3]),
    body: m[4] ?? '',
  };
}

describe('shell_command', () => {
  it('runs a script in the user shell and answers in the freeform layout', async () => {
    const result = await shellCommand({ command: 'echo hello > out.txt && cat out.txt' });
    expect(result.success).toBe(true);
    expect(parseFreeform(result.output)).toEqual({
      exitCode: 0,
      totalLines: null,
      body: 'hello\n',
    });
    expect(await readFile(join(dir, 'out.txt'), 'utf8')).toBe('hello\n');

    const [started, completed] = commandItems(rec.events);
    expect(started).toMatchObject({
      id: 'call_1',
      command: "/bin/bash -lc 'echo hello > out.txt && cat out.txt'",
      cwd: dir,
      processId: null,
      source: 'agent',
      status: 'inProgress',
    });
    expect(completed).toMatchObject({
      status: 'completed',
      exitCode: 0,
      aggregatedOutput: 'hello\n',
      processId: null,
      source: 'agent',
    });
    expect(deltaText(rec.events)).toBe('hello\n');
  });

  it('reports failures and honours login: false and workdir', async () => {
    const result = await shellCommand({ command: 'pwd; exit 3', login: false, workdir: '/' });
    expect(result.success).toBe(false);
    expect(parseFreeform(result.output)).toMatchObject({ exitCode: 3, body: '/\n' });
    expect(commandItems(rec.events)[0]?.command).toBe("/bin/bash -c 'pwd; exit 3'");
    expect(commandItems(rec.events)[1]).toMatchObject({ status: 'failed', exitCode: 3 });
  });

  it('kills the process group at timeout_ms and says so', async () => {
    const result = await shellCommand({
      command: 'sleep 30 & echo $! > child.pid; echo waiting; wait',
      timeout_ms: 300,
      login: false,
    });
    expect(parseFreeform(result.output)).toEqual({
      exitCode: 124,
      totalLines: null,
      body: 'command timed out after 300 milliseconds\nwaiting\n',
    });
    expect(result.success).toBe(false);
    expect(commandItems(rec.events)[1]).toMatchObject({
      status: 'failed',
      exitCode: 124,
      aggregatedOutput: 'waiting\n',
    });
    const child = Number((await readFile(join(dir, 'child.pid'), 'utf8')).trim());
    expect(await waitUntilDead(child, 2000)).toBe(true);
  });

  it('cuts long output in the middle and gives the total line count', async () => {
    const result = await shellCommand({ command: 'seq 1 2000', login: false }, 100);
    const { exitCode, totalLines, body } = parseFreeform(result.output);
    expect(exitCode).toBe(0);
    expect(totalLines).toBe(2000);
    expect(body.startsWith('1\n2\n3\n')).toBe(true);
    expect(body).toMatch(/…\d+ tokens truncated…/);
    expect(body.endsWith('1999\n2000\n')).toBe(true);
  });

  it('applies an apply_patch heredoc as a patch instead of running it', async () => {
    const patch = '*** Begin Patch\n*** Add File: hello.txt\n+hi\n*** End Patch';
    const result = await shellCommand({ command: `apply_patch <<'EOF'\n${patch}\nEOF` });
    expect(result.success).toBe(true);
    expect(await readFile(join(dir, 'hello.txt'), 'utf8')).toBe('hi\n');
    expect(commandItems(rec.events)).toEqual([]);
  });

  it('refuses escalation when the approval policy cannot ask', async () => {
    await expect(
      shellCommand({ command: 'ls', sandbox_permissions: 'require_escalated' }),
    ).rejects.toThrow(/^approval policy is Never; reject command/);
    expect(rec.events).toEqual([]);
  });

  it('runs inside the sandbox', async () => {
    rec = fakeToolContext({ cwd: dir, sandboxMode: 'read-only' });
    const result = await shellCommand({ command: 'touch created.txt' });
    expect(parseFreeform(result.output).exitCode).not.toBe(0);
    expect(existsSync(join(dir, 'created.txt'))).toBe(false);
  });
});

describe('shell', () => {
  it('runs an argv and answers with the JSON layout', async () => {
    const result = await createShellTool().handle(
      call({ command: ['bash', '-c', 'echo out; echo err >&2; exit 3'], workdir: dir }),
      rec.ctx,
    );
    expect(result.success).toBe(false);
    expect(result.output).toMatch(
      /^\{"output":"out\\nerr\\n","metadata":\{"exit_code":3,"duration_seconds":\d+\.\d\}\}$/,
    );
    const parsed = JSON.parse(result.output) as { output: string; metadata: unknown };
    expect(parsed.output).toBe('out\nerr\n');
    expect(commandItems(rec.events)[0]).toMatchObject({
      command: "bash -c 'echo out; echo err >&2; exit 3'",
      source: 'agent',
      processId: null,
    });
  });

  it('kills at timeout_ms with exit code 124', async () => {
    const result = await createShellTool().handle(
      call({ command: ['sleep', '30'], timeout_ms: 250 }),
      rec.ctx,
    );
    const parsed = JSON.parse(result.output) as {
      output: string;
      metadata: { exit_code: number };
    };
    expect(parsed.metadata.exit_code).toBe(124);
    expect(parsed.output).toBe('command timed out after 250 milliseconds\n');
  });

  it('rejects a command that is not an array of strings', async () => {
    await expect(createShellTool().handle(call({ command: 'ls' }), rec.ctx)).rejects.toThrow(
      'failed to parse function arguments: invalid type for `command`: expected an array of strings',
    );
    await expect(createShellTool().handle(call({}), rec.ctx)).rejects.toThrow(
      'failed to parse function arguments: missing field `command`',
    );
  });

  it('reports a program that cannot start', async () => {
    await expect(
      createShellTool().handle(call({ command: ['/nonexistent/prog'] }), rec.ctx),
    ).rejects.toThrow(/^shell failed for `\/nonexistent\/prog`: .*ENOENT/);
    expect(commandItems(rec.events).map((i) => i.status)).toEqual(['inProgress', 'failed']);
  });
});
