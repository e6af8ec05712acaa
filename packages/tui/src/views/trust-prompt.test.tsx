import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { handleTrustKey, initialTrustState } from './trust-prompt.js';
import { TrustView } from './trust-prompt-view.js';
import { key, widestLine } from './test-helpers.js';

describe('trust prompt state', () => {
  it('starts on No only in a folder known not to be a git repo', () => {
    expect(initialTrustState({ cwd: '/p', isGitRepo: true }).highlighted).toBe(0);
    expect(initialTrustState({ cwd: '/p', isGitRepo: false }).highlighted).toBe(1);
    expect(initialTrustState({ cwd: '/p' })).toEqual({
      cwd: '/p',
      isGitRepo: null,
      highlighted: 0,
    });
  });

  it('Enter decides on the highlighted choice; arrows and j/k move', () => {
    const s = initialTrustState({ cwd: '/p', isGitRepo: true });
    expect(handleTrustKey(s, key.enter).effect).toEqual({ type: 'trust', trusted: true });
    const down = handleTrustKey(s, key.down).state;
    expect(handleTrustKey(down, key.enter).effect).toEqual({ type: 'trust', trusted: false });
    const up = handleTrustKey(handleTrustKey(down, key.char('k')).state, key.char('j')).state;
    expect(up.highlighted).toBe(1);
  });

  it('1/y trust, 2/n do not; other keys are left to the App', () => {
    const s = initialTrustState({ cwd: '/p', isGitRepo: false });
    expect(handleTrustKey(s, key.char('1')).effect?.trusted).toBe(true);
    expect(handleTrustKey(s, key.char('y')).effect?.trusted).toBe(true);
    expect(handleTrustKey(s, key.char('2')).effect?.trusted).toBe(false);
    expect(handleTrustKey(s, key.char('n')).effect?.trusted).toBe(false);
    expect(handleTrustKey(s, key.ctrl('c')).handled).toBe(false);
    expect(handleTrustKey(s, key.esc).handled).toBe(false);
  });
});

describe.each([80, 40])('TrustView at %i columns', (width) => {
  it.each([true, false, null])('git repo: %s', (isGitRepo) => {
    const state = initialTrustState({ cwd: '/home/me/projects/codex-ts', isGitRepo });
    const { lastFrame } = render(<TrustView state={state} width={width} color={false} />);
    expect(widestLine(lastFrame())).toBeLessThanOrEqual(width);
    expect(lastFrame()).toMatchSnapshot();
  });
});
