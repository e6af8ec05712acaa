import type { KeyEvent } from '../input/key-event.js';
import { isDown, isPlain, isUp } from './key-helpers.js';
import {
  handleTextFieldKey,
  insertText,
  textField,
  textFieldValue,
  type TextFieldState,
} from './text-field.js';
import { handled, unhandled, type KeyResult } from './view-types.js';

/**
 * The startup sign-in screen (no credentials yet): ChatGPT in the browser, ChatGPT with a
 * device code, or an API key typed (masked) or pasted. The App runs the login and feeds back
 * the browser URL / device code (`loginWaiting`), a failure (`loginFailed`), and closes the
 * screen when signed in. Esc on the first screen leaves (`cancel`); Esc while a login runs goes
 * back to the start (`back`).
 */
export type LoginMethod = 'chatgpt' | 'device' | 'apiKey';

export interface DeviceCodeInfo {
  verificationUrl: string;
  userCode: string;
}

export interface LoginState {
  step: 'pick' | 'api-key' | 'waiting';
  highlighted: number;
  /** The methods offered, in order (a forced login method leaves one out). */
  methods: LoginMethod[];
  /** The login running while `step` is 'waiting'. */
  method: LoginMethod | null;
  apiKey: TextFieldState;
  loginUrl: string | null;
  deviceCode: DeviceCodeInfo | null;
  error: string | null;
}

export type LoginEffect =
  | { type: 'chatgpt' }
  | { type: 'device' }
  | { type: 'apiKey'; apiKey: string }
  /** Esc on the first screen: the user leaves without signing in. */
  | { type: 'cancel' }
  /** Esc while a login runs: the screen is back at the start; the App may cancel that login. */
  | { type: 'back' };

export type LoginResult = KeyResult<LoginState, LoginEffect>;

export interface LoginOptions {
  /** `forced_login_method` from config: offer only ChatGPT or only an API key. */
  forcedMethod?: 'chatgpt' | 'api' | null;
  /** Pre-fills the key box (e.g. from OPENAI_API_KEY). */
  apiKey?: string;
}

export function initialLoginState(opts: LoginOptions = {}): LoginState {
  const all: LoginMethod[] = ['chatgpt', 'device', 'apiKey'];
  const methods = all.filter((m) =>
    opts.forcedMethod === 'chatgpt'
      ? m !== 'apiKey'
      : opts.forcedMethod === 'api'
        ? m === 'apiKey'
        : true,
  );
  return {
    step: 'pick',
    highlighted: 0,
    methods,
    method: null,
    apiKey: textField(opts.apiKey ?? ''),
    loginUrl: null,
    deviceCode: null,
    error: null,
  };
}

function start(state: LoginState, method: LoginMethod): LoginResult {
  const base = { ...state, highlighted: Math.max(0, state.methods.indexOf(method)), error: null };
  if (method === 'apiKey') return handled({ ...base, step: 'api-key' });
  const waiting = { ...base, step: 'waiting' as const, method, loginUrl: null, deviceCode: null };
  return handled(waiting, { type: method });
}

function handlePick(state: LoginState, e: KeyEvent): LoginResult {
  const n = state.methods.length;
  if (isUp(e) || isPlain(e, 'k'))
    return handled({ ...state, highlighted: Math.max(0, state.highlighted - 1) });
  if (isDown(e) || isPlain(e, 'j'))
    return handled({ ...state, highlighted: Math.min(n - 1, state.highlighted + 1) });
  const digit = Number(e.input);
  if (
    !e.key.ctrl &&
    !e.key.meta &&
    Number.isInteger(digit) &&
    digit >= 1 &&
    digit <= n &&
    e.input.length === 1
  ) {
    const method = state.methods[digit - 1];
    return method === undefined ? handled(state) : start(state, method);
  }
  if (e.key.return) {
    const method = state.methods[state.highlighted];
    return method === undefined ? handled(state) : start(state, method);
  }
  if (e.key.escape) return handled(state, { type: 'cancel' });
  return unhandled(state);
}

function handleApiKey(state: LoginState, e: KeyEvent): LoginResult {
  if (e.key.escape) return handled({ ...state, step: 'pick' });
  if (e.key.return) {
    const apiKey = textFieldValue(state.apiKey).trim();
    if (apiKey === '')
      return handled({ ...state, error: 'Enter an API key, or press esc to go back.' });
    return handled(
      { ...state, step: 'waiting', method: 'apiKey', error: null },
      { type: 'apiKey', apiKey },
    );
  }
  const apiKey = handleTextFieldKey(state.apiKey, e);
  return apiKey === null ? unhandled(state) : handled({ ...state, apiKey, error: null });
}

export function handleLoginKey(state: LoginState, e: KeyEvent): LoginResult {
  switch (state.step) {
    case 'pick':
      return handlePick(state, e);
    case 'api-key':
      return handleApiKey(state, e);
    case 'waiting':
      if (e.key.escape) {
        const back = state.method === 'apiKey' ? 'api-key' : 'pick';
        return handled(
          { ...state, step: back, method: null, loginUrl: null, deviceCode: null },
          { type: 'back' },
        );
      }
      return unhandled(state);
  }
}

/** Bracketed paste: the API key box takes it. */
export function handleLoginPaste(state: LoginState, text: string): LoginState {
  return state.step === 'api-key'
    ? { ...state, apiKey: insertText(state.apiKey, text.trim()), error: null }
    : state;
}

/**
 * The login the screen waits for has something to show: the browser URL (ChatGPT), or the
 * verification URL and one-time `code` (device code).
 */
export function loginWaiting(state: LoginState, info: { url: string; code?: string }): LoginState {
  if (state.step !== 'waiting') return state;
  if (state.method === 'chatgpt') return { ...state, loginUrl: info.url };
  if (state.method === 'device' && info.code !== undefined) {
    return { ...state, deviceCode: { verificationUrl: info.url, userCode: info.code } };
  }
  return state;
}

/** The login failed: back to where it started, with the message. */
export function loginFailed(state: LoginState, message: string): LoginState {
  const step = state.method === 'apiKey' ? 'api-key' : 'pick';
  return { ...state, step, method: null, loginUrl: null, deviceCode: null, error: message };
}
