import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseEnv,
  completed,
  customToolCall,
  functionCall,
  jsonLines,
  outputTextMessage,
  responseCreated,
  runCodex,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { model: 'gpt-5.1-codex' } });
});

afterEach(() => env.cleanup());

const PATCHES = {
  add: [
    '*** Begin Patch',
    '*** Add File: hello.py',
    '+def hello():',
    '+    print("hi")',
    '+',
    '+hello()',
    '*** End Patch',
  ].join('\n'),
  update: [
    '*** Begin Patch',
    '*** Update File: hello.py',
    '@@ def hello():',
    '-    print("hi")',
    '+    print("hello, world")',
    '*** End Patch',
  ].join('\n'),
  // Context with trailing spaces and a typographic dash: found by the fuzzy passes.
  fuzzyUpdate: [
    '*** Begin Patch',
    '*** Update File: hello.py',
    '@@',
    ' def hello():   ',
    '     print("hello, world")',
    '+    # greeting \u2014 done',
    '*** End Patch',
  ].join('\n'),
  move: [
    '*** Begin Patch',
    '*** Update File: hello.py',
    '*** Move to: src/greet.py',
    '@@',
    '-hello()',
    '+hello()  # moved',
    '*** End Patch',
  ].join('\n'),
  delete: ['*** Begin Patch', '*** Delete File: old.txt', '*** End Patch'].join('\n'),
};

function script(kind: 'custom' | 'function') {
  const call = (id: string, patch: string) =>
    kind === 'custom'
      ? customToolCall(id, 'apply_patch', patch)
      : functionCall(id, 'apply_patch', { input: patch });
  const steps = Object.entries(PATCHES);
  return [
    ...steps.map(([name, patch], i) =>
      sseResponse(
        responseCreated(`resp_${i}`),
        call(`call_${name}`, patch),
        completed(`resp_${i}`),
      ),
    ),
    sseResponse(responseCreated('resp_done'), outputTextMessage('done'), completed('resp_done')),
  ];
}

async function runEdits(kind: 'custom' | 'function', extraArgs: string[] = []) {
  await writeFile(join(env.work.path, 'old.txt'), 'obsolete\n');
  await mkdir(join(env.work.path, 'src'));
  env.server.enqueue(...script(kind));
  return runCodex(
    [
      'exec',
      '--json',
      '--skip-git-repo-check',
      '-s',
      'workspace-write',
      ...extraArgs,
      'edit files',
    ],
    { cwd: env.work.path, env: baseEnv(env.home.path, { MOCK_KEY: 'k' }) },
  );
}

function fileChanges(stdout: string) {
  return jsonLines(stdout)
    .filter((e) => (e['item'] as { type?: string } | undefined)?.type === 'file_change')
    .map((e) => ({ type: e['type'], item: e['item'] }));
}

async function expectFinalFiles(): Promise<void> {
  const w = env.work.path;
  expect(existsSync(join(w, 'hello.py'))).toBe(false);
  expect(existsSync(join(w, 'old.txt'))).toBe(false);
  // As with the Rust Codex, the patch's own context lines are written back: the fuzzy-matched
  // `def hello():   ` keeps the trailing spaces the model sent.
  expect(await readFile(join(w, 'src', 'greet.py'), 'utf8')).toBe(
    'def hello():   \n    print("hello, world")\n    # greeting \u2014 done\n\nhello()  # moved\n',
  );
}

function expectedEvents(w: string) {
  const change = (id: string, path: string, kind: string) => [
    {
      type: 'item.started',
      item: { id, type: 'file_change', changes: [{ path, kind }], status: 'in_progress' },
    },
    {
      type: 'item.completed',
      item: { id, type: 'file_change', changes: [{ path, kind }], status: 'completed' },
    },
  ];
  return [
    ...change('item_0', join(w, 'hello.py'), 'add'),
    ...change('item_1', join(w, 'hello.py'), 'update'),
    ...change('item_2', join(w, 'hello.py'), 'update'),
    ...change('item_3', join(w, 'hello.py'), 'update'),
    ...change('item_4', join(w, 'old.txt'), 'delete'),
  ];
}

