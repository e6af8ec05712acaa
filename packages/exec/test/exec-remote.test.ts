import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseEnv,
  completed,
  functionCall,
  jsonLines,
  outputTextMessage,
  responseCreated,
  runCodex,
  sseResponse,
  startModelTestEnv,
  usage,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import {
  fromPackage,
  moduleLog,
  startAppServerProcess,
  type AppServerProcess,
} from './remote-helpers.js';
import { startScriptedAppServer, type ScriptedAppServer } from './scripted-ws-app-server.js';

/**
 * `codex exec --remote URL [--remote-auth-token-env VAR]` from the built binary: argument checks,
 * a scripted WebSocket app server written in the test, and the real `codex app-server --listen`.
 */

let env: ModelTestEnv;
let scripted: ScriptedAppServer | undefined;
let appServer: AppServerProcess | undefined;

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { model: 'gpt-5.1-codex' } });
});

afterEach(async () => {
  await appServer?.kill();
  appServer = undefined;
  await scripted?.close();
  scripted = undefined;
  await env.cleanup();
});

function exec(args: string[], extraEnv: Record<string, string> = {}) {
  return runCodex(['exec', '--json', '--skip-git-repo-check', ...args], {
    cwd: env.work.path,
    env: baseEnv(env.home.path, { MOCK_KEY: 'dummy', ...extraEnv }),
  });
}

/** Replaces the thread id so runs against different servers can be compared. */
function masked(events: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return events.map((e) => (e['type'] === 'thread.started' ? { ...e, thread_id: '<thread>' } : e));
}

