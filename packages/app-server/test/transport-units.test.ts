import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  authSettingsFromFlags,
  capabilityTokenPolicy,
  isLoopbackHost,
  loadAuthPolicy,
  parseListenUrl,
  WebSocketAuthConfigError,
} from '@codex-ts/app-server';
import { BoundedOutbound, type OutboundSink } from '../src/transport/bounded-outbound.js';
import { LineReader } from '../src/transport/stdio-line-reader.js';
import { verifySignedBearerToken } from '../src/transport/websocket-jwt.js';

/** A sink whose writes complete only when the test says so. */
function manualSink(): OutboundSink & { written: string[]; flush(): void } {
  const pending: Array<() => void> = [];
  const written: string[] = [];
  return {
    written,
    write(text, done) {
      written.push(text);
      pending.push(() => done(null));
    },
    flush() {
      for (const done of pending.splice(0)) done();
    },
  };
}

describe('LineReader', () => {
  it('splits lines across chunks, strips CRLF and keeps a final unterminated line', () => {
    const lines: string[] = [];
    const reader = new LineReader(100, { line: (l) => lines.push(l), oversized: () => {} });
    reader.feed(Buffer.from('{"a":1}\r\n{"b"'));
    reader.feed(Buffer.from(':2}\n\n{"c":3}'));
    reader.end();
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '', '{"c":3}']);
  });

  it('discards an over-long line without holding it and carries on with the next line', () => {
    const lines: string[] = [];
    const oversized: number[] = [];
    const reader = new LineReader(10, {
      line: (l) => lines.push(l),
      oversized: (n) => oversized.push(n),
    });
    reader.feed(Buffer.from('0123456789ABCDEF'));
    expect(reader.bufferedBytes).toBe(0);
    for (let i = 0; i < 1000; i += 1) reader.feed(Buffer.from('xxxxxxxxxx'));
    expect(reader.bufferedBytes).toBe(0);
    reader.feed(Buffer.from('yy\nok\n'));
    expect(oversized).toEqual([16 + 10_000 + 2]);
    expect(lines).toEqual(['ok']);
  });
});

describe('BoundedOutbound', () => {
  const limits = { maxQueuedMessages: 3, maxQueuedBytes: 1000, highWaterBytes: 10 };

  it('writes in order, holds messages past the high-water mark and drains on flush', async () => {
    const sink = manualSink();
    const outbound = new BoundedOutbound(sink, limits, () => {});
    outbound.push('aaaaaaaaaa');
    outbound.push('b');
    outbound.push('c');
    expect(sink.written).toEqual(['aaaaaaaaaa']);
    expect(outbound.stats()).toMatchObject({ queuedMessages: 2, unflushedBytes: 10 });
    sink.flush();
    expect(sink.written).toEqual(['aaaaaaaaaa', 'b', 'c']);
    sink.flush();
    await outbound.whenFlushed();
    expect(outbound.stats()).toMatchObject({
      queuedMessages: 0,
      queuedBytes: 0,
      unflushedBytes: 0,
    });
  });

  it('gives up on a client that never reads: overflow once, drop the queue, refuse more', () => {
    const sink = manualSink();
    let overflows = 0;
    const outbound = new BoundedOutbound(sink, limits, () => (overflows += 1));
    const accepted = Array.from({ length: 10 }, (_, i) => outbound.push(`message-${i}`));
    // Two writes fill the high-water mark (9 + 9 bytes of 10), three more wait, the sixth overflows.
    expect(accepted).toEqual([true, true, true, true, true, false, false, false, false, false]);
    expect(overflows).toBe(1);
    expect(outbound.overflowed).toBe(true);
    expect(outbound.stats().queuedMessages).toBe(0);
    expect(outbound.stats().peakBufferedBytes).toBeLessThanOrEqual(5 * 'message-0'.length);
  });

  it('counts bytes too: one huge backlog overflows before the message count does', () => {
    const sink = manualSink();
    let overflowed = false;
    const outbound = new BoundedOutbound(
      sink,
      { maxQueuedMessages: 1000, maxQueuedBytes: 50, highWaterBytes: 1 },
      () => (overflowed = true),
    );
    outbound.push('first');
    outbound.push('x'.repeat(40));
    expect(overflowed).toBe(false);
    outbound.push('y'.repeat(20));
    expect(overflowed).toBe(true);
  });
});

describe('parseListenUrl', () => {
  it('accepts the Rust forms and our wss://', () => {
    expect(parseListenUrl('stdio://')).toEqual({ kind: 'stdio' });
    expect(parseListenUrl('off')).toEqual({ kind: 'off' });
    expect(parseListenUrl('ws://127.0.0.1:0')).toEqual({
      kind: 'websocket',
      host: '127.0.0.1',
      port: 0,
      tls: false,
    });
    expect(parseListenUrl('ws://[::1]:8765')).toMatchObject({ host: '::1', port: 8765 });
    expect(parseListenUrl('wss://0.0.0.0:443')).toMatchObject({ host: '0.0.0.0', tls: true });
  });

  it('refuses host names, paths, bad ports and other schemes with the Rust wording', () => {
    expect(() => parseListenUrl('ws://localhost:1')).toThrow(
      'invalid websocket --listen URL `ws://localhost:1`; expected `ws://IP:PORT`',
    );
    expect(() => parseListenUrl('ws://127.0.0.1:1/rpc')).toThrow('invalid websocket');
    expect(() => parseListenUrl('ws://127.0.0.1:70000')).toThrow('invalid websocket');
    expect(() => parseListenUrl('http://127.0.0.1:1')).toThrow('unsupported --listen URL');
    expect(() => parseListenUrl('unix:///tmp/s.sock')).toThrow('unix sockets');
  });

  it('knows loopback addresses as Rust does', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0:0:0:0:0:0:0:1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('::')).toBe(false);
    expect(isLoopbackHost('192.0.2.2')).toBe(false);
    expect(isLoopbackHost('::ffff:127.0.0.1')).toBe(false);
  });
});

