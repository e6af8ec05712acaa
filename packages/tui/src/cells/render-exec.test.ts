import { describe, expect, it } from 'vitest';
import { displayCommand, exploreLines } from './exec-display.js';
import type { ExecCell } from './history-cell.js';
import { renderCell } from './render-cell.js';
import { foldLines, formatDuration, sanitizeOutputLine } from './cell-format.js';

function exec(overrides: Partial<ExecCell>): ExecCell {
  return {
    kind: 'exec',
    command: 'echo hi',
    cwd: '/p',
    status: 'completed',
    actions: [],
    output: 'hi\n',
    exitCode: 0,
    durationMs: null,
    source: 'agent',
    ...overrides,
  };
}

const plain = (cell: ExecCell, width = 80) => renderCell(cell, { width, color: false });

describe('displayCommand', () => {
  it('removes a bash -lc wrapper and its quoting', () => {
    expect(displayCommand("bash -lc 'ls -la'")).toBe('ls -la');
    expect(displayCommand("/bin/zsh -lc 'echo '\\''hi'\\'''")).toBe("echo 'hi'");
    expect(displayCommand('sh -c "echo \\"x\\""')).toBe('echo "x"');
    expect(displayCommand('git status')).toBe('git status');
  });
});

describe('exec cell', () => {
  it('shows a multi-line command with two continuation lines, then folds the rest', () => {
    const cell = exec({ command: "bash -lc 'set -e\ncd src\nnpm ci\nnpm test'", output: '' });
    expect(plain(cell)).toEqual([
      '• Ran set -e',
      '  │ cd src',
      '  │ npm ci',
      '  │ … +1 line',
      '  └ (no output)',
    ]);
  });

  it('puts the exit code and duration on a line of their own when they do not fit', () => {
    const cell = exec({ command: 'x'.repeat(30), exitCode: 2, durationMs: 61_000, output: '' });
    expect(plain(cell, 40)).toEqual([
      `• Ran ${'x'.repeat(30)}`,
      '  │ exit 2 · 1m 01s',
      '  └ (no output)',
    ]);
  });

  it('folds agent output to five lines and user output to fifty', () => {
    const output = Array.from({ length: 100 }, (_, i) => `l${i}`).join('\n');
    expect(plain(exec({ output })).slice(1)).toEqual([
      '  └ l0',
      '    l1',
      '    … +96 lines',
      '    l98',
      '    l99',
    ]);
    const user = plain(exec({ output, source: 'user' }));
    expect(user[0]).toBe('• You ran echo hi');
    expect(user).toHaveLength(51);
    expect(user).toContain('    … +51 lines');
  });

  it('strips escape sequences and carriage-return overwrites from output', () => {
    expect(sanitizeOutputLine('\x1b[31mred\x1b[0m plain')).toBe('red plain');
    expect(sanitizeOutputLine('10%\r50%\r100%')).toBe('100%');
    expect(sanitizeOutputLine('crlf\r')).toBe('crlf');
    expect(sanitizeOutputLine('a\tb\x07')).toBe('a    b');
  });

  it('caps one very long output line at three rows', () => {
    const rows = plain(exec({ output: 'y'.repeat(500) }), 24);
    expect(rows.slice(1)).toEqual([
      `  └ ${'y'.repeat(20)}`,
      `    ${'y'.repeat(20)}`,
      `    ${'y'.repeat(19)}…`,
    ]);
  });

  it('shows a running command without a result and its output so far', () => {
    expect(plain(exec({ status: 'inProgress', exitCode: null, output: 'building\n' }))).toEqual([
      '• Running echo hi',
      '  └ building',
    ]);
  });

  it('shows a declined command without output', () => {
    expect(plain(exec({ status: 'declined', exitCode: null, output: '' }))).toEqual([
      '• Declined echo hi',
    ]);
  });

  it('summarises exploring commands; a failed one shows as a normal command', () => {
    const actions = [
      { type: 'read' as const, command: 'cat a', name: 'a', path: 'a' },
      { type: 'read' as const, command: 'cat a', name: 'a', path: 'a' },
      { type: 'search' as const, command: 'rg x', query: null, path: null },
    ];
    expect(exploreLines(actions)).toEqual([
      { title: 'Read', text: 'a' },
      { title: 'Search', text: 'rg x' },
    ]);
    expect(plain(exec({ actions, status: 'inProgress', exitCode: null }))[0]).toBe('• Exploring');
    expect(plain(exec({ actions, status: 'failed', exitCode: 1 }))[0]).toBe(
      '• Ran echo hi · exit 1',
    );
  });

  it('formats durations like the Rust TUI', () => {
    expect(formatDuration(999)).toBe('999ms');
    expect(formatDuration(1500)).toBe('1.50s');
    expect(formatDuration(125_000)).toBe('2m 05s');
  });

  it('folds with an omission marker counted in the limit', () => {
    expect(foldLines(['a', 'b', 'c'], 5)).toEqual(['a', 'b', 'c']);
    expect(foldLines(['1', '2', '3', '4', '5', '6'], 5)).toEqual([
      '1',
      '2',
      '… +2 lines',
      '5',
      '6',
    ]);
  });
});
