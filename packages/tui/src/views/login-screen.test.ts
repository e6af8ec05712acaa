import { describe, expect, it } from 'vitest';
import {
  handleLoginKey,
  handleLoginPaste,
  initialLoginState,
  loginFailed,
  loginWaiting,
} from './login-screen.js';
import { key, typeText } from './test-helpers.js';

describe('login screen state', () => {
  const start = initialLoginState();

  it('offers the three methods, or fewer when one is forced', () => {
    expect(start.methods).toEqual(['chatgpt', 'device', 'apiKey']);
    expect(initialLoginState({ forcedMethod: 'chatgpt' }).methods).toEqual(['chatgpt', 'device']);
    expect(initialLoginState({ forcedMethod: 'api' }).methods).toEqual(['apiKey']);
  });

  it('Enter or a digit starts a ChatGPT or device login', () => {
    const r = handleLoginKey(start, key.enter);
    expect(r.effect).toEqual({ type: 'chatgpt' });
    expect(r.state.step).toBe('waiting');
    const down = handleLoginKey(start, key.down).state;
    expect(handleLoginKey(down, key.enter).effect).toEqual({ type: 'device' });
    expect(handleLoginKey(start, key.char('2')).effect).toEqual({ type: 'device' });
    expect(handleLoginKey(start, key.char('4')).handled).toBe(false);
  });

  it('the URL and device code show only for the login that waits for them', () => {
    const chatgpt = handleLoginKey(start, key.char('1')).state;
    expect(loginWaiting(chatgpt, { url: 'https://auth.example/x' }).loginUrl).toBe(
      'https://auth.example/x',
    );
    expect(loginWaiting(chatgpt, { url: 'u', code: 'c' }).deviceCode).toBeNull();
    const device = handleLoginKey(start, key.char('2')).state;
    expect(loginWaiting(device, { url: 'u', code: 'c' }).deviceCode).toEqual({
      verificationUrl: 'u',
      userCode: 'c',
    });
    expect(loginWaiting(device, { url: 'u' }).deviceCode).toBeNull();
    expect(loginWaiting(start, { url: 'u' })).toBe(start);
  });

  it('Esc on the first screen leaves; Esc while waiting goes back', () => {
    expect(handleLoginKey(start, key.esc).effect).toEqual({ type: 'cancel' });
    const waiting = loginWaiting(handleLoginKey(start, key.enter).state, { url: 'https://x' });
    const r = handleLoginKey(waiting, key.esc);
    expect(r.effect).toEqual({ type: 'back' });
    expect(r.state).toMatchObject({ step: 'pick', loginUrl: null, method: null });
    expect(handleLoginKey(waiting, key.enter).handled).toBe(false);
  });

  it('API key: typed or pasted, Enter submits it, empty is refused, Esc goes back', () => {
    let s = handleLoginKey(start, key.char('3')).state;
    expect(s.step).toBe('api-key');
    expect(handleLoginKey(s, key.enter).state.error).toMatch(/API key/);
    s = typeText(s, 'sk-abc', handleLoginKey);
    s = handleLoginPaste(s, '123\n');
    const r = handleLoginKey(s, key.enter);
    expect(r.effect).toEqual({ type: 'apiKey', apiKey: 'sk-abc123' });
    expect(r.state.step).toBe('waiting');
    expect(handleLoginKey(s, key.esc).state.step).toBe('pick');
    expect(initialLoginState({ apiKey: 'sk-env' }).apiKey.chars.join('')).toBe('sk-env');
  });

  it('a failure returns to the start with the message', () => {
    const waiting = handleLoginKey(start, key.char('2')).state;
    expect(loginFailed(waiting, 'denied')).toMatchObject({
      step: 'pick',
      error: 'denied',
      method: null,
    });
    const key3 = handleLoginKey(
      typeText(handleLoginKey(start, key.char('3')).state, 'k', handleLoginKey),
      key.enter,
    ).state;
    expect(loginFailed(key3, 'bad key')).toMatchObject({ step: 'api-key', error: 'bad key' });
  });
});
