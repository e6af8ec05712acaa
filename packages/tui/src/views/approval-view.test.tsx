import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { handleApprovalKey, initialApprovalState } from './approval.js';
import { execRequest, patchRequest } from './approval-fixtures.js';
import { ApprovalView } from './approval-view.js';
import { key, typeText, widestLine } from './test-helpers.js';

function frame(
  state: ReturnType<typeof initialApprovalState>,
  width: number,
  color = false,
): string {
  const { lastFrame } = render(<ApprovalView state={state} width={width} color={color} />);
  const out = lastFrame() ?? '';
  if (!color) expect(widestLine(out)).toBeLessThanOrEqual(width);
  return out;
}

describe.each([80, 40])('ApprovalView at %i columns', (width) => {
  it('command with a proposed prefix', () => {
    const state = initialApprovalState(
      execRequest({ proposedExecpolicyAmendment: ['npm', 'install'] }),
    );
    expect(frame(state, width)).toMatchSnapshot();
    expect(frame(handleApprovalKey(state, key.char('e')).state, width)).not.toContain('e to fold');
  });

  it('long multi-line command is folded', () => {
    const command = Array.from({ length: 20 }, (_, i) => `echo line ${i + 1}`).join('\n');
    const state = initialApprovalState(execRequest({ command, reason: null }));
    const out = frame(state, width);
    expect(out).toContain('… +9 lines');
    expect(out).toMatchSnapshot();
    const expanded = frame(handleApprovalKey(state, key.char('e')).state, width);
    expect(expanded).toContain('echo line 20');
    expect(expanded).toContain('e to fold');
  });

  it('file changes as a diff', () => {
    const state = initialApprovalState(
      patchRequest(undefined, { reason: 'Fix the greeting', grantRoot: '/repo' }),
    );
    expect(frame(state, width)).toMatchSnapshot();
  });

  it('feedback box', () => {
    let state = handleApprovalKey(initialApprovalState(execRequest()), key.char('n')).state;
    state = typeText(state, 'Use pnpm instead of npm here please', handleApprovalKey);
    expect(frame(state, width)).toMatchSnapshot();
  });
});

it('colours the diff when colour is on', () => {
  const out = frame(initialApprovalState(patchRequest()), 80, true);
  expect(out).toContain('\u001b[32m');
  expect(out).toContain('\u001b[31m');
});

it('folds a long diff per file', () => {
  const content = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
  const state = initialApprovalState(
    patchRequest([{ path: '/repo/big.txt', kind: { type: 'add' }, diff: content }]),
  );
  const out = frame(state, 80);
  expect(out).toContain('… +29 lines');
  expect(out).toContain('e to show all');
});
