// End-to-end: `codex exec resume` through the built binary (`npm run build` first) against the
// fake Responses server. These need core's stored threads (rollouts, thread/list, resumeThread).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Codex } from '@openai/codex-sdk';
import {
  baseEnv,
  CODEX_BIN,
  completed,
  jsonLines,
  outputTextMessage,
  REPO_ROOT,
  responseCreated,
  runCodex,
  runExecJsonInEnv,
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

function exec(args: string[], stdin?: string) {
  return runExecJsonInEnv(env, args, stdin !== undefined ? { stdin } : {});
}

function answer(text: string, id: string): void {
  env.server.enqueue(
    sseResponse(responseCreated(id), outputTextMessage(text), completed(id, usage({ input: 5 }))),
  );
}

function threadIdOf(stdout: string): string {
  const started = jsonLines(stdout).find((e) => e['type'] === 'thread.started');
  return String(started?.['thread_id']);
}

/** The text of every model request's input, in order. */
function inputs(): string[] {
  return env.server
    .modelRequests()
    .map((r) => JSON.stringify((r.body as { input: unknown }).input));
}

describe('codex exec resume', () => {
  it('continues a thread by id: same thread id, the earlier turn in the model input', async () => {
    answer('first answer', 'resp_1');
    const first = await exec(['remember the word kumquat']);
    expect(first.code).toBe(0);
    const threadId = threadIdOf(first.stdout);

    answer('second answer', 'resp_2');
    const second = await exec(['resume', threadId, 'what was the word?']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(threadIdOf(second.stdout)).toBe(threadId);
    const [, resumedInput] = inputs();
    expect(resumedInput).toContain('remember the word kumquat');
    expect(resumedInput).toContain('first answer');
    expect(resumedInput).toContain('what was the word?');
  });

  it('--last picks the most recent thread of this directory; the prompt may come from stdin', async () => {
    answer('one', 'resp_1');
    const first = await exec(['first task']);
    const threadId = threadIdOf(first.stdout);

    answer('two', 'resp_2');
    const withArg = await exec(['resume', '--last', 'next step']);
    expect(withArg.code).toBe(0);
    expect(threadIdOf(withArg.stdout)).toBe(threadId);

    answer('three', 'resp_3');
    const fromStdin = await exec(['resume', '--last'], 'from stdin');
    expect(fromStdin.code).toBe(0);
    expect(threadIdOf(fromStdin.stdout)).toBe(threadId);
    expect(inputs()[2]).toContain('from stdin');
  });

  it('fails with the server reason for an unknown id (exit 1)', async () => {
    const missing = '019b9999-0000-7000-8000-000000000000';
    const run = await exec(['resume', missing, 'hello']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: thread/resume: no rollout found for thread id ${missing}`);
    expect(env.server.modelRequests()).toHaveLength(0);
  });
});

describe('the official @openai/codex-sdk resumes threads on our binary', () => {
  it('runs two turns on one thread; the second request carries the first turn', async () => {
    answer('noted', 'resp_1');
    answer('it was kumquat', 'resp_2');
    const codex = new Codex({
      codexPathOverride: CODEX_BIN,
      baseUrl: env.server.url,
      apiKey: 'sdk-key',
      env: baseEnv(env.home.path, { MOCK_KEY: 'dummy' }),
    });
    const options = { workingDirectory: env.work.path, skipGitRepoCheck: true };
    const thread = codex.startThread(options);
    await thread.run('remember kumquat');
    const id = thread.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const again = codex.resumeThread(id ?? '', options);
    const result = await again.run('what did I ask you to remember?');
    expect(result.finalResponse).toBe('it was kumquat');
    expect(again.id).toBe(id);
    const [, second] = inputs();
    expect(second).toContain('remember kumquat');
    expect(second).toContain('noted');
  });
});

describe('a rollout written by the Rust Codex', () => {
  it('resumes with codex exec resume: the next request carries its turn', async () => {
    const fixture = await readFile(
      join(REPO_ROOT, 'packages/core/test/rollout/fixtures/rust-session.jsonl'),
      'utf8',
    );
    const id = '0199e1a4-3b2c-7d41-9f0e-5a6b7c8d9e0f';
    const dir = join(env.home.path, 'sessions', '2025', '10', '14');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `rollout-2025-10-14T09-12-03-${id}.jsonl`), fixture);
    answer('continuing', 'resp_r1');
    // The session was with the openai provider: resuming keeps it, pointed at the fake server.
    const run = await runCodex(
      [
        'exec',
        '--json',
        '--skip-git-repo-check',
        '-c',
        `openai_base_url="${env.server.url}"`,
        'resume',
        id,
        'and the tests?',
      ],
      { cwd: env.work.path, env: baseEnv(env.home.path, { OPENAI_API_KEY: 'sk-test' }) },
    );
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0]).toEqual({ type: 'thread.started', thread_id: id });
    const input = JSON.stringify(env.server.modelRequests()[0]?.body);
    expect(input).toContain('Why does GET /users return 500?');
    expect(input).toContain('call_Qm3nV8sPz1');
    expect(input).toContain('and the tests?');
    // Our lines are appended to the same file, after Rust's.
    const after = await readFile(join(dir, `rollout-2025-10-14T09-12-03-${id}.jsonl`), 'utf8');
    expect(after.startsWith(fixture)).toBe(true);
    expect(after.length).toBeGreaterThan(fixture.length);
  });
});