describe('WebSocket auth', () => {
  it('validates the --ws-* flag combinations like the Rust CLI', () => {
    expect(authSettingsFromFlags({})).toBeNull();
    expect(() => authSettingsFromFlags({ wsTokenFile: '/t' })).toThrow(
      'websocket auth flags require `--ws-auth capability-token` or `--ws-auth signed-bearer-token`',
    );
    expect(() => authSettingsFromFlags({ wsAuth: 'capability-token' })).toThrow('--ws-token-file');
    expect(() => authSettingsFromFlags({ wsAuth: 'capability-token', wsTokenFile: 'rel' })).toThrow(
      '--ws-token-file must be an absolute path',
    );
    expect(() =>
      authSettingsFromFlags({ wsAuth: 'capability-token', wsTokenFile: '/t', wsIssuer: 'x' }),
    ).toThrow(WebSocketAuthConfigError);
    expect(() =>
      authSettingsFromFlags({ wsAuth: 'signed-bearer-token', wsTokenFile: '/t' }),
    ).toThrow('require `--ws-auth capability-token`');
    expect(
      authSettingsFromFlags({ wsAuth: 'signed-bearer-token', wsSharedSecretFile: '/s' }),
    ).toMatchObject({ maxClockSkewSeconds: 30, issuer: null, audience: null });
  });

  it('checks a capability token from a file (trimmed) and reports each failure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ws-auth-'));
    try {
      const file = join(dir, 'token');
      await writeFile(file, '  s3cret-token\n');
      const policy = await loadAuthPolicy(
        authSettingsFromFlags({ wsAuth: 'capability-token', wsTokenFile: file }),
      );
      expect(policy?.authorize({ authorization: 'Bearer s3cret-token' })).toBeNull();
      expect(policy?.authorize({ authorization: 'bearer   s3cret-token ' })).toBeNull();
      expect(policy?.authorize({})).toEqual({
        status: 401,
        message: 'missing websocket bearer token',
      });
      expect(policy?.authorize({ authorization: 'Basic abc' })?.message).toBe(
        'invalid authorization header',
      );
      expect(policy?.authorize({ authorization: 'Bearer wrong' })?.message).toBe(
        'invalid websocket bearer token',
      );
      await writeFile(file, '\n');
      await expect(loadAuthPolicy({ mode: 'capability-token', tokenFile: file })).rejects.toThrow(
        'must not be empty',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts a token given by its SHA-256', () => {
    const digest = createHash('sha256').update('abc').digest();
    const policy = capabilityTokenPolicy(digest);
    expect(policy.authorize({ authorization: 'Bearer abc' })).toBeNull();
    expect(policy.authorize({ authorization: 'Bearer abd' })).not.toBeNull();
    expect(() =>
      authSettingsFromFlags({ wsAuth: 'capability-token', wsTokenSha256: 'zz' }),
    ).toThrow('--ws-token-sha256');
  });

  it('verifies HS256 bearer JWTs: signature, exp/nbf with skew, issuer and audience', () => {
    const secret = Buffer.from('0123456789abcdef0123456789abcdef');
    const sign = (claims: object, alg = 'HS256', key = secret): string => {
      const head = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const sig = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
      return `${head}.${body}.${sig}`;
    };
    const expect0 = {
      sharedSecret: secret,
      issuer: 'iss',
      audience: 'aud',
      maxClockSkewSeconds: 30,
    };
    const now = 1_000_000;
    const check = (token: string) =>
      verifySignedBearerToken(token, { ...expect0, nowSeconds: now });
    expect(check(sign({ exp: now + 10, iss: 'iss', aud: ['x', 'aud'] }))).toBeNull();
    expect(check(sign({ exp: now - 20, iss: 'iss', aud: 'aud' }))).toBeNull();
    expect(check(sign({ exp: now - 31, iss: 'iss', aud: 'aud' }))).toBe('expired websocket jwt');
    expect(check(sign({ exp: now + 99, nbf: now + 31, iss: 'iss', aud: 'aud' }))).toBe(
      'websocket jwt is not valid yet',
    );
    expect(check(sign({ exp: now + 9, iss: 'other', aud: 'aud' }))).toBe(
      'websocket jwt issuer mismatch',
    );
    expect(check(sign({ exp: now + 9, iss: 'iss', aud: 'nope' }))).toBe(
      'websocket jwt audience mismatch',
    );
    expect(check(sign({ iss: 'iss', aud: 'aud' }))).toBe('invalid websocket jwt');
    expect(check(sign({ exp: now + 9 }, 'HS512'))).toBe('invalid websocket jwt');
    expect(check(sign({ exp: now + 9 }, 'HS256', Buffer.from('x'.repeat(32))))).toBe(
      'invalid websocket jwt',
    );
  });
});
