import { afterEach, beforeEach, expect } from 'vitest';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
// Deep imports: the processor must be testable without loading core (see the fake thread manager).
import { MessageProcessor } from '../../src/processor/message-processor.js';
import { serveInProcess } from '../../src/transport/serve-in-process.js';
import { FakeThreadManager } from './fake-thread-manager.js';
import { RpcHarness } from './rpc-harness.js';

/** A message processor over a fake thread manager, and its clients. */
export interface FakeThreadServer {
  /** The current test's CODEX_HOME. */
  readonly home: TempDir;
  /** The thread manager of the server that `start` made last. */
  readonly threads: FakeThreadManager;
  /** Starts a server over a new FakeThreadManager; resolves with its first client, initialized. */
  start(): Promise<RpcHarness>;
  /** Another client of the same server, initialized. */
  secondClient(): Promise<RpcHarness>;
}

/**
 * Gives each test of the file a temp CODEX_HOME and a server that `start` makes (registered as
 * beforeEach/afterEach hooks, so call it at the top level of the file). After each test every
 * client is closed and must have seen no problem (see RpcHarness).
 */
export function useFakeThreadServer(): FakeThreadServer {
  let home: TempDir | undefined;
  let threads: FakeThreadManager | undefined;
  let processor: MessageProcessor | undefined;
  let harnesses: RpcHarness[] = [];

  beforeEach(async () => {
    home = await makeTempCodexHome();
    harnesses = [];
  });

  afterEach(async () => {
    for (const harness of harnesses) await harness.close();
    for (const harness of harnesses) expect(harness.problems).toEqual([]);
    await home?.cleanup();
    home = undefined;
    threads = undefined;
    processor = undefined;
  });

  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the fake thread server's ${what} is not there`);
    return value;
  };

  return {
    get home() {
      return current(home, 'home');
    },
    get threads() {
      return current(threads, 'thread manager');
    },
    async start() {
      threads = new FakeThreadManager();
      const started = new MessageProcessor({
        threadManager: threads,
        codexHome: current(home, 'home').path,
        env: { PATH: process.env['PATH'] },
        cliVersion: '0.0.0-test',
      });
      processor = started;
      const harness = new RpcHarness(
        serveInProcess(started, { shutdown: () => started.shutdown() }),
      );
      harnesses = [harness];
      await harness.initialize();
      return harness;
    },
    async secondClient() {
      const harness = new RpcHarness(serveInProcess(current(processor, 'processor')));
      // First to close: the first client's close shuts the server down.
      harnesses.unshift(harness);
      await harness.initialize();
      return harness;
    },
  };
}
