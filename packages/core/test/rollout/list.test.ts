import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRolloutPath, listRolloutFiles } from '../../src/rollout/rollout-list.js';
import {
  parseRolloutFileName,
  rolloutFileName,
  rolloutPathFor,
} from '../../src/rollout/rollout-paths.js';
import { makeTempDir, removeDir } from './rollout-helpers.js';

const ID_A = '0199a213-0000-7000-8000-00000000000a';
const ID_B = '0199a213-0000-7000-8000-00000000000b';
const ID_C = '0199a213-0000-7000-8000-00000000000c';
const ID_D = '0199a213-0000-7000-8000-00000000000d';

let home: string;

beforeEach(async () => {
  home = await makeTempDir('rollout-list-');
});
afterEach(async () => {
  await removeDir(home);
});

async function touch(...parts: string[]): Promise<string> {
  const path = join(home, ...parts);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '');
  return path;
}

/** An empty `<dir>/YYYY/MM/DD/rollout-<stamp>-<id>.jsonl`, its date folders taken from `stamp`. */
function touchDated(dir: string, stamp: string, id: string): Promise<string> {
  const [year, month, day] = [stamp.slice(0, 4), stamp.slice(5, 7), stamp.slice(8, 10)];
  return touch(dir, year, month, day, `rollout-${stamp}-${id}.jsonl`);
}

describe('rollout file names', () => {
  it('formats and parses rollout-<local time>-<uuid>.jsonl', () => {
    const createdAt = new Date(2026, 0, 2, 3, 4, 5);
    expect(rolloutFileName(createdAt, ID_A)).toBe(`rollout-2026-01-02T03-04-05-${ID_A}.jsonl`);
    expect(rolloutPathFor(home, ID_A, createdAt)).toBe(
      join(home, 'sessions', '2026', '01', '02', `rollout-2026-01-02T03-04-05-${ID_A}.jsonl`),
    );
    expect(parseRolloutFileName(`rollout-2026-01-02T03-04-05-${ID_A.toUpperCase()}.jsonl`)).toEqual(
      { fileTimestamp: '2026-01-02T03-04-05', threadId: ID_A },
    );
    expect(parseRolloutFileName(`rollout-2026-01-02T03-04-05-${ID_A}.json`)).toBeNull();
    expect(parseRolloutFileName(`rollout-2026-01-02-${ID_A}.jsonl`)).toBeNull();
    expect(parseRolloutFileName('rollout-2026-01-02T03-04-05-not-a-uuid.jsonl')).toBeNull();
  });
});

describe('listRolloutFiles / findRolloutPath', () => {
  it('lists newest first across date directories and skips foreign files', async () => {
    const a = await touchDated('sessions', '2025-09-30T23-59-59', ID_A);
    const b = await touchDated('sessions', '2025-10-01T08-00-00', ID_B);
    const c = await touchDated('sessions', '2025-10-01T09-00-00', ID_C);
    const d = await touchDated('sessions', '2025-10-01T09-00-00', ID_D);
    await touch('sessions', '2025', '10', '01', 'notes.txt');
    await touch('sessions', 'misc', `rollout-2025-10-02T00-00-00-${ID_A}.jsonl`);
    const listed: string[] = [];
    for await (const entry of listRolloutFiles(home)) listed.push(entry.path);
    expect(listed).toEqual([d, c, b, a]);
  });

  it('finds a thread by id in sessions, then in archived_sessions', async () => {
    const live = await touchDated('sessions', '2025-10-01T08-00-00', ID_B);
    const archived = await touch('archived_sessions', `rollout-2025-09-01T08-00-00-${ID_C}.jsonl`);
    const archivedNested = await touchDated('archived_sessions', '2025-08-01T08-00-00', ID_D);
    expect(await findRolloutPath(home, ID_B)).toBe(live);
    expect(await findRolloutPath(home, ID_B.toUpperCase())).toBe(live);
    expect(await findRolloutPath(home, ID_C)).toBe(archived);
    expect(await findRolloutPath(home, ID_D)).toBe(archivedNested);
    expect(await findRolloutPath(home, ID_C, { includeArchived: false })).toBeNull();
    expect(await findRolloutPath(home, ID_A)).toBeNull();
    expect(await findRolloutPath(home, 'not-a-uuid')).toBeNull();

    const archivedList: Array<{ path: string; archived: boolean }> = [];
    for await (const entry of listRolloutFiles(home, { archived: true })) {
      archivedList.push({ path: entry.path, archived: entry.archived });
    }
    expect(archivedList).toEqual([
      { path: archived, archived: true },
      { path: archivedNested, archived: true },
    ]);
  });

  it('yields nothing when CODEX_HOME has no sessions', async () => {
    const listed: unknown[] = [];
    for await (const entry of listRolloutFiles(join(home, 'nowhere'))) listed.push(entry);
    expect(listed).toEqual([]);
  });
});
