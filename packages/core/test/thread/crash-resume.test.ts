import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  baseEnv,
  CODEX_BIN,
  completed,
  functionCall,
  outputTextMessage,
  responseCreated,
  runCodex,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import { loadConfig } from '@codex-ts/config';
import { readRollout } from '../../src/rollout/rollout-reader.js';
import { listRolloutFiles } from '../../src/rollout/rollout-list.js';
import { ThreadManager } from '../../src/index.js';

/**
 * Rollouts survive a process killed at any moment: `codex exec` runs tool-heavy turns (every
 * model response asks for another command) and is SIGKILLed at a random time, many times. Every
 * file left behind must parse line by line, be listed after the backfill, and resume.
 */
let env: ModelTestEnv | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

const KILLS = 12;

function toolCall(n: number) {
  return sseResponse(
    responseCreated(`resp_${n}`),
    functionCall(`call_${n}`, 'exec_command', { cmd: `echo step-${n}` }),
    completed(`resp_${n}`),
  );
}

function startExec(e: ModelTestEnv, prompt: string) {
  return spawn(
    CODEX_BIN,
    ['exec', '--json', '--skip-git-repo-check', '-s', 'danger-full-access', prompt],
    {
      cwd: e.work.path,
      env: baseEnv(e.home.path, { MOCK_KEY: 'k' }),
      stdio: 'ignore',
    },
  );
}

async function managerFor(e: ModelTestEnv) {
  const processEnv = baseEnv(e.home.path, { MOCK_KEY: 'k' });
  const config = await loadConfig({
    codexHome: e.home.path,
    env: processEnv,
    overrides: { cwd: e.work.path, sandboxMode: 'danger-full-access', approvalPolicy: 'never' },
  });
  const manager = new ThreadManager({ env: processEnv, sessionSource: 'exec', cliVersion: '0' });
  return { manager, config };
}

describe('rollouts after kill -9', () => {
  it('parse, are listed after the backfill, and resume', async () => {
    env = await startModelTestEnv({ mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 } });
    let n = 0;
    env.server.setDefault(toolCall(0));
    for (let i = 0; i < KILLS; i++) {
      for (let k = 0; k < 50; k++) env.server.enqueue(toolCall(++n));
      const child = startExec(env, `crash run ${i}`);
      const seen = env.server.requests.length;
      // Wait until this run is inside its turn loop, then kill it at a random moment.
      await env.server.waitForRequests(seen + 2, 15_000);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 250)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }

    const files = [];
    for await (const entry of listRolloutFiles(env.home.path)) files.push(entry);
    expect(files).toHaveLength(KILLS);
    for (const file of files) {
      const contents = await readRollout(file.path);
      // Only a torn last line may be dropped; no line in the middle is bad.
      expect(contents.warnings).toEqual([]);
      const text = await readFile(file.path, 'utf8');
      const lines = text.split('\n');
      for (const line of lines.slice(0, -1))
        expect(() => JSON.parse(line) as unknown).not.toThrow();
    }

    const { manager, config } = await managerFor(env);
    try {
      const listed = await manager.listThreads({ codexHome: env.home.path, limit: 100 });
      expect(listed.threads.map((t) => t.id).sort()).toEqual(files.map((f) => f.threadId).sort());
      env.server.setDefault(
        sseResponse(
          responseCreated('resp_done'),
          outputTextMessage('recovered'),
          completed('resp_done'),
        ),
      );
      for (const file of files.slice(0, 3)) {
        const thread = await manager.resumeThread({ config, threadId: file.threadId });
        const before = env.server.modelRequests().length;
        const done = new Promise<void>((resolve) => {
          const off = thread.subscribe((e) => {
            if (e.method === 'turn/completed') {
              off();
              resolve();
            }
          });
        });
        thread.startTurn([{ type: 'text', text: 'continue', text_elements: [] }]);
        await done;
        const request = env.server.modelRequests()[before];
        expect(JSON.stringify(request?.body)).toContain(thread.snapshot().preview);
      }
    } finally {
      await manager.shutdown();
    }
  }, 120_000);

  it('two exec processes at once leave both threads on disk and in the database', async () => {
    env = await startModelTestEnv();
    env.server.setDefault(
      sseResponse(responseCreated('r'), outputTextMessage('done'), completed('r')),
    );
    const runs = await Promise.all(
      ['first parallel run', 'second parallel run'].map((prompt) =>
        runCodex(['exec', '--skip-git-repo-check', prompt], {
          cwd: env!.work.path,
          env: baseEnv(env!.home.path, { MOCK_KEY: 'k' }),
        }),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const { manager } = await managerFor(env);
    try {
      const listed = await manager.listThreads({ codexHome: env.home.path });
      expect(listed.threads.map((t) => t.preview).sort()).toEqual([
        'first parallel run',
        'second parallel run',
      ]);
      for (const thread of listed.threads) {
        const contents = await readRollout(thread.path!);
        expect(contents.warnings).toEqual([]);
        expect(contents.truncatedTail).toBe(false);
      }
    } finally {
      await manager.shutdown();
    }
  });
});
