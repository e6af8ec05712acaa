import { describe, expect, it } from 'vitest';
import { execCommandToolSpec } from '../../src/tools/exec-command/exec-command-spec.js';
import {
  formatShellFreeform,
  formatShellStructured,
} from '../../src/tools/shell/shell-output-format.js';
import { shellCommandToolSpec, shellToolSpec } from '../../src/tools/shell/shell-spec.js';

type Params = {
  properties: Record<string, { type: string; items?: unknown; enum?: unknown }>;
  required: string[];
  additionalProperties: boolean;
};

function paramsOf(spec: ReturnType<typeof shellToolSpec>): Params {
  if (spec.type !== 'function') throw new Error('expected a function tool');
  expect(spec.strict).toBe(false);
  return spec.parameters as Params;
}

const types = (p: Params): Record<string, string> =>
  Object.fromEntries(Object.entries(p.properties).map(([k, v]) => [k, v.type]));

describe('shell tool declarations', () => {
  it('shell: command is an argv array', () => {
    const spec = shellToolSpec();
    expect(spec.type === 'function' && spec.name).toBe('shell');
    const p = paramsOf(spec);
    expect(p.required).toEqual(['command']);
    expect(p.additionalProperties).toBe(false);
    expect(types(p)).toEqual({
      command: 'array',
      justification: 'string',
      prefix_rule: 'array',
      sandbox_permissions: 'string',
      timeout_ms: 'number',
      workdir: 'string',
    });
    expect(Object.keys(p.properties)).toEqual(Object.keys(p.properties).sort());
    expect(p.properties['command']?.items).toEqual({ type: 'string' });
  });

  it('shell_command: command is one script', () => {
    const spec = shellCommandToolSpec();
    expect(spec.type === 'function' && spec.name).toBe('shell_command');
    const p = paramsOf(spec);
    expect(p.required).toEqual(['command']);
    expect(types(p)).toEqual({
      command: 'string',
      justification: 'string',
      login: 'boolean',
      prefix_rule: 'array',
      sandbox_permissions: 'string',
      timeout_ms: 'number',
      workdir: 'string',
    });
    expect(p.properties['sandbox_permissions']?.enum).toEqual(['use_default', 'require_escalated']);
  });

  it('exec_command offers the same sandbox_permissions values', () => {
    const p = paramsOf(execCommandToolSpec());
    expect(p.properties['sandbox_permissions']?.enum).toEqual(['use_default', 'require_escalated']);
  });
});

describe('shell output layouts', () => {
  const run = { exitCode: 0, durationMs: 1000, timedOut: false, timeoutMs: 10_000, output: 'hi\n' };
  const tokens = { kind: 'tokens', limit: 10_000 } as const;

  it('shell: JSON with a float duration', () => {
    expect(formatShellStructured(run, tokens)).toBe(
      '{"output":"hi\\n","metadata":{"exit_code":0,"duration_seconds":1.0}}',
    );
    expect(formatShellStructured({ ...run, durationMs: 1234 }, tokens)).toBe(
      '{"output":"hi\\n","metadata":{"exit_code":0,"duration_seconds":1.2}}',
    );
  });

  it('shell_command: freeform text, seconds with one decimal at most', () => {
    expect(formatShellFreeform(run, tokens)).toBe(
      'Exit code: 0\nWall time: 1 seconds\nOutput:\nhi\n',
    );
    expect(formatShellFreeform({ ...run, durationMs: 260 }, tokens)).toBe(
      'Exit code: 0\nWall time: 0.3 seconds\nOutput:\nhi\n',
    );
  });

  it('a timeout is said before the output', () => {
    const timedOut = { ...run, exitCode: 124, timedOut: true, timeoutMs: 500 };
    expect(formatShellFreeform(timedOut, tokens)).toBe(
      'Exit code: 124\nWall time: 1 seconds\nOutput:\ncommand timed out after 500 milliseconds\nhi\n',
    );
    expect(JSON.parse(formatShellStructured(timedOut, tokens))).toEqual({
      output: 'command timed out after 500 milliseconds\nhi\n',
      metadata: { exit_code: 124, duration_seconds: 1 },
    });
  });
});
