import { execFile } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempHome } from '../temp-home.js';
import type { TempHome } from '../temp-home.js';
import { appendHistoryEntry, trimTargetBytes } from '../../src/history/history-append.js';
import { withFileLock } from '../../src/history/history-lock.js';
import {
  historyMetadata,
  lookupHistoryEntry,
  searchHistory,
} from '../../src/history/history-read.js';
import type { HistoryEntry } from '../../src/history/history-types.js';

const run = promisify(execFile);
const hooks = fileURLToPath(
  new URL('../../../core/test/state-db/child/ts-hooks.mjs', import.meta.url),
);
const writer = fileURLToPath(new URL('./child/history-writer.mjs', import.meta.url));

let home: TempHome;
let file: string;
beforeEach(async () => {
  home = makeTempHome();
  file = join(home.dir, 'history.jsonl');
});
afterEach(async () => {
  home.cleanup();
});

async function append(text: string, extra: { maxBytes?: number; sessionId?: string } = {}) {
  return appendHistoryEntry({
    codexHome: home.dir,
    sessionId: extra.sessionId ?? 'thread-1',
    text,
    persistence: 'save-all',
    maxBytes: extra.maxBytes,
  });
}

async function lines(): Promise<HistoryEntry[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as HistoryEntry);
}

describe('history.jsonl', () => {
  it('appends {session_id, ts, text} lines, owner-only', async () => {
    const before = Math.floor(Date.now() / 1000);
    expect(await append('first prompt')).toBe(true);
    expect(await append('second "quoted"\nprompt', { sessionId: 'thread-2' })).toBe(true);
    const raw = await readFile(file, 'utf8');
    expect(raw.split('\n')[0]).toMatch(
      /^\{"session_id":"thread-1","ts":\d+,"text":"first prompt"\}$/,
    );
    const [a, b] = await lines();
    expect(a?.ts).toBeGreaterThanOrEqual(before);
    expect(b).toMatchObject({ session_id: 'thread-2', text: 'second "quoted"\nprompt' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('tightens the mode of an existing file', async () => {
    await writeFile(file, '', { mode: 0o644 });
    await append('x');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when persistence is none', async () => {
    const wrote = await appendHistoryEntry({
      codexHome: home.dir,
      sessionId: 't',
      text: 'secret',
      persistence: 'none',
      maxBytes: null,
    });
    expect(wrote).toBe(false);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await historyMetadata(home.dir)).toEqual({ logId: 0, count: 0 });
  });

  it('past max_bytes drops the oldest lines down to 80% of the cap, in place', async () => {
    const maxBytes = 1000;
    for (let i = 0; i < 30; i++) await append(`prompt number ${i}`, { maxBytes });
    const size = (await stat(file)).size;
    expect(size).toBeLessThanOrEqual(maxBytes);
    const kept = await lines();
    expect(kept.at(-1)?.text).toBe('prompt number 29');
    // Consecutive and newest: only whole lines from the front went.
    const numbers = kept.map((e) => Number(e.text.split(' ').at(-1)));
    expect(numbers).toEqual(numbers.map((_, i) => 30 - kept.length + i));
  });

  it('keeps the newest line even when it alone is over the cap', async () => {
    await append('short one');
    await append('y'.repeat(500), { maxBytes: 100 });
    const kept = await lines();
    expect(kept.map((e) => e.text)).toEqual(['y'.repeat(500)]);
    expect(trimTargetBytes(100, 30)).toBe(80);
    expect(trimTargetBytes(100, 550)).toBe(550);
    expect(trimTargetBytes(1, 0)).toBe(1);
  });

  it('no cap when max_bytes is 0 or unset', async () => {
    for (let i = 0; i < 5; i++) await append('z'.repeat(100), { maxBytes: 0 });
    expect(await lines()).toHaveLength(5);
  });

  it('metadata and lookup give the composer its entries by offset', async () => {
    await append('one');
    await append('two');
    await append('three');
    const meta = await historyMetadata(home.dir);
    expect(meta.count).toBe(3);
    expect(meta.logId).toBe(Number((await stat(file, { bigint: true })).ino));
    expect((await lookupHistoryEntry(home.dir, meta.logId, 0))?.text).toBe('one');
    expect((await lookupHistoryEntry(home.dir, meta.logId, 2))?.text).toBe('three');
    expect(await lookupHistoryEntry(home.dir, meta.logId, 3)).toBeNull();
    expect((await lookupHistoryEntry(home.dir, 0, 1))?.text).toBe('two');
    expect(await lookupHistoryEntry(home.dir, meta.logId + 1, 0)).toBeNull();
    expect(await lookupHistoryEntry(join(home.dir, 'nowhere'), 0, 0)).toBeNull();
  });

  it('lookup reads long lines across read chunks', async () => {
    const long = 'L'.repeat(200_000);
    await append('before');
    await append(long);
    await append('after');
    const { logId } = await historyMetadata(home.dir);
    expect((await lookupHistoryEntry(home.dir, logId, 1))?.text).toBe(long);
    expect((await lookupHistoryEntry(home.dir, logId, 2))?.text).toBe('after');
  });

  it('search is case-insensitive, newest first, limited', async () => {
    await append('Fix the parser');
    await append('run the tests');
    await append('parser: add a case');
    await append('PARSER again');
    const hits = await searchHistory(home.dir, 'parser', 2);
    expect(hits.map((h) => [h.offset, h.entry.text])).toEqual([
      [3, 'PARSER again'],
      [2, 'parser: add a case'],
    ]);
    expect(await searchHistory(home.dir, 'nothing like it', 10)).toEqual([]);
    expect((await searchHistory(home.dir, '', 10)).map((h) => h.offset)).toEqual([3, 2, 1, 0]);
    expect(await searchHistory(join(home.dir, 'nowhere'), 'x', 5)).toEqual([]);
  });

  it('breaks a lock left behind by a crashed process', async () => {
    const lock = `${file}.lock`;
    await writeFile(lock, '999999999\n');
    await append('after a crash');
    await writeFile(lock, `${process.pid}\n`);
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await append('after an old lock');
    expect((await lines()).map((e) => e.text)).toEqual(['after a crash', 'after an old lock']);
  });

  it('times out with a typed error while the lock is held', async () => {
    await withFileLock(file, async () => {
      await expect(
        appendHistoryEntry({
          codexHome: home.dir,
          sessionId: 't',
          text: 'blocked',
          persistence: 'save-all',
          lock: { timeoutMs: 50 },
        }),
      ).rejects.toMatchObject({ code: 'history_lock_timeout', retryable: true });
    });
  });

  it('two processes appending at once never interleave or lose a line', async () => {
    const count = 150;
    const spawn = (prefix: string, maxBytes?: number) =>
      run(
        process.execPath,
        ['--import', hooks, writer, home.dir, prefix, String(count)].concat(
          maxBytes === undefined ? [] : [String(maxBytes)],
        ),
        { timeout: 60_000 },
      );
    await Promise.all([spawn('alpha'), spawn('beta')]);
    const all = await lines();
    expect(all).toHaveLength(2 * count);
    for (const prefix of ['alpha', 'beta']) {
      const mine = all.filter((e) => e.session_id === `${prefix}-session`);
      expect(mine.map((e) => Number(e.text.split(' ')[1]))).toEqual([...Array(count).keys()]);
    }
  });

  it('two processes appending under a cap leave whole lines within it', async () => {
    const maxBytes = 20_000;
    const spawn = (prefix: string) =>
      run(
        process.execPath,
        ['--import', hooks, writer, home.dir, prefix, '150', String(maxBytes)],
        {
          timeout: 60_000,
        },
      );
    await Promise.all([spawn('alpha'), spawn('beta')]);
    expect((await stat(file)).size).toBeLessThanOrEqual(maxBytes);
    const all = await lines();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => /^(alpha|beta) \d+ x+$/.test(e.text))).toBe(true);
  });
});
