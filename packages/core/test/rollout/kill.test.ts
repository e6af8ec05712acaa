import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconstructHistory } from '../../src/rollout/reconstruct-history.js';
import { readRollout } from '../../src/rollout/rollout-reader.js';
import { RolloutRecorder } from '../../src/rollout/rollout-recorder.js';
import { makeTempDir, removeDir, userText } from './rollout-helpers.js';

/**
 * A child process records continuously through the real recorder (bundled from source with
 * esbuild, so no prior build is needed) and is SIGKILLed at a random moment. Every file left
 * behind must parse with no bad line before the last, reconstruct in order, and resume.
 */
const ROLLOUT_SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/rollout/index.ts');

const CHILD = `
import { RolloutRecorder } from './rollout-bundle.mjs';
const [home, threadId] = process.argv.slice(2);
const recorder = await RolloutRecorder.create({
  codexHome: home,
  threadId,
  meta: { cwd: home, originator: 'kill_test', cli_version: '0.0.0', source: 'exec', model_provider: 'openai' },
  git: null,
});
process.stdout.write(recorder.path + '\\n');
const filler = 'x'.repeat(70000);
const huge = 'z'.repeat(4000000);
for (let i = 0; ; i++) {
  recorder.record([
    { type: 'event_msg', payload: { type: 'user_message', message: 'turn ' + i, images: [], local_images: [], text_elements: [] } },
    { type: 'response_item', payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'turn ' + i + ' ' + filler.slice(0, (i * 7919) % 70000) }] } },
    { type: 'response_item', payload: { type: 'function_call', call_id: 'call_' + i, name: 'exec_command', arguments: '{"cmd":"ls"}' } },
    { type: 'response_item', payload: { type: 'function_call_output', call_id: 'call_' + i, output: i % 10 === 5 ? huge : filler.slice(0, (i * 104729) % 30000) } },
  ]);
  if (i % 3 === 0) await recorder.flush();
  else await new Promise((r) => setImmediate(r));
}
`;

let workDir: string;

beforeAll(async () => {
  workDir = await makeTempDir('rollout-kill-');
  await build({
    entryPoints: [ROLLOUT_SRC],
    outfile: join(workDir, 'rollout-bundle.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    conditions: ['@codex-ts/source'],
    logLevel: 'silent',
  });
  await writeFile(join(workDir, 'child.mjs'), CHILD);
});
afterAll(async () => {
  await removeDir(workDir);
});

async function runAndKill(home: string, threadId: string, delayMs: number): Promise<string> {
  const child = spawn(process.execPath, [join(workDir, 'child.mjs'), home, threadId], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.once('exit', (_code, signal) => done(signal)),
  );
  const lines = createInterface({ input: child.stdout });
  const path = await new Promise<string>((done, fail) => {
    lines.once('line', done);
    child.once('exit', () => fail(new Error('child exited before it started recording')));
  });
  lines.close();
  await new Promise((done) => setTimeout(done, delayMs));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return path;
}

describe('a recorder killed mid-write', () => {
  it('always leaves a readable, resumable file', async () => {
    for (let run = 0; run < 6; run++) {
      const home = join(workDir, `home-${run}`);
      const threadId = `0199a213-0000-7000-8000-${String(run).padStart(12, '0')}`;
      const path = await runAndKill(home, threadId, 10 + Math.floor(Math.random() * 150));

      const contents = await readRollout(path);
      expect(contents.warnings).toEqual([]);
      expect(contents.meta.id).toBe(threadId);
      const thread = reconstructHistory(contents.items);
      // Lines arrive whole and in order: turn k's items come right after turn k-1's.
      thread.history.forEach((item, index) => {
        const turn = Math.floor(index / 3);
        if (index % 3 === 0) {
          const text = (item as { content: Array<{ text: string }> }).content[0]!.text;
          expect(text.startsWith(`turn ${turn} `)).toBe(true);
        } else {
          expect((item as { call_id?: string }).call_id).toBe(`call_${turn}`);
        }
      });
      expect(thread.userTurnCount).toBeGreaterThanOrEqual(Math.floor(thread.history.length / 3));

      const resumed = await RolloutRecorder.resume(path);
      resumed.record([userText('after the crash')]);
      await resumed.close();
      const after = await readRollout(path);
      expect(after.warnings.length).toBeLessThanOrEqual(contents.truncatedTail ? 1 : 0);
      expect(after.truncatedTail).toBe(false);
      const last = reconstructHistory(after.items).history.at(-1) as {
        content: Array<{ text: string }>;
      };
      expect(last.content[0]!.text).toBe('after the crash');
    }
  });
});
