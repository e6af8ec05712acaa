import { createInProcessAppServer } from '@codex-ts/app-server';
import { afterEach, beforeEach, expect } from 'vitest';
import { inProcessServerEnv, startModelTestEnv, type ModelTestEnv } from '@codex-ts/test-support';
import { RpcHarness } from './rpc-harness.js';

export interface CoreHarnessOptions {
  /** Default `appServer`. */
  sessionSource?: 'exec' | 'appServer';
  /** Adds, overrides or (with `undefined`) unsets variables of the server's environment. */
  env?: Record<string, string | undefined>;
}

/**
 * An RpcHarness over a real in-process app server and core, with the env's home as CODEX_HOME
 * and the env's `mock` provider key set (not yet initialized).
 */
export function coreHarness(env: ModelTestEnv, options: CoreHarnessOptions = {}): RpcHarness {
  return new RpcHarness(
    createInProcessAppServer({
      env: inProcessServerEnv(env, options.env),
      codexHome: env.home.path,
      sessionSource: options.sessionSource ?? 'appServer',
      cliVersion: '0.0.0-test',
    }),
  );
}

export interface CoreHarnessFixture {
  /** The fake model, CODEX_HOME and work dir of the running test. */
  readonly env: ModelTestEnv;
  /** An initialized harness over them (its schema problems are checked after each test). */
  readonly harness: RpcHarness;
  /** `thread/start` in the work dir, read-only and never asking; returns the thread id. */
  startThread(): Promise<string>;
}

/**
 * Per-test setup of the tests that run requests over the real core: a fresh model env (no
 * retries) and an initialized harness before each test; after it, both are closed and every
 * message the server sent must have matched the schema.
 */
export function useCoreHarness(): CoreHarnessFixture {
  let env: ModelTestEnv | null = null;
  let harness: RpcHarness | null = null;
  beforeEach(async () => {
    env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
    harness = coreHarness(env);
    await harness.initialize();
  });
  afterEach(async () => {
    await harness?.close();
    await env?.cleanup();
    expect(harness?.problems).toEqual([]);
  });
  const fixture: CoreHarnessFixture = {
    get env() {
      if (!env) throw new Error('useCoreHarness: no test is running');
      return env;
    },
    get harness() {
      if (!harness) throw new Error('useCoreHarness: no test is running');
      return harness;
    },
    async startThread() {
      const result = await fixture.harness.call<{ thread: { id: string } }>('thread/start', {
        cwd: fixture.env.work.path,
        sandbox: 'read-only',
        approvalPolicy: 'never',
      });
      return result.thread.id;
    },
  };
  return fixture;
}
