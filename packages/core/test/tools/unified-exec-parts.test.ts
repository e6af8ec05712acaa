import { describe, expect, it } from 'vitest';
import { CommandExecutionReporter } from '../../src/tools/exec-command/command-execution-reporter.js';
import { parseWriteStdinArgs } from '../../src/tools/write-stdin/write-stdin-args.js';
import { writeStdinToolSpec } from '../../src/tools/write-stdin/write-stdin-spec.js';
import { UnifiedExecManager } from '../../src/unified-exec/exec-session-manager.js';
import { ExecSession } from '../../src/unified-exec/exec-session.js';
import { UnknownSessionError } from '../../src/unified-exec/unified-exec-errors.js';
import { clampWriteStdinYieldTime } from '../../src/unified-exec/unified-exec-limits.js';
import { fakeToolContext } from './fake-tool-context.js';

function session(id: number, finished = false): ExecSession {
  const { ctx } = fakeToolContext();
  const reporter = new CommandExecutionReporter(ctx, {
    command: 'x',
    cwd: '/',
    processId: String(id),
    source: 'unifiedExecStartup',
  });
  const s = new ExecSession({ id, tty: false, command: 'x', reporter });
  if (finished) s.handlers().onFinish(0);
  return s;
}

describe('writeStdinToolSpec', () => {
  it('declares the Rust Codex parameter set', () => {
    const spec = writeStdinToolSpec();
    if (spec.type !== 'function') throw new Error('expected a function tool');
    expect(spec.name).toBe('write_stdin');
    expect(spec.strict).toBe(false);
    const params = spec.parameters as {
      properties: Record<string, { type: string }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(params.required).toEqual(['session_id']);
    expect(params.additionalProperties).toBe(false);
    expect(
      Object.fromEntries(Object.entries(params.properties).map(([k, v]) => [k, v.type])),
    ).toEqual({
      chars: 'string',
      max_output_tokens: 'number',
      session_id: 'number',
      yield_time_ms: 'number',
    });
  });
});

describe('parseWriteStdinArgs', () => {
  it('applies the defaults', () => {
    expect(parseWriteStdinArgs('{"session_id": 1234}')).toEqual({
      sessionId: 1234,
      chars: '',
      yieldTimeMs: 250,
      maxOutputTokens: null,
    });
  });

  it('requires an integer session id', () => {
    expect(() => parseWriteStdinArgs('{}')).toThrow(
      'failed to parse function arguments: missing field `session_id`',
    );
    expect(() => parseWriteStdinArgs('{"session_id": "12"}')).toThrow(/expected an integer/);
  });
});

describe('clampWriteStdinYieldTime', () => {
  it('keeps writes between 250 ms and 30 s', () => {
    expect(clampWriteStdinYieldTime(0, 'x')).toBe(250);
    expect(clampWriteStdinYieldTime(1000, 'x')).toBe(1000);
    expect(clampWriteStdinYieldTime(60_000, 'x')).toBe(30_000);
  });

  it('makes empty polls wait between 5 s and 300 s', () => {
    expect(clampWriteStdinYieldTime(250, '')).toBe(5_000);
    expect(clampWriteStdinYieldTime(60_000, '')).toBe(60_000);
    expect(clampWriteStdinYieldTime(1_000_000, '')).toBe(300_000);
  });
});

describe('UnifiedExecManager', () => {
  it('allocates distinct ids in [1000, 100000)', () => {
    const manager = new UnifiedExecManager();
    const ids = new Set<number>();
    for (let i = 0; i < 500; i++) ids.add(manager.allocateId());
    expect(ids.size).toBe(500);
    for (const id of ids) {
      expect(id).toBeGreaterThanOrEqual(1000);
      expect(id).toBeLessThan(100_000);
    }
  });

  it('throws UnknownSessionError for an id it does not hold', () => {
    const manager = new UnifiedExecManager();
    expect(() => manager.get(5)).toThrow(UnknownSessionError);
    expect(() => manager.get(5)).toThrow('Unknown process id 5');
  });

  it('prunes a finished session first, never one of the 8 most recently used', async () => {
    const manager = new UnifiedExecManager();
    for (let id = 1000; id < 1064; id++) manager.store(session(id, id === 1003 || id === 1060));
    expect(manager.size).toBe(64);
    manager.store(session(2000));
    expect(manager.size).toBe(64);
    // 1003 is finished and not recent: it goes; 1060 is finished but among the 8 newest.
    expect(() => manager.get(1003)).toThrow(UnknownSessionError);
    expect(manager.get(1060).id).toBe(1060);
    await manager.terminateAll();
  });

  it('otherwise prunes the least recently used session', async () => {
    const manager = new UnifiedExecManager();
    for (let id = 1000; id < 1064; id++) manager.store(session(id));
    manager.get(1000); // now recently used
    manager.store(session(2000));
    expect(manager.get(1000).id).toBe(1000);
    expect(() => manager.get(1001)).toThrow(UnknownSessionError);
    await manager.terminateAll();
    expect(manager.size).toBe(0);
  });
});
