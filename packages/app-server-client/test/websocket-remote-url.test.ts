import { describe, expect, it } from 'vitest';
import {
  assertAuthTokenAllowed,
  parseRemoteUrl,
  readRemoteAuthToken,
  RemoteAuthTokenEnvError,
  RemoteAuthTokenTransportError,
  RemoteUrlError,
  urlAllowsAuthToken,
} from '@codex-ts/app-server-client';

describe('parseRemoteUrl', () => {
  it.each([
    ['ws://127.0.0.1:4500', 'ws://127.0.0.1:4500'],
    ['ws://127.0.0.1:4500/', 'ws://127.0.0.1:4500'],
    ['wss://example.com:443', 'wss://example.com:443'],
    ['ws://localhost:80', 'ws://localhost:80'],
    ['ws://[::1]:4500', 'ws://[::1]:4500'],
  ])('accepts %s', (input, expected) => {
    expect(parseRemoteUrl(input)).toBe(expected);
  });

  it.each([
    'ws://127.0.0.1',
    'wss://example.com',
    'http://127.0.0.1:4500',
    'ws://127.0.0.1:4500/rpc',
    'ws://127.0.0.1:4500?x=1',
    'ws://127.0.0.1:4500#f',
    '127.0.0.1:4500',
    'not a url',
  ])('refuses %s', (input) => {
    const error = (() => {
      try {
        parseRemoteUrl(input);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RemoteUrlError);
    expect((error as Error).message).toBe(
      `invalid remote address \`${input}\`; expected \`ws://host:port\` or \`wss://host:port\``,
    );
  });
});

describe('auth token transport policy', () => {
  it.each([
    ['wss://example.com:443', true],
    ['ws://127.0.0.1:4500', true],
    ['ws://127.1.2.3:4500', true],
    ['ws://localhost:4500', true],
    ['ws://[::1]:4500', true],
    ['ws://10.0.0.5:4500', false],
    ['ws://example.com:4500', false],
  ])('%s allows a token: %s', (url, allowed) => {
    expect(urlAllowsAuthToken(url)).toBe(allowed);
  });

  it('names the URL when a token would travel in clear text', () => {
    expect(() => assertAuthTokenAllowed('ws://10.0.0.5:4500')).toThrow(
      RemoteAuthTokenTransportError,
    );
    expect(() => assertAuthTokenAllowed('ws://10.0.0.5:4500')).toThrow(
      'remote auth tokens require `wss://` or loopback `ws://` URLs; got `ws://10.0.0.5:4500`',
    );
  });
});

describe('readRemoteAuthToken', () => {
  it('returns the trimmed value', () => {
    expect(readRemoteAuthToken('TOK', { TOK: '  abc \n' })).toBe('abc');
  });

  it('refuses an unset variable', () => {
    expect(() => readRemoteAuthToken('TOK', {})).toThrow(RemoteAuthTokenEnvError);
    expect(() => readRemoteAuthToken('TOK', {})).toThrow('environment variable `TOK` is not set');
  });

  it('refuses an empty or blank variable', () => {
    expect(() => readRemoteAuthToken('TOK', { TOK: '' })).toThrow(
      'environment variable `TOK` is empty',
    );
    expect(() => readRemoteAuthToken('TOK', { TOK: '   ' })).toThrow(
      'environment variable `TOK` is empty',
    );
  });
});
