import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './diff-lines.js';
import type { PatchCell } from './history-cell.js';
import { renderCell } from './render-cell.js';

const ctx = { width: 80, color: false, homeDir: '/home/dev' };

function patch(
  changes: PatchCell['changes'],
  status: PatchCell['status'] = 'completed',
): PatchCell {
  return { kind: 'patch', cwd: '/repo', status, changes };
}

describe('parseUnifiedDiff', () => {
  it('numbers removed lines by the old file and the others by the new one', () => {
    const diff = parseUnifiedDiff(
      '--- a/x\n+++ b/x\n@@ -3,3 +3,4 @@\n c\n-d\n+D\n+E\n e\n\\ No newline at end of file\n',
    );
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(1);
    expect(diff.rows).toEqual([
      { kind: 'context', line: 3, text: 'c' },
      { kind: 'del', line: 4, text: 'd' },
      { kind: 'add', line: 4, text: 'D' },
      { kind: 'add', line: 5, text: 'E' },
      { kind: 'context', line: 6, text: 'e' },
    ]);
  });
});

describe('patch cell', () => {
  it('right-aligns three-digit line numbers', () => {
    const diff = '@@ -99,3 +99,3 @@\n line 99\n-line 100\n+line 100 changed\n line 101\n';
    const lines = renderCell(
      patch([{ path: '/repo/h.txt', kind: { type: 'update', move_path: null }, diff }]),
      ctx,
    );
    expect(lines).toEqual([
      '• Edited h.txt (+1 -1)',
      '     99  line 99',
      '    100 -line 100',
      '    100 +line 100 changed',
      '    101  line 101',
    ]);
  });

  it('wraps long diff lines under the text column', () => {
    const diff = '@@ -1 +1 @@\n-a\n+0123456789abcdefghij\n';
    const lines = renderCell(
      patch([{ path: 'w.txt', kind: { type: 'update', move_path: null }, diff }]),
      { ...ctx, width: 16 },
    );
    expect(lines).toEqual([
      '• Edited w.txt',
      '  (+1 -1)',
      '    1 -a',
      '    1 +012345678',
      '       9abcdefgh',
      '       ij',
    ]);
  });

  it('folds a very long added file', () => {
    const content = Array.from({ length: 400 }, (_, i) => `line ${i}`).join('\n');
    const lines = renderCell(
      patch([{ path: '/repo/big.txt', kind: { type: 'add' }, diff: content }]),
      ctx,
    );
    expect(lines[0]).toBe('• Added big.txt (+400 -0)');
    expect(lines.at(-1)).toBe('    … +100 lines');
    expect(lines).toHaveLength(302);
  });

  it('shows paths outside the cwd with ~', () => {
    const lines = renderCell(
      patch([{ path: '/home/dev/notes.md', kind: { type: 'delete' }, diff: 'x\n' }], 'failed'),
      ctx,
    );
    expect(lines).toEqual(['• Failed to apply changes to ~/notes.md (+0 -1)']);
  });
});
