import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Deep imports: the processor must be testable without loading core (see the fake thread manager).
import { MessageProcessor } from '../src/processor/message-processor.js';
import { serveInProcess } from '../src/transport/serve-in-process.js';
import { bundledModels } from '@codex-ts/models-manager';
import { makeTempCodexHome, type TempDir } from '@codex-ts/test-support';
import { FakeThreadManager } from './helpers/fake-thread-manager.js';
import { RpcHarness } from './helpers/rpc-harness.js';

interface ModelEntry {
  id: string;
  model: string;
  displayName: string;
  hidden: boolean;
  isDefault: boolean;
  defaultReasoningEffort: string;
  supportedReasoningEfforts: Array<{ reasoningEffort: string; description: string }>;
  upgrade: string | null;
}
interface ModelListResult {
  data: ModelEntry[];
  nextCursor: string | null;
}

let home: TempDir;
let harness: RpcHarness;

async function start(cliVersion = '0.9.1'): Promise<RpcHarness> {
  const processor = new MessageProcessor({
    threadManager: new FakeThreadManager({}, cliVersion),
    codexHome: home.path,
    env: { PATH: process.env['PATH'] },
    cliVersion,
  });
  harness = new RpcHarness(serveInProcess(processor, { shutdown: () => processor.shutdown() }));
  await harness.initialize();
  return harness;
}

const bundledSorted = () =>
  bundledModels()
    .filter((m) => m.visibility === 'list')
    .sort((a, b) => a.priority - b.priority)
    .map((m) => m.slug);

beforeEach(async () => {
  home = await makeTempCodexHome();
});

afterEach(async () => {
  await harness?.close();
  expect(harness.problems).toEqual([]);
  await home.cleanup();
});

describe('model/list', () => {
  it('lists the bundled catalog by priority in the schema Model shape', async () => {
    await start();
    const result = await harness.call<ModelListResult>('model/list', {});
    expect(result.nextCursor).toBeNull();
    expect(result.data.map((m) => m.id)).toEqual(bundledSorted());
    expect(result.data.filter((m) => m.isDefault).map((m) => m.id)).toEqual(['gpt-5.6-sol']);
    const gpt54 = result.data.find((m) => m.id === 'gpt-5.4');
    expect(gpt54).toMatchObject({
      model: 'gpt-5.4',
      displayName: 'GPT-5.4',
      hidden: false,
      defaultReasoningEffort: 'medium',
      upgrade: 'gpt-5.6-sol',
    });
    expect(gpt54?.supportedReasoningEfforts.map((e) => e.reasoningEffort)).toEqual([
      'low',
      'medium',
      'high',
      'xhigh',
    ]);
  });

  it('accepts absent params', async () => {
    await start();
    const result = await harness.call<ModelListResult>('model/list');
    expect(result.data.length).toBe(bundledSorted().length);
  });

  it('pages with limit and cursor', async () => {
    await start();
    const all = bundledSorted();
    const first = await harness.call<ModelListResult>('model/list', { limit: 4 });
    expect(first.data.map((m) => m.id)).toEqual(all.slice(0, 4));
    expect(first.nextCursor).toBe('4');
    const second = await harness.call<ModelListResult>('model/list', {
      limit: 4,
      cursor: first.nextCursor,
    });
    expect(second.data.map((m) => m.id)).toEqual(all.slice(4, 8));
    const last = await harness.call<ModelListResult>('model/list', {
      limit: 4,
      cursor: second.nextCursor,
    });
    expect(last.data.map((m) => m.id)).toEqual(all.slice(8));
    expect(last.nextCursor).toBeNull();

    // limit 0 counts as 1, as in the Rust app server.
    const one = await harness.call<ModelListResult>('model/list', { limit: 0 });
    expect(one.data).toHaveLength(1);
    // A cursor at the end is an empty last page.
    const end = await harness.call<ModelListResult>('model/list', { cursor: String(all.length) });
    expect(end).toEqual({ data: [], nextCursor: null });
  });

  it('rejects a bad cursor and bad params', async () => {
    await start();
    const bad = await harness.callError('model/list', { cursor: 'abc' });
    expect(bad).toMatchObject({ code: -32600, message: 'invalid cursor: abc' });
    const far = await harness.callError('model/list', { cursor: '999' });
    expect(far.code).toBe(-32600);
    expect(far.message).toBe(`cursor 999 exceeds total models ${String(bundledSorted().length)}`);
    const params = await harness.callError('model/list', { limit: 'ten' });
    expect(params.code).toBe(-32602);
    expect(params.message).toMatch(/^Invalid params for model\/list: limit: /);
  });

  it('serves CODEX_HOME/models_cache.json, hiding hidden models unless asked', async () => {
    const base = bundledModels()[0]!;
    await writeFile(
      join(home.path, 'models_cache.json'),
      JSON.stringify({
        fetched_at: '2020-01-01T00:00:00Z',
        etag: '"x"',
        client_version: '0.9.1',
        models: [
          { ...base, slug: 'gpt-cached', display_name: 'Cached', priority: 0 },
          {
            ...base,
            slug: 'gpt-secret',
            display_name: 'Secret',
            priority: -1,
            visibility: 'hide',
            default_reasoning_level: null,
            some_new_field: true,
          },
        ],
      }),
    );
    await start('0.9.1-beta.3');
    const visible = await harness.call<ModelListResult>('model/list', {});
    expect(visible.data[0]).toMatchObject({ id: 'gpt-cached', isDefault: true });
    expect(visible.data.map((m) => m.id)).not.toContain('gpt-secret');

    const all = await harness.call<ModelListResult>('model/list', { includeHidden: true });
    expect(all.data[0]).toMatchObject({
      id: 'gpt-secret',
      hidden: true,
      isDefault: false,
      defaultReasoningEffort: 'none',
    });
    expect(all.data[1]).toMatchObject({ id: 'gpt-cached', isDefault: true });
  });

  it('ignores a cache of another client version', async () => {
    await writeFile(
      join(home.path, 'models_cache.json'),
      JSON.stringify({
        fetched_at: '2020-01-01T00:00:00Z',
        client_version: '0.1.0',
        models: [{ ...bundledModels()[0], slug: 'gpt-old' }],
      }),
    );
    await start('0.9.1');
    const result = await harness.call<ModelListResult>('model/list', {});
    expect(result.data.map((m) => m.id)).toEqual(bundledSorted());
  });

  it('requires initialize', async () => {
    const processor = new MessageProcessor({
      threadManager: new FakeThreadManager(),
      codexHome: home.path,
      env: {},
      cliVersion: '0.9.1',
    });
    harness = new RpcHarness(serveInProcess(processor, { shutdown: () => processor.shutdown() }));
    const error = await harness.callError('model/list', {});
    expect(error.message).toBe('Not initialized');
  });
});
