import { startFakeResponsesServer, type FakeResponsesServer } from './fake-responses-server.js';
import { writeMockProviderConfig, type MockProviderOptions } from './mock-provider-config.js';
import { makeTempCodexHome, type TempDir } from './temp-dirs.js';

/** What most integration tests start with: a fake model, a CODEX_HOME and a work directory. */
export interface ModelTestEnv {
  server: FakeResponsesServer;
  home: TempDir;
  work: TempDir;
  /** Closes the server and removes both directories. */
  cleanup(): Promise<void>;
}

/**
 * Starts the fake Responses server and makes a temp CODEX_HOME and work dir. Unless
 * `mockProvider` is false, config.toml points the `mock` provider (key in `MOCK_KEY`) at it.
 */
export async function startModelTestEnv(
  opts: { mockProvider?: MockProviderOptions | false } = {},
): Promise<ModelTestEnv> {
  const server = await startFakeResponsesServer();
  const home = await makeTempCodexHome();
  const work = await makeTempCodexHome();
  if (opts.mockProvider !== false) {
    await writeMockProviderConfig(home.path, server.url, opts.mockProvider ?? {});
  }
  return {
    server,
    home,
    work,
    async cleanup() {
      await server.close();
      await home.cleanup();
      await work.cleanup();
    },
  };
}

/**
 * The process environment of an in-process app server over the env: PATH, the env's home as
 * HOME and the `mock` provider's key in `MOCK_KEY`; `extra` adds, overrides or unsets variables.
 */
export function inProcessServerEnv(
  env: ModelTestEnv,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return { PATH: process.env['PATH'], HOME: env.home.path, MOCK_KEY: 'dummy', ...extra };
}
