import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  jsonLines,
  runCodexInEnv,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';

/** `codex app-server` flags and exit behaviour, through the built binary (`npm run build`). */

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv();
});

afterEach(async () => {
  await env.cleanup();
});

const lines = (...messages: unknown[]): string =>
  messages.map((m) => `${JSON.stringify(m)}\n`).join('');

const INITIALIZE = {
  id: 1,
  method: 'initialize',
  params: { clientInfo: { name: 'cli_test', version: '1.0.0' } },
};

describe('codex app-server (CLI)', () => {
  it('lists the Rust flags in --help', async () => {
    const run = await runCodexInEnv(env, ['app-server', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--listen <URL>',
      '--analytics-default-enabled',
      '--ws-auth <MODE>',
      '--ws-token-file <PATH>',
      '--ws-shared-secret-file <PATH>',
      '--ws-issuer <ISSUER>',
      '--ws-audience <AUDIENCE>',
      '--ws-max-clock-skew-seconds <SECONDS>',
      '--tls-cert <FILE>',
      '--tls-key <FILE>',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('serves stdio by default: answers piped requests, then exits 0 at EOF', async () => {
    const run = await runCodexInEnv(env, ['app-server', '--analytics-default-enabled'], {
      stdin: lines(
        INITIALIZE,
        { method: 'initialized' },
        { id: 2, method: 'thread/list', params: {} },
      ),
    });
    expect(run.code).toBe(0);
    const out = jsonLines(run.stdout);
    expect(out.map((m) => m['id'])).toEqual([1, 2]);
    expect(out[1]).toMatchObject({ result: { data: [] } });
  });

  it('applies -c overrides (root and subcommand) to the threads it starts', async () => {
    const start = { id: 2, method: 'thread/start', params: { cwd: env.work.path } };
    const root = await runCodexInEnv(env, ['-c', 'model="root-model"', 'app-server'], {
      stdin: lines(INITIALIZE, start),
    });
    expect(root.code).toBe(0);
    expect(jsonLines(root.stdout)[1]).toMatchObject({ result: { model: 'root-model' } });
    const sub = await runCodexInEnv(env, ['app-server', '-c', 'model="sub-model"'], {
      stdin: lines(INITIALIZE, start),
    });
    expect(jsonLines(sub.stdout)[1]).toMatchObject({ result: { model: 'sub-model' } });
  });

  it('refuses a bad --listen URL as a usage error (exit 2)', async () => {
    const run = await runCodexInEnv(env, ['app-server', '--listen', 'ws://localhost:4000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "invalid value 'ws://localhost:4000' for '--listen <URL>': invalid websocket --listen URL `ws://localhost:4000`; expected `ws://IP:PORT`",
    );
    const both = await runCodexInEnv(env, ['app-server', '--stdio', '--listen', 'stdio://']);
    expect(both.code).toBe(2);
  });

  it('exits 1 with the Rust messages for unusable configurations', async () => {
    const off = await runCodexInEnv(env, ['app-server', '--listen', 'off']);
    expect(off.code).toBe(1);
    expect(off.stderr).toContain(
      'Error: no transport configured; use --listen or enable remote control',
    );

    const noMode = await runCodexInEnv(env, [
      'app-server',
      '--listen',
      'ws://127.0.0.1:0',
      '--ws-token-file',
      '/tmp/token',
    ]);
    expect(noMode.code).toBe(1);
    expect(noMode.stderr).toContain(
      'websocket auth flags require `--ws-auth capability-token` or `--ws-auth signed-bearer-token`',
    );

    const relative = await runCodexInEnv(env, [
      'app-server',
      '--listen',
      'ws://127.0.0.1:0',
      '--ws-auth',
      'capability-token',
      '--ws-token-file',
      'token.txt',
    ]);
    expect(relative.code).toBe(1);
    expect(relative.stderr).toContain('--ws-token-file must be an absolute path');

    const missing = await runCodexInEnv(env, [
      'app-server',
      '--listen',
      'ws://127.0.0.1:0',
      '--ws-auth',
      'capability-token',
      '--ws-token-file',
      '/nonexistent/token',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('failed to read websocket auth secret /nonexistent/token');

    const wss = await runCodexInEnv(env, ['app-server', '--listen', 'wss://127.0.0.1:0']);
    expect(wss.code).toBe(1);
    expect(wss.stderr).toContain('requires `--tls-cert` and `--tls-key`');
  });
});