describe('codex exec --remote: arguments', () => {
  it('refuses --remote-auth-token-env without --remote', async () => {
    const run = await exec(['--remote-auth-token-env', 'TOK', 'hi'], { TOK: 'x' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error: `--remote-auth-token-env` requires `--remote`.');
    expect(env.server.requests).toHaveLength(0);
  });

  it('refuses an address that is not ws://host:port or wss://host:port', async () => {
    const run = await exec(['--remote', 'http://127.0.0.1:4500', 'hi']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Error: invalid remote address `http://127.0.0.1:4500`; expected `ws://host:port` or `wss://host:port`',
    );
  });

  it('refuses to send a token over non-loopback ws://', async () => {
    const run = await exec(
      ['--remote', 'ws://10.255.255.1:4500', '--remote-auth-token-env', 'TOK', 'hi'],
      { TOK: 'x' },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Error: remote auth tokens require `wss://` or loopback `ws://` URLs; got `ws://10.255.255.1:4500`',
    );
  });

  it('refuses an unset or empty token variable before connecting', async () => {
    scripted = await startScriptedAppServer();
    const unset = await exec(['--remote', scripted.url, '--remote-auth-token-env', 'TOK', 'hi']);
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('Error: environment variable `TOK` is not set');
    const empty = await exec(['--remote', scripted.url, '--remote-auth-token-env', 'TOK', 'hi'], {
      TOK: '  ',
    });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('Error: environment variable `TOK` is empty');
    expect(scripted.upgrades).toHaveLength(0);
  });

  it('reports a server that is not there', async () => {
    const gone = await startScriptedAppServer();
    const url = gone.url;
    await gone.close();
    const run = await exec(['--remote', url, 'hi']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: failed to connect to remote app server at \`${url}\``);
    expect(run.stdout).toBe('');
  });
});

describe('codex exec --remote against a scripted WebSocket app server', () => {
  it('runs the turn over the socket, sends the token, and never loads core', async () => {
    scripted = await startScriptedAppServer();
    const modules = await moduleLog(env.home.path);
    const run = await exec(
      ['--remote', scripted.url, '--remote-auth-token-env', 'REMOTE_TOK', 'say hello'],
      { REMOTE_TOK: ' tok-123 ', ...modules.env },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([
      { type: 'thread.started', thread_id: 'thr_remote_1' },
      { type: 'turn.started' },
      {
        type: 'item.completed',
        item: { id: 'item_0', type: 'agent_message', text: 'hello from afar' },
      },
      {
        type: 'turn.completed',
        usage: {
          input_tokens: 0,
          cached_input_tokens: 0,
          cache_write_input_tokens: 0,
          output_tokens: 0,
          reasoning_output_tokens: 0,
        },
      },
    ]);
    expect(scripted.upgrades[0]?.authorization).toBe('Bearer tok-123');
    expect(scripted.received.map((m) => m['method'])).toEqual([
      'initialize',
      'initialized',
      'thread/start',
      'turn/start',
    ]);
    expect(env.server.requests).toHaveLength(0);
    const sources = await modules.loadedSources();
    expect(fromPackage(sources, 'app-server-client')).toBe(true);
    expect(fromPackage(sources, 'core')).toBe(false);
    expect(fromPackage(sources, 'app-server')).toBe(false);
  });

  it('loads core in process (the control for the check above)', async () => {
    env.server.enqueue(
      sseResponse(responseCreated('resp_1'), outputTextMessage('hi'), completed('resp_1')),
    );
    const modules = await moduleLog(env.home.path);
    const run = await exec(['say hello'], modules.env);
    expect(run.code).toBe(0);
    expect(fromPackage(await modules.loadedSources(), 'core')).toBe(true);
  });

  it('reports a refused token with the URL and the reason', async () => {
    scripted = await startScriptedAppServer({ refuseWith: 'invalid websocket bearer token' });
    const run = await exec(['--remote', scripted.url, '--remote-auth-token-env', 'TOK', 'hi'], {
      TOK: 'wrong',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Error: remote app server at \`${scripted.url}\` refused the connection (HTTP 401 Unauthorized): invalid websocket bearer token`,
    );
    expect(run.stdout).toBe('');
  });

  it('ends with an error, not a hang, when the connection drops mid-turn', async () => {
    scripted = await startScriptedAppServer({ dropMidTurn: true });
    const run = await exec(['--remote', scripted.url, 'hi']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Error: remote app server at \`${scripted.url}\` disconnected: scripted server went away (close code 1011)`,
    );
    expect(jsonLines(run.stdout)).toEqual([
      { type: 'thread.started', thread_id: 'thr_remote_1' },
      { type: 'turn.started' },
    ]);
  });
});

/*
 * Against the real `codex app-server --listen ws://127.0.0.1:0` (built binary). These need the
 * app-server subcommand of the CLI (issue 7, part 1).
 */
describe('codex exec --remote against codex app-server --listen', () => {
  const script = (): void => {
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_1', 'exec_command', { cmd: 'echo remote-or-not' }),
        completed('resp_1', usage({ input: 1300, output: 12 })),
      ),
      sseResponse(
        responseCreated('resp_2'),
        outputTextMessage('all done', { deltas: 2 }),
        completed('resp_2', usage({ input: 1400, cached: 1280, output: 10 })),
      ),
    );
  };

  it('prints the same JSONL as the in-process run', async () => {
    appServer = await startAppServerProcess(
      env.work.path,
      baseEnv(env.home.path, { MOCK_KEY: 'dummy' }),
    );
    const args = ['--sandbox', 'danger-full-access', 'run echo'];
    script();
    const remote = await exec(['--remote', appServer.url, ...args]);
    script();
    const local = await exec(args);
    expect(remote.stderr).toBe(local.stderr);
    expect(remote.code).toBe(0);
    expect(local.code).toBe(0);
    const remoteEvents = masked(jsonLines(remote.stdout));
    expect(remoteEvents).toEqual(masked(jsonLines(local.stdout)));
    expect(remoteEvents.map((e) => e['type'])).toEqual([
      'thread.started',
      'turn.started',
      'item.started',
      'item.completed',
      'item.completed',
      'turn.completed',
    ]);
    expect(env.server.modelRequests()).toHaveLength(4);
  });

  it('exits 1 with a clear error when the server dies mid-turn', async () => {
    appServer = await startAppServerProcess(
      env.work.path,
      baseEnv(env.home.path, { MOCK_KEY: 'dummy' }),
    );
    env.server.enqueue({ kind: 'hang' });
    const running = exec(['--remote', appServer.url, 'wait forever']);
    await env.server.waitForRequests(1);
    await appServer.kill();
    const url = appServer.url;
    appServer = undefined;
    const run = await running;
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: remote app server at \`${url}\` disconnected:`);
    expect(jsonLines(run.stdout).map((e) => e['type'])).toEqual(['thread.started', 'turn.started']);
  });
});
