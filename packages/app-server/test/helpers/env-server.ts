// Deep imports: the processor is tested without loading core (see the fake thread manager).
import { MessageProcessor } from '../../src/processor/message-processor.js';
import { serveInProcess } from '../../src/transport/serve-in-process.js';
import { FakeThreadManager, type FakeThreadOptions } from './fake-thread-manager.js';
import { RpcHarness } from './rpc-harness.js';

/** A processor over a fake thread manager with a chosen environment, and its clients. */
export interface EnvServer {
  readonly threads: FakeThreadManager;
  /** The first client, initialized. */
  readonly client: RpcHarness;
  /** Another initialized client of the same processor. */
  connect(): Promise<RpcHarness>;
  /** Closes every client (the first last: it shuts the processor down); returns their problems. */
  close(): Promise<string[]>;
}

export async function startEnvServer(
  codexHome: string,
  env: Record<string, string | undefined>,
  threadOptions: FakeThreadOptions = {},
): Promise<EnvServer> {
  const threads = new FakeThreadManager(threadOptions);
  const processor = new MessageProcessor({
    threadManager: threads,
    codexHome,
    env: { PATH: process.env['PATH'], ...env },
    cliVersion: '0.0.0-test',
  });
  const client = new RpcHarness(
    serveInProcess(processor, { shutdown: () => processor.shutdown() }),
  );
  await client.initialize();
  const others: RpcHarness[] = [];
  return {
    threads,
    client,
    async connect() {
      const other = new RpcHarness(serveInProcess(processor));
      others.push(other);
      await other.initialize();
      return other;
    },
    async close() {
      const all = [...others, client];
      for (const harness of all) await harness.close();
      return all.flatMap((harness) => harness.problems);
    },
  };
}
