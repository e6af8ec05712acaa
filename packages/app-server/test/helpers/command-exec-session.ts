import { readFile } from 'node:fs/promises';
import type { ServerToClientMessage } from '@codex-ts/app-server';
import { appServerSchemaValidator } from '@codex-ts/test-support';
import type { RpcHarness } from './rpc-harness.js';

/** `command/exec/outputDelta` params. */
export interface OutputDelta {
  processId: string;
  stream: 'stdout' | 'stderr';
  deltaBase64: string;
  capReached: boolean;
}

/** Throws unless `params` of `method` validate against the Rust reference schema. */
export function checked<T>(method: string, params: T): T {
  const violation = appServerSchemaValidator().validateRequestParams(method, params);
  if (violation) {
    throw new Error(`${violation.what} invalid: ${violation.errors.join('; ')}`);
  }
  return params;
}

/** Every output delta the client received for `processId`, in order. */
export function deltasOf(client: RpcHarness, processId: string): OutputDelta[] {
  return client.messages.flatMap((m) =>
    'method' in m &&
    m.method === 'command/exec/outputDelta' &&
    (m.params as OutputDelta).processId === processId
      ? [m.params as OutputDelta]
      : [],
  );
}

/** The decoded bytes of one stream of `deltas`. */
export function bytesOf(deltas: readonly OutputDelta[], stream: 'stdout' | 'stderr'): Buffer {
  return Buffer.concat(
    deltas.filter((d) => d.stream === stream).map((d) => Buffer.from(d.deltaBase64, 'base64')),
  );
}

/** The decoded stdout of `processId` so far, as text. */
export function stdoutOf(client: RpcHarness, processId: string): string {
  return bytesOf(deltasOf(client, processId), 'stdout').toString('utf8');
}

/** Waits until the stdout of `processId` matches `pattern`; resolves with the match. */
export async function waitForStdout(
  client: RpcHarness,
  processId: string,
  pattern: RegExp,
): Promise<RegExpExecArray> {
  await client.waitFor(
    () => pattern.test(stdoutOf(client, processId)),
    `stdout of ${processId} matching ${String(pattern)}`,
  );
  const match = pattern.exec(stdoutOf(client, processId));
  if (!match) throw new Error('unreachable');
  return match;
}

/** Index of the response to request `id` among the recorded messages (-1: none yet). */
export function responseIndex(messages: readonly ServerToClientMessage[], id: number): number {
  return messages.findIndex((m) => !('method' in m) && m.id === id);
}

/** Polls `condition` until it holds (a safety limit of 10 s fails with `what`). */
export async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** True once `pid` has exited (a zombie nobody reaped yet counts as exited), within 2 s. */
export async function isGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (!(await isRunning(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

export async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${String(pid)}/stat`, 'utf8').catch(() => '');
  // Field 3 (after the parenthesised name) is the state; Z = zombie.
  return stat !== '' && !/\) Z /.test(stat);
}
