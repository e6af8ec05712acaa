import type { Thread } from '@codex-ts/protocol';

/**
 * A v2 `Thread` as the app server answers it for a stored, not loaded thread: `id` as its id and
 * session id, no turns, and plain defaults for the rest; `fields` override any of them.
 */
export function sampleThread(id: string, fields: Partial<Thread> = {}): Thread {
  return {
    id,
    sessionId: id,
    preview: '',
    ephemeral: false,
    modelProvider: 'openai',
    model: null,
    createdAt: 1,
    updatedAt: 1,
    status: { type: 'notLoaded' },
    path: null,
    cwd: '/work',
    cliVersion: '0.0.0',
    source: 'cli',
    name: null,
    projectId: null,
    turns: [],
    ...fields,
  };
}
