import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '@codex-ts/protocol';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  type WireUsage,
} from '@codex-ts/test-support';
import { ThreadManager, type CodexThread } from '../../src/index.js';
import { listRolloutFiles } from '../../src/rollout/rollout-list.js';
import { requestBodies, startHarness, textInput, type TurnHarness } from '../turn/turn-harness.js';

let h: TurnHarness | undefined;
const others: ThreadManager[] = [];
afterEach(async () => {
  for (const m of others.splice(0)) await m.shutdown();
  await h?.cleanup();
  h = undefined;
});

const usage: WireUsage = {
  input_tokens: 100,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 10,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 110,
};
const reply = (text: string, id = 'resp_1') =>
  sseResponse(responseCreated(id), outputTextMessage(text), completed(id, usage));

function turnDone(thread: CodexThread): Promise<CoreEvent> {
  return new Promise((resolve) => {
    const off = thread.subscribe((e) => {
      if (e.method === 'turn/completed') {
        off();
        resolve(e);
      }
    });
  });
}

async function runOn(thread: CodexThread, text: string): Promise<CoreEvent> {
  const done = turnDone(thread);
  thread.startTurn(textInput(text));
  return done;
}

/** Another process's view: a fresh manager over the same CODEX_HOME. */
function secondManager(harness: TurnHarness): ThreadManager {
  const m = new ThreadManager({
    env: harness.processEnv,
    sessionSource: 'exec',
    cliVersion: '0.0.0-test',
  });
  others.push(m);
  return m;
}

describe('stored threads', () => {
  it('leaves no rollout behind when a thread fails to start (missing key)', async () => {
    h = await startHarness();
    const keyless = new ThreadManager({
      env: { ...h.processEnv, MOCK_KEY: undefined },
      sessionSource: 'exec',
      cliVersion: '0.0.0-test',
    });
    others.push(keyless);
    await expect(keyless.startThread({ config: h.config })).rejects.toThrow(
      'Missing environment variable: MOCK_KEY',
    );
    const files = [];
    for await (const entry of listRolloutFiles(h.config.codexHome)) files.push(entry.threadId);
    // Only the harness's own thread has a rollout.
    expect(files).toEqual([h.thread.id]);
  });

  it('writes a rollout and resumes it in another manager with the earlier turn and usage', async () => {
    h = await startHarness();
    h.env.server.enqueue(reply('first answer'), reply('second answer', 'resp_2'));
    await runOn(h.thread, 'first question');
    const path = h.thread.rolloutPath();
    expect(path).not.toBeNull();
    await h.thread.flushRollout();
    const lines = (await readFile(path!, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'session_meta' });
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toContain('turn_context');

    const other = secondManager(h);
    const resumed = await other.resumeThread({ config: h.config, threadId: h.thread.id });
    expect(resumed.id).toBe(h.thread.id);
    expect(resumed.snapshot().preview).toBe('first question');
    const usageEvents: CoreEvent[] = [];
    resumed.subscribe((e) => {
      if (e.method === 'thread/tokenUsage/updated') usageEvents.push(e);
    });
    await runOn(resumed, 'second question');

    const second = requestBodies(h)[1]!;
    const texts = JSON.stringify(second.input);
    expect(texts).toContain('first question');
    expect(texts).toContain('first answer');
    expect(texts).toContain('second question');
    const last = usageEvents.at(-1);
    expect(
      last?.method === 'thread/tokenUsage/updated' && last.params.tokenUsage.total,
    ).toMatchObject({ totalTokens: 220 });
  });

  it('lists, names, forks, archives and deletes', async () => {
    h = await startHarness();
    h.env.server.enqueue(reply('a'), reply('b', 'resp_2'));
    await runOn(h.thread, 'list me');
    await h.thread.flushRollout();
    const home = h.config.codexHome;

    const page = await h.manager.listThreads({ codexHome: home, limit: 10 });
    expect(page.threads.map((t) => t.id)).toEqual([h.thread.id]);
    expect(page.threads[0]).toMatchObject({ preview: 'list me', cwd: h.config.cwd });

    await h.manager.setThreadName(home, h.thread.id, 'my-thread');
    const other = secondManager(h);
    const byName = await other.resumeThread({ config: h.config, threadId: 'my-thread' });
    expect(byName.id).toBe(h.thread.id);

    const fork = await h.manager.forkThread({ config: h.config, threadId: h.thread.id });
    expect(fork.id).not.toBe(h.thread.id);
    await runOn(fork, 'in the fork');
    expect(JSON.stringify(requestBodies(h)[1]!.input)).toContain('list me');
    const forkFile = await readFile(fork.rolloutPath()!, 'utf8');
    expect(forkFile).toContain(`"forked_from_id":"${h.thread.id}"`);

    const read = await h.manager.readThread(home, h.thread.id, true);
    expect(read.turns).toHaveLength(1);
    expect(read.turns[0]?.items.map((i) => i.type)).toEqual(['userMessage', 'agentMessage']);

    await other.shutdown();
    await h.manager.archiveThread(home, h.thread.id);
    const live = await h.manager.listThreads({ codexHome: home });
    expect(live.threads.map((t) => t.id)).toEqual([fork.id]);
    const archived = await h.manager.listThreads({ codexHome: home, archived: true });
    expect(archived.threads.map((t) => t.id)).toEqual([h.thread.id]);
    await expect(
      secondManager(h).resumeThread({ config: h.config, threadId: h.thread.id }),
    ).rejects.toThrow(
      `session ${h.thread.id} is archived. Run \`codex unarchive ${h.thread.id}\` to unarchive it first.`,
    );
    const back = await h.manager.unarchiveThread(home, h.thread.id);
    expect(back.id).toBe(h.thread.id);

    const forkPath = fork.rolloutPath()!;
    await h.manager.deleteThread(home, fork.id);
    expect(existsSync(forkPath)).toBe(false);
    await expect(h.manager.readThread(home, fork.id, false)).rejects.toMatchObject({
      code: 'thread_not_found',
    });
  });
});
