import { createInProcessAppServer } from '@codex-ts/app-server';
import { inProcessServerEnv, type ModelTestEnv } from '@codex-ts/test-support';
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
