// End-to-end: `codex resume|fork|archive|unarchive|delete` through the built binary (`npm run
// build` first). A first `codex exec` run against the fake Responses server stores the thread;
// these need core's stored threads (rollouts, thread/list, fork, archive).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completed,
  jsonLines,
  outputTextMessage,
  responseCreated,
  runCodexInEnv,
  sseResponse,
  startModelTestEnv,
  usage,
  type ModelTestEnv,
} from '@codex-ts/test-support';

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { model: 'gpt-5.1-codex' } });
});

afterEach(() => env.cleanup());

const codex = (args: string[]) => runCodexInEnv(env, args);

async function storedThread(): Promise<string> {
  env.server.enqueue(
    sseResponse(responseCreated(), outputTextMessage('done'), completed('resp_1', usage({}))),
  );
  const run = await codex(['exec', '--json', '--skip-git-repo-check', 'a first task']);
  expect(run.code).toBe(0);
  const started = jsonLines(run.stdout).find((e) => e['type'] === 'thread.started');
  return String(started?.['thread_id']);
}

const MISSING = '019b9999-0000-7000-8000-000000000000';

describe('codex resume', () => {
  it('opens the interactive UI, which needs a terminal (exit 1 without one)', async () => {
    const id = await storedThread();
    for (const args of [['resume', id], ['resume', '--last'], ['resume']]) {
      const run = await codex(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('the interactive UI needs a terminal');
    }
  });
});

describe('codex fork', () => {
  it('forks a session and prints the new id', async () => {
    const id = await storedThread();
    const run = await codex(['fork', id]);
    expect(run.code).toBe(0);
    const forked = run.stdout.trim();
    expect(forked).toMatch(/^[0-9a-f-]{36}$/);
    expect(forked).not.toBe(id);
    expect(run.stderr).toContain(`Forked session ${id} into ${forked}`);

    // The fork is stored: it resumes, and its model input carries the source thread's turn.
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_2'),
        outputTextMessage('ok'),
        completed('resp_2', usage({})),
      ),
    );
    const resumed = await codex([
      'exec',
      '--json',
      '--skip-git-repo-check',
      'resume',
      forked,
      'continue the fork',
    ]);
    expect(resumed.code).toBe(0);
    const started = jsonLines(resumed.stdout).find((e) => e['type'] === 'thread.started');
    expect(started?.['thread_id']).toBe(forked);
    const input = JSON.stringify(env.server.modelRequests()[1]?.body);
    expect(input).toContain('a first task');
    expect(input).toContain('continue the fork');

    const last = await codex(['fork', '--last', id]);
    expect(last.code).toBe(2);
  });
});

describe('codex archive / unarchive / delete', () => {
  it('archives, unarchives and deletes a session', async () => {
    const id = await storedThread();
    const archived = await codex(['archive', id]);
    expect(archived.code).toBe(0);
    expect(archived.stdout).toContain(`Archived session ${id}`);
    expect((await codex(['resume', '--last'])).code).toBe(1);

    const unarchived = await codex(['unarchive', id]);
    expect(unarchived.code).toBe(0);
    expect(unarchived.stdout).toBe(`Unarchived session ${id}.\n`);

    const refused = await codex(['delete', id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pass --force');

    const deleted = await codex(['delete', id, '--force']);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`Deleted session ${id}.\n`);
    expect((await codex(['resume', id])).code).toBe(1);
  });

  it('reports an unknown session (exit 1)', async () => {
    for (const command of ['archive', 'unarchive', 'delete']) {
      const run = await codex([command, MISSING, '--force'].slice(0, command === 'delete' ? 3 : 2));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`No saved session found with ID ${MISSING}`);
    }
  });
});
