import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExecCommandTool } from '../../src/tools/exec-command/exec-command-tool.js';
import { ToolRouter } from '../../src/tools/tool-router.js';
import { ToolCallError } from '../../src/tools/tool-types.js';
import { commandItems, fakeToolContext } from './fake-tool-context.js';

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'exec-guard-')));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tool = createExecCommandTool();
const call = (args: unknown): { kind: 'function'; arguments: string } => ({
  kind: 'function',
  arguments: typeof args === 'string' ? args : JSON.stringify(args),
});

describe('exec_command: inside the sandbox', () => {
  it('read-only: the command runs but cannot write', async () => {
    const rec = fakeToolContext({ cwd: dir, sandboxMode: 'read-only' });
    const result = await tool.handle(call({ cmd: 'touch created.txt' }), rec.ctx);
    expect(result.success).toBe(false);
    expect(result.output).toMatch(/Process exited with code [1-9]/);
    expect(result.output).toMatch(/Read-only file system|Permission denied/);
    expect(existsSync(join(dir, 'created.txt'))).toBe(false);
    const [started, completed] = commandItems(rec.events);
    expect(started).toMatchObject({
      status: 'inProgress',
      command: "/bin/bash -lc 'touch created.txt'",
    });
    expect(completed).toMatchObject({ status: 'failed' });
  });

  it('workspace-write: writes in the cwd succeed, writes outside the roots fail', async () => {
    const outside = await realpath(await mkdtemp('/var/tmp/exec-guard-outside-'));
    try {
      const rec = fakeToolContext({ cwd: dir, sandboxMode: 'workspace-write' });
      const result = await tool.handle(
        call({
          cmd: `echo in > inside.txt; echo out > ${outside}/x.txt; echo "net=$CODEX_SANDBOX_NETWORK_DISABLED sandbox=$CODEX_SANDBOX"`,
        }),
        rec.ctx,
      );
      expect(existsSync(join(dir, 'inside.txt'))).toBe(true);
      // The read-only guard of the missing .codex leaves nothing behind.
      expect(existsSync(join(dir, '.codex'))).toBe(false);
      expect(existsSync(join(outside, 'x.txt'))).toBe(false);
      expect(result.output).toMatch(/net=1 sandbox=(bwrap|landlock)/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('killing a sandboxed session kills the command and everything under it', async () => {
    const marker = `codex-ts-sandbox-timeout-${process.pid}`;
    const running = (): number =>
      readdirSync('/proc').filter((pid) => {
        try {
          return (
            /^\d+$/.test(pid) &&
            readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === marker
          );
        } catch {
          return false;
        }
      }).length;
    const rec = fakeToolContext({ cwd: dir, sandboxMode: 'workspace-write' });
    const result = await tool.handle(
      call({ cmd: `exec -a ${marker} sleep 30`, yield_time_ms: 500 }),
      rec.ctx,
    );
    expect(result.output).toMatch(/Process running with session ID \d+/);
    expect(running()).toBe(1);
    await rec.ctx.services.execSessions.terminateAll();
    for (let i = 0; i < 100 && running() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(running()).toBe(0);
  });

  it('danger-full-access runs the command as it is', async () => {
    const rec = fakeToolContext({ cwd: dir, sandboxMode: 'danger-full-access' });
    const result = await tool.handle(
      call({ cmd: 'echo "[$CODEX_SANDBOX]" && touch made.txt' }),
      rec.ctx,
    );
    expect(result.success).toBe(true);
    expect(result.output).toContain('[]');
    expect(existsSync(join(dir, 'made.txt'))).toBe(true);
  });
});

describe('exec_command: bad calls become output for the model', () => {
  it('rejects malformed JSON', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const err = await tool.handle(call('{"cmd": '), rec.ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolCallError);
    expect((err as Error).message).toMatch(/^failed to parse function arguments: /);
    expect(rec.events).toEqual([]);
  });

  it('rejects a missing or mistyped cmd', async () => {
    const rec = fakeToolContext({ cwd: dir });
    await expect(tool.handle(call({ workdir: '.' }), rec.ctx)).rejects.toThrow(
      'failed to parse function arguments: missing field `cmd`',
    );
    await expect(tool.handle(call({ cmd: ['ls'] }), rec.ctx)).rejects.toThrow(
      'failed to parse function arguments: invalid type for `cmd`: expected a string',
    );
    await expect(tool.handle(call({ cmd: 'ls', yield_time_ms: -1 }), rec.ctx)).rejects.toThrow(
      ToolCallError,
    );
    await expect(
      tool.handle(call({ cmd: 'ls', sandbox_permissions: 'root' }), rec.ctx),
    ).rejects.toThrow(/unknown variant `root`/);
    expect(rec.events).toEqual([]);
  });

  it('turns the error into function_call_output through the router', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const router = new ToolRouter([tool]);
    const out = await router.dispatch(
      { type: 'function_call', call_id: 'call_1', name: 'exec_command', arguments: '{}' },
      rec.ctx,
    );
    expect(out).toEqual({
      type: 'function_call_output',
      call_id: 'call_1',
      output: 'failed to parse function arguments: missing field `cmd`',
    });
  });

  it('rejects escalation requests when the approval policy cannot ask', async () => {
    const rec = fakeToolContext({ cwd: dir, approvalPolicy: 'never' });
    await expect(
      tool.handle(call({ cmd: 'ls', sandbox_permissions: 'require_escalated' }), rec.ctx),
    ).rejects.toThrow(
      'approval policy is Never; reject command — you cannot ask for escalated permissions if the approval policy is Never',
    );
  });

  it('reports a workdir that does not exist without running anything', async () => {
    const rec = fakeToolContext({ cwd: dir });
    await expect(tool.handle(call({ cmd: 'ls', workdir: 'missing' }), rec.ctx)).rejects.toThrow(
      `workdir \`${join(dir, 'missing')}\` is not an existing directory`,
    );
    expect(rec.events).toEqual([]);
  });

  it('reports a shell that cannot be started and completes the item as failed', async () => {
    const rec = fakeToolContext({ cwd: dir });
    await expect(
      tool.handle(call({ cmd: 'ls', shell: '/nonexistent/bash' }), rec.ctx),
    ).rejects.toThrow(/^exec_command failed for `\/nonexistent\/bash -lc ls`: .*ENOENT/);
    expect(commandItems(rec.events).map((i) => i.status)).toEqual(['inProgress', 'failed']);
  });

  it('does not start when the turn is already aborted', async () => {
    const rec = fakeToolContext({ cwd: dir });
    const reason = new Error('gone');
    rec.controller.abort(reason);
    await expect(tool.handle(call({ cmd: 'touch x' }), rec.ctx)).rejects.toBe(reason);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    expect(rec.events).toEqual([]);
  });

  it('rejects custom (freeform) payloads', async () => {
    const rec = fakeToolContext({ cwd: dir });
    await expect(tool.handle({ kind: 'custom', input: 'ls' }, rec.ctx)).rejects.toThrow(
      ToolCallError,
    );
  });
});
