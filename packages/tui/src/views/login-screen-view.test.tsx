import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import {
  handleLoginKey,
  initialLoginState,
  loginFailed,
  loginWaiting,
  type LoginState,
} from './login-screen.js';
import { LoginView } from './login-screen-view.js';
import { key, typeText, widestLine } from './test-helpers.js';

function frame(state: LoginState, width: number): string {
  const { lastFrame } = render(<LoginView state={state} width={width} color={false} />);
  const out = lastFrame() ?? '';
  expect(widestLine(out)).toBeLessThanOrEqual(width);
  return out;
}

const start = initialLoginState();
const url =
  'https://auth.openai.com/oauth/authorize?response_type=code&client_id=app_123&redirect_uri=http%3A%2F%2Flocalhost%3A1455%2Fauth%2Fcallback&state=abc';

describe.each([80, 40])('LoginView at %i columns', (width) => {
  it('pick a method', () => {
    expect(frame(start, width)).toMatchSnapshot();
  });

  it('waiting for the browser', () => {
    const s = loginWaiting(handleLoginKey(start, key.enter).state, { url });
    const out = frame(s, width);
    expect(out.replace(/\s+/g, '')).toContain(url);
    expect(out).toMatchSnapshot();
  });

  it('device code', () => {
    const s = handleLoginKey(start, key.char('2')).state;
    expect(frame(s, width)).toContain('Requesting a one-time code');
    const shown = loginWaiting(s, {
      url: 'https://auth.openai.com/codex/device',
      code: 'ABCD-1234',
    });
    expect(frame(shown, width)).toMatchSnapshot();
  });

  it('API key entry is masked', () => {
    const s = typeText(handleLoginKey(start, key.char('3')).state, 'sk-secret', handleLoginKey);
    const out = frame(s, width);
    expect(out).not.toContain('secret');
    expect(out).toMatchSnapshot();
  });

  it('error', () => {
    const s = loginFailed(
      handleLoginKey(start, key.enter).state,
      'Login was cancelled in the browser.',
    );
    expect(frame(s, width)).toContain('Login was cancelled in the browser.');
  });
});