describe('apply_patch end to end through codex exec --json', () => {
  it('adds, updates twice (fuzzy context), moves and deletes: files and file_change events', async () => {
    const run = await runEdits('custom');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    await expectFinalFiles();
    expect(fileChanges(run.stdout)).toEqual(expectedEvents(env.work.path));

    const requests = env.server.modelRequests();
    const tools = (requests[0]?.body as { tools: Array<{ type: string; name: string }> }).tools;
    expect(tools.find((t) => t.name === 'apply_patch')?.type).toBe('custom');
    const second = (requests[1]?.body as { input: Array<Record<string, unknown>> }).input;
    const output = second.find((i) => i['type'] === 'custom_tool_call_output');
    expect(output?.['output']).toMatch(
      /^Exit code: 0\nWall time: \d+\.\d seconds\nOutput:\nSuccess\. Updated the following files:\nA hello\.py\n$/,
    );
  });

  it('does the same through the JSON function variant', async () => {
    // A model the catalog does not know gets the fallback metadata: apply_patch as a function.
    const run = await runEdits('function', ['-m', 'my-own-model']);
    expect(run.code).toBe(0);
    await expectFinalFiles();
    expect(fileChanges(run.stdout)).toEqual(expectedEvents(env.work.path));
    const tools = (
      env.server.modelRequests()[0]?.body as { tools: Array<{ type: string; name: string }> }
    ).tools;
    expect(tools.find((t) => t.name === 'apply_patch')?.type).toBe('function');
    const second = (
      env.server.modelRequests()[1]?.body as { input: Array<Record<string, unknown>> }
    ).input;
    expect(second.find((i) => i['type'] === 'function_call_output')?.['output']).toContain(
      'Success. Updated the following files:\nA hello.py\n',
    );
  });

  it('applies a patch sent through exec_command as apply_patch <<EOF', async () => {
    const heredoc = `apply_patch <<'EOF'\n${PATCHES.add}\nEOF\n`;
    env.server.enqueue(
      sseResponse(
        responseCreated(),
        functionCall('call_1', 'exec_command', { cmd: heredoc }),
        completed(),
      ),
      sseResponse(responseCreated('r2'), outputTextMessage('ok'), completed('r2')),
    );
    const run = await runCodex(
      ['exec', '--json', '--skip-git-repo-check', '-s', 'workspace-write', 'x'],
      {
        cwd: env.work.path,
        env: baseEnv(env.home.path, { MOCK_KEY: 'k' }),
      },
    );
    expect(run.code).toBe(0);
    expect(await readFile(join(env.work.path, 'hello.py'), 'utf8')).toBe(
      'def hello():\n    print("hi")\n\nhello()\n',
    );
    expect(fileChanges(run.stdout).map((e) => e.type)).toEqual(['item.started', 'item.completed']);
    expect(
      jsonLines(run.stdout).some(
        (e) => (e['item'] as { type?: string } | undefined)?.type === 'command_execution',
      ),
    ).toBe(false);
  });

  it('refuses a patch that writes outside the writable roots under never (exec)', async () => {
    const outside = '/var/tmp/codex-exec-patch-outside.txt';
    const patch = ['*** Begin Patch', `*** Add File: ${outside}`, '+nope', '*** End Patch'].join(
      '\n',
    );
    env.server.enqueue(
      sseResponse(responseCreated(), customToolCall('call_1', 'apply_patch', patch), completed()),
      sseResponse(responseCreated('r2'), outputTextMessage('ok'), completed('r2')),
    );
    const run = await runCodex(
      ['exec', '--json', '--skip-git-repo-check', '-s', 'workspace-write', 'x'],
      {
        cwd: env.work.path,
        env: baseEnv(env.home.path, { MOCK_KEY: 'k' }),
      },
    );
    expect(run.code).toBe(0);
    expect(existsSync(outside)).toBe(false);
    const second = (
      env.server.modelRequests()[1]?.body as { input: Array<Record<string, unknown>> }
    ).input;
    expect(String(second.find((i) => i['type'] === 'custom_tool_call_output')?.['output'])).toMatch(
      /^Exit code: 1\n[\s\S]*patch rejected: writing outside of the project/,
    );
  });
});
