import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExecEventSchema } from '@codex-ts/protocol';
import {
  completed,
  functionCall,
  jsonLines,
  outputTextMessage,
  responseCreated,
  runCodexInEnv,
  runGit,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';

// `codex exec review` and `codex review` through the built binary against the fake Responses
// server, in a real git repository.

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv({
    mockProvider: { model: 'gpt-5.1-codex', requestMaxRetries: 0, streamMaxRetries: 0 },
  });
  await writeFile(join(env.work.path, 'a.txt'), 'one\n');
  await runGit(env.work.path, ['init', '-q', '-b', 'main']);
  await runGit(env.work.path, ['add', '-A']);
  await runGit(env.work.path, ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'first']);
});

afterEach(() => env.cleanup());

const REVIEW = {
  findings: [
    {
      title: 'Missing newline',
      body: 'The file loses its final newline.',
      confidence_score: 0.6,
      priority: 2,
      code_location: { absolute_file_path: '/repo/a.txt', line_range: { start: 1, end: 1 } },
    },
  ],
  overall_correctness: 'patch is correct',
  overall_explanation: 'Fine apart from a nit.',
  overall_confidence_score: 0.8,
};
const RENDERED =
  'Fine apart from a nit.\n\nReview comment:\n\n- Missing newline — /repo/a.txt:1-1\n  The file loses its final newline.';

const answer = (id: string, text: string) =>
  sseResponse(responseCreated(id), outputTextMessage(text, { deltas: 2 }), completed(id));

/** The text of the last user message of the n-th model request. */
function lastUserText(n: number): string {
  const body = env.server.modelRequests()[n]?.body as {
    input: Array<{ role?: string; content?: Array<{ text?: string }> }>;
  };
  const users = body.input.filter((i) => i.role === 'user');
  return users.at(-1)?.content?.[0]?.text ?? '';
}

describe('codex exec review', () => {
  it('prints the review as the agent message of a JSONL stream, hiding the review items', async () => {
    await writeFile(join(env.work.path, 'a.txt'), 'one');
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_1', 'exec_command', { cmd: 'git diff --stat' }),
        completed('resp_1'),
      ),
      answer('resp_2', JSON.stringify(REVIEW)),
    );
    const run = await runCodexInEnv(env, ['exec', '--json', 'review', '--uncommitted']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    for (const e of events) expect(ExecEventSchema.safeParse(e).success).toBe(true);
    expect(
      events.map((e) =>
        `${String(e['type'])} ${String((e['item'] as { type?: string })?.type ?? '')}`.trim(),
      ),
    ).toEqual([
      'thread.started',
      'turn.started',
      'item.started command_execution',
      'item.completed command_execution',
      'item.completed agent_message',
      'turn.completed',
    ]);
    expect(events[4]).toEqual({
      type: 'item.completed',
      item: { id: 'item_1', type: 'agent_message', text: RENDERED },
    });
    expect(lastUserText(0)).toBe(
      'Review the current code changes (staged, unstaged, and untracked files) and provide prioritized findings.',
    );
    const body = env.server.modelRequests()[0]?.body as { instructions: string };
    expect(body.instructions).toContain('code reviewer');
  });

  it('reviews against a base branch in human mode and writes the review with -o', async () => {
    const base = (await runGit(env.work.path, ['rev-parse', 'HEAD'])).trim();
    await runGit(env.work.path, ['checkout', '-q', '-b', 'feature']);
    await writeFile(join(env.work.path, 'b.txt'), 'two\n');
    await runGit(env.work.path, ['add', '-A']);
    await runGit(env.work.path, ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'second']);
    env.server.enqueue(answer('resp_1', JSON.stringify(REVIEW)));
    const run = await runCodexInEnv(env, [
      'exec',
      'review',
      '--base',
      'main',
      '--color',
      'never',
      '-o',
      'review.txt',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${RENDERED}\n`);
    expect(run.stderr).toContain("user\nchanges against 'main'\n");
    expect(await readFile(join(env.work.path, 'review.txt'), 'utf8')).toBe(RENDERED);
    expect(lastUserText(0)).toContain(`The merge base commit for this comparison is ${base}.`);
  });

  it('runs `codex review` with custom instructions, also from stdin', async () => {
    env.server.enqueue(answer('resp_1', 'No issues found.'), answer('resp_2', 'Still fine.'));
    const run = await runCodexInEnv(env, ['review', '  Check the parser  ']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('No issues found.\n');
    expect(lastUserText(0)).toBe('Check the parser');

    const piped = await runCodexInEnv(env, ['exec', 'review', '-'], {
      stdin: 'Look at error handling\n',
    });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe('Still fine.\n');
    expect(lastUserText(1)).toBe('Look at error handling');
  });

  it('reviews a commit with its title', async () => {
    const sha = (await runGit(env.work.path, ['rev-parse', 'HEAD'])).trim();
    env.server.enqueue(answer('resp_1', JSON.stringify(REVIEW)));
    const run = await runCodexInEnv(env, [
      'exec',
      'review',
      '--commit',
      sha,
      '--title',
      'First commit',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(lastUserText(0)).toBe(
      `Review the code changes introduced by commit ${sha} ("First commit"). Provide prioritized, actionable findings.`,
    );
  });

  it('refuses a missing or conflicting target', async () => {
    const none = await runCodexInEnv(env, ['exec', 'review']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      'Specify --uncommitted, --base, --commit, or provide custom review instructions',
    );
    const both = await runCodexInEnv(env, ['exec', 'review', '--uncommitted', '--base', 'main']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      "the argument '--uncommitted' cannot be used with '--base <BRANCH>'",
    );
    const title = await runCodexInEnv(env, ['review', '--title', 'x']);
    expect(title.code).toBe(2);
    expect(title.stderr).toContain('--commit <SHA>');
    const withPrompt = await runCodexInEnv(env, ['review', '--commit', 'abc', 'look here']);
    expect(withPrompt.code).toBe(2);
    expect(env.server.modelRequests()).toEqual([]);
  });
});
