import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AppendWriter } from '../../src/rollout/append-writer.js';
import { RolloutWriteError } from '../../src/rollout/rollout-errors.js';

/** A file handle fake: collects bytes, writes at most `maxChunk` per call, fails on demand. */
class FakeHandle {
  written = '';
  writeCalls = 0;
  failNext = 0;
  closed = false;
  constructor(private readonly maxChunk = Number.POSITIVE_INFINITY) {}

  write(buffer: Buffer, offset: number, length: number): Promise<{ bytesWritten: number }> {
    this.writeCalls++;
    if (this.failNext > 0) {
      this.failNext--;
      return Promise.reject(
        Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }),
      );
    }
    const count = Math.min(length, this.maxChunk);
    this.written += buffer.subarray(offset, offset + count).toString('utf8');
    return Promise.resolve({ bytesWritten: count });
  }
  datasync(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

function writerFor(fake: FakeHandle): AppendWriter {
  return new AppendWriter(fake as unknown as FileHandle, '/fake/rollout.jsonl');
}

describe('AppendWriter', () => {
  it('batches queued lines and completes short writes', async () => {
    const fake = new FakeHandle(7);
    const writer = writerFor(fake);
    for (let i = 0; i < 50; i++) writer.enqueue(`{"n":${i}}\n`);
    await writer.flush();
    expect(fake.written).toBe(Array.from({ length: 50 }, (_, i) => `{"n":${i}}\n`).join(''));
  });

  it('reports a failed write on flush and retries it on the next flush without duplicates', async () => {
    const fake = new FakeHandle();
    const writer = writerFor(fake);
    writer.enqueue('{"a":1}\n');
    await writer.flush();
    fake.failNext = 1;
    writer.enqueue('{"b":2}\n');
    const error = await writer.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RolloutWriteError);
    expect((error as RolloutWriteError).code).toBe('rollout_write_failed');
    writer.enqueue('{"c":3}\n');
    await writer.flush();
    expect(fake.written).toBe('{"a":1}\n{"b":2}\n{"c":3}\n');
  });

  it('close writes what is queued and closes the handle', async () => {
    const fake = new FakeHandle();
    const writer = writerFor(fake);
    writer.enqueue('{"last":true}\n');
    await writer.close();
    expect(fake.written).toBe('{"last":true}\n');
    expect(fake.closed).toBe(true);
  });
});
