import { afterEach, beforeEach, expect } from 'vitest';
import { startCommandExec, type CommandExecProcess, type CommandExecRequest } from '@codex-ts/core';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
// Deep imports: the processor runs over a fake thread manager (no model, no threads needed).
import { MessageProcessor } from '../../src/processor/message-processor.js';
import { serveInProcess } from '../../src/transport/serve-in-process.js';
import { FakeThreadManager } from './fake-thread-manager.js';
import { RpcHarness } from './rpc-harness.js';

/** A fake thread manager whose `startCommandExec` records each request and runs it for real. */
export class RecordingExecThreadManager extends FakeThreadManager {
  readonly execRequests: CommandExecRequest[] = [];

  startCommandExec(request: CommandExecRequest): Promise<CommandExecProcess> {
    this.execRequests.push(request);
    return startCommandExec(request);
  }
}

export interface ProcessorServerOptions {
  /** The server's environment (what `shell_environment_policy` filters); default `{PATH}`. */
  env?: Record<string, string | undefined>;
  /** Default: a FakeThreadManager without `startCommandExec` (core's runner is used). */
  threadManager?: FakeThreadManager;
}

/** A message processor over a fake thread manager (given or default), and scratch directories. */
export interface ProcessorServer {
  /** CODEX_HOME of the current test (write `config.toml` here before `start`). */
  readonly home: TempDir;
  /** A fresh empty directory, removed after the test. */
  scratch(): Promise<string>;
  /** Starts the server; resolves with an initialized client. */
  start(options?: ProcessorServerOptions): Promise<RpcHarness>;
  /** Starts one server with two initialized clients (two connections). */
  startPair(options?: ProcessorServerOptions): Promise<[RpcHarness, RpcHarness]>;
}

/**
 * Registers beforeEach/afterEach hooks (call at the top level of a test file): each test gets a
 * CODEX_HOME, and every client is closed afterwards and must have seen no schema problem.
 */
export function useProcessorServer(): ProcessorServer {
  let home: TempDir | undefined;
  let dirs: TempDir[] = [];
  let harnesses: RpcHarness[] = [];

  beforeEach(async () => {
    home = await makeTempCodexHome();
    dirs = [];
    harnesses = [];
  });

  afterEach(async () => {
    for (const harness of harnesses) await harness.close();
    for (const harness of harnesses) expect(harness.problems).toEqual([]);
    for (const dir of [...dirs, ...(home ? [home] : [])]) await dir.cleanup();
    home = undefined;
  });

  const currentHome = (): TempDir => {
    if (!home) throw new Error('no CODEX_HOME outside a test');
    return home;
  };

  return {
    get home() {
      return currentHome();
    },
    async scratch() {
      const dir = await makeTempCodexHome();
      dirs.push(dir);
      return dir.path;
    },
    async start(options = {}) {
      const processor = newProcessor(options);
      const harness = new RpcHarness(
        serveInProcess(processor, { shutdown: () => processor.shutdown() }),
      );
      harnesses.push(harness);
      await harness.initialize();
      return harness;
    },
    async startPair(options = {}) {
      const processor = newProcessor(options);
      const pair = [
        new RpcHarness(serveInProcess(processor)),
        new RpcHarness(serveInProcess(processor)),
      ] as const;
      harnesses.push(...pair);
      await Promise.all(pair.map((harness) => harness.initialize()));
      return [...pair];
    },
  };

  function newProcessor(options: ProcessorServerOptions): MessageProcessor {
    return new MessageProcessor({
      threadManager: options.threadManager ?? new FakeThreadManager(),
      codexHome: currentHome().path,
      env: options.env ?? { PATH: process.env['PATH'] },
      cliVersion: '0.0.0-test',
    });
  }
}

/** The `command/exec` result shape. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}
