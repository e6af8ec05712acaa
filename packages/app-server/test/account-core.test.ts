import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import { coreHarness } from './helpers/core-harness.js';
import type { RpcHarness } from './helpers/rpc-harness.js';

// The account methods over the real core: a key stored with account/login/start is the one the
// next model request of the built-in `openai` provider sends.

let env: ModelTestEnv;
let harness: RpcHarness;

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: false });
  await writeFile(
    join(env.home.path, 'config.toml'),
    `model = "gpt-test"\nopenai_base_url = "${env.server.url}"\n`,
  );
  harness = coreHarness(env, { env: { OPENAI_API_KEY: undefined, CODEX_API_KEY: undefined } });
  await harness.initialize();
});

afterEach(async () => {
  await harness.close();
  await env.cleanup();
  expect(harness.problems).toEqual([]);
});

it('shares a stored API key with the threads, and forgets it at logout', async () => {
  expect(await harness.call('account/read')).toMatchObject({ account: null });
  await harness.call('account/login/start', { type: 'apiKey', apiKey: 'sk-stored-key' });
  await harness.waitForNotification('account/updated');
  env.server.enqueue(sseResponse(responseCreated('r1'), outputTextMessage('ok'), completed('r1')));
  const { thread } = await harness.call<{ thread: { id: string } }>('thread/start', {
    cwd: env.work.path,
  });
  await harness.call('turn/start', {
    threadId: thread.id,
    input: [{ type: 'text', text: 'hi', text_elements: [] }],
  });
  await harness.waitForNotification('turn/completed');
  expect(env.server.modelRequests()[0]?.headers['authorization']).toBe('Bearer sk-stored-key');

  await harness.call('account/logout');
  expect(await harness.call('account/read')).toMatchObject({ account: null });
});
