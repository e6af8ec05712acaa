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
