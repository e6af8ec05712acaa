import { afterEach, beforeEach } from 'vitest';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
import { StateDb } from '../../src/state-db/state-db.js';
import type { ThreadUpsert } from '../../src/state-db/thread-row.js';

export const BASE_MS = 1_700_000_000_000;

/** A thread row with everything required, overridable field by field. */
export function thread(id: string, overrides: Partial<ThreadUpsert> = {}): ThreadUpsert {
  return {
    id,
    rolloutPath: `/home/u/.codex/sessions/2025/01/01/rollout-${id}.jsonl`,
    cwd: '/work/project',
    modelProvider: 'openai',
    source: 'cli',
    createdAt: BASE_MS,
    updatedAt: BASE_MS,
    preview: `first message of ${id}`,
    cliVersion: '0.1.0',
    ...overrides,
  };
}

/** A state database opened in a temp CODEX_HOME. */
export interface TempStateDb {
  /** The current test's CODEX_HOME. */
  readonly home: TempDir;
  /** The current test's database, open in `home`. */
  readonly db: StateDb;
}

/**
 * Gives each test of the file a temp CODEX_HOME with the state database open in it (registered as
 * beforeEach/afterEach hooks, so call it at the top level of the file); read them through the
 * returned object inside tests. After each test the database is closed and the home removed.
 */
export function useTempStateDb(): TempStateDb {
  let home: TempDir | undefined;
  let db: StateDb | undefined;

  beforeEach(async () => {
    home = await makeTempCodexHome();
    db = await StateDb.open(home.path);
  });

  afterEach(async () => {
    db?.close();
    await home?.cleanup();
    db = undefined;
    home = undefined;
  });

  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the temp state DB's ${what} is used outside a test`);
    return value;
  };

  return {
    get home() {
      return current(home, 'home');
    },
    get db() {
      return current(db, 'database');
    },
  };
}
