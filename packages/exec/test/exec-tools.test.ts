import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExecEventSchema } from '@codex-ts/protocol';
import {
  completed,
  functionCall,
  jsonLines,
  outputTextMessage,
  responseCreated,
  runCodexInEnv,
  runExecJsonInEnv,
  sseResponse,
  startModelTestEnv,
  usage,
  type ModelTestEnv,
  type SseWireEvent,
} from '@codex-ts/test-support';

// End-to-end tests of update_plan, view_image, `-i` images and hosted web search through the
// built `codex exec --json`, against the fake Responses server.

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: { model: 'gpt-5.1-codex' } });
});

afterEach(() => env.cleanup());

const exec = (args: string[]) => runExecJsonInEnv(env, args);

function masked(events: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return events.map((e) => (e['type'] === 'thread.started' ? { ...e, thread_id: '<uuid>' } : e));
}

function usageOf(input: number, output: number) {
  return {
    input_tokens: input,
    cached_input_tokens: 0,
    cache_write_input_tokens: 0,
    output_tokens: output,
    reasoning_output_tokens: 0,
  };
}

type InputItem = Record<string, unknown>;

function requestInput(index: number): InputItem[] {
  const request = env.server.modelRequests()[index];
  return ((request?.body as { input?: InputItem[] }).input ?? []) as InputItem[];
}

function requestTools(index: number): InputItem[] {
  const request = env.server.modelRequests()[index];
  return ((request?.body as { tools?: InputItem[] }).tools ?? []) as InputItem[];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A solid red RGB PNG, written by hand so that exec's tests need no image library. */
function solidPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row[1 + x * 3] = 255;
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Decodes a `data:image/...;base64,` URL: its MIME type and the PNG's size (from IHDR). */
function imageOf(url: string): [string, number, number] {
  const match = /^data:(image\/[a-z]+);base64,(.+)$/.exec(url);
  if (!match) throw new Error(`not an image data URL: ${url.slice(0, 40)}`);
  const bytes = Buffer.from(match[2] ?? '', 'base64');
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [match[1] ?? '', bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function writePng(name: string, width: number, height: number): Promise<string> {
  const path = join(env.work.path, name);
  await writeFile(path, solidPng(width, height));
  return path;
}

const PLAN_ARGS = {
  plan: [
    { step: 'Read the code', status: 'completed' },
    { step: 'Write the fix', status: 'in_progress' },
    { step: 'Run the tests', status: 'pending' },
  ],
};

describe('codex exec --json with the built-in tools', () => {
  it('prints the plan stream of the Rust Codex', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_plan', 'update_plan', PLAN_ARGS),
        completed('resp_1', usage({ input: 100, output: 5 })),
      ),
      sseResponse(
        responseCreated('resp_2'),
        outputTextMessage('plan recorded'),
        completed('resp_2', usage({ input: 100, output: 5 })),
      ),
    );
    const run = await exec(['make a plan']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    for (const e of events) expect(ExecEventSchema.safeParse(e).success).toBe(true);
    // The wire example counts completed steps only; `in_progress` is not completed.
    const items = [
      { text: 'Read the code', completed: true },
      { text: 'Write the fix', completed: false },
      { text: 'Run the tests', completed: false },
    ];
    expect(masked(events)).toEqual([
      { type: 'thread.started', thread_id: '<uuid>' },
      { type: 'turn.started' },
      { type: 'item.started', item: { id: 'item_0', type: 'todo_list', items } },
      {
        type: 'item.completed',
        item: { id: 'item_1', type: 'agent_message', text: 'plan recorded' },
      },
      { type: 'item.completed', item: { id: 'item_0', type: 'todo_list', items } },
      { type: 'turn.completed', usage: usageOf(200, 10) },
    ]);

    expect(requestTools(0).map((t) => t['name'])).toContain('update_plan');
    const output = requestInput(1).find((i) => i['type'] === 'function_call_output');
    expect(output).toEqual({
      type: 'function_call_output',
      call_id: 'call_plan',
      output: 'Plan updated',
    });
  });

  it('reports later plans as item.updated of the same todo_list', async () => {
    const second = {
      plan: PLAN_ARGS.plan.map((s) => ({ ...s, status: 'completed' })),
    };
    env.server.enqueue(
      sseResponse(
        responseCreated('r1'),
        functionCall('c1', 'update_plan', PLAN_ARGS),
        completed('r1'),
      ),
      sseResponse(
        responseCreated('r2'),
        functionCall('c2', 'update_plan', second),
        completed('r2'),
      ),
      sseResponse(responseCreated('r3'), outputTextMessage('all done'), completed('r3')),
    );
    const run = await exec(['plan twice']);
    expect(run.code).toBe(0);
    const types = jsonLines(run.stdout).map((e) => {
      const item = e['item'] as { id: string; type: string } | undefined;
      return item ? `${e['type'] as string} ${item.id} ${item.type}` : (e['type'] as string);
    });
    expect(types).toEqual([
      'thread.started',
      'turn.started',
      'item.started item_0 todo_list',
      'item.updated item_0 todo_list',
      'item.completed item_1 agent_message',
      'item.completed item_0 todo_list',
      'turn.completed',
    ]);
  });

  it('answers a bad update_plan call with an error the model can read', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('r1'),
        functionCall('c1', 'update_plan', { plan: 'x' }),
        completed('r1'),
      ),
      sseResponse(responseCreated('r2'), outputTextMessage('ok'), completed('r2')),
    );
    const run = await exec(['bad plan']);
    expect(run.code).toBe(0);
    expect(
      jsonLines(run.stdout).some(
        (e) => (e['item'] as { type?: string } | undefined)?.type === 'todo_list',
      ),
    ).toBe(false);
    const output = requestInput(1).find((i) => i['type'] === 'function_call_output');
    expect(output?.['output']).toMatch(/^failed to parse function arguments: /);
  });

  it('sends the image of a view_image call back to the model, scaled down', async () => {
    await writePng('screenshot.png', 4096, 1024);
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_img', 'view_image', { path: 'screenshot.png' }),
        completed('resp_1'),
      ),
      sseResponse(
        responseCreated('resp_2'),
        outputTextMessage('a red square'),
        completed('resp_2'),
      ),
    );
    const run = await exec(['look at screenshot.png']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // exec has no item type for image views, as in the Rust Codex.
    expect(masked(jsonLines(run.stdout)).map((e) => e['type'])).toEqual([
      'thread.started',
      'turn.started',
      'item.completed',
      'turn.completed',
    ]);

    expect(requestTools(0).map((t) => t['name'])).toContain('view_image');
    const output = requestInput(1).find((i) => i['type'] === 'function_call_output');
    expect(output?.['call_id']).toBe('call_img');
    const parts = output?.['output'] as InputItem[];
    expect(Array.isArray(parts)).toBe(true);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.['type']).toBe('input_image');
    expect(imageOf(parts[0]?.['image_url'] as string)).toEqual(['image/png', 2048, 512]);
    // No separate user message carries the image.
    const userImages = requestInput(1).filter(
      (i) => i['type'] === 'message' && JSON.stringify(i['content']).includes('input_image'),
    );
    expect(userImages).toEqual([]);
  });

  it('tells the model when view_image cannot find the file', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('r1'),
        functionCall('c1', 'view_image', { path: 'missing/example.png' }),
        completed('r1'),
      ),
      sseResponse(responseCreated('r2'), outputTextMessage('no image'), completed('r2')),
    );
    const run = await exec(['look']);
    expect(run.code).toBe(0);
    const output = requestInput(1).find((i) => i['type'] === 'function_call_output');
    expect(output?.['output']).toMatch(
      /^unable to locate image at `.*missing\/example\.png`: No such file or directory \(os error 2\)$/,
    );
  });

  it('attaches -i images to the first user message, labelled and scaled', async () => {
    await writePng('wide.png', 2304, 864);
    await writePng('tall.png', 1024, 4096);
    env.server.enqueue(
      sseResponse(responseCreated('r1'), outputTextMessage('two images'), completed('r1')),
    );
    const run = await exec(['-i', 'wide.png,tall.png', 'describe these']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const input = requestInput(0);
    const user = input[input.length - 1];
    expect(user?.['role']).toBe('user');
    const content = user?.['content'] as InputItem[];
    expect(content.map((c) => c['type'])).toEqual([
      'input_text',
      'input_image',
      'input_text',
      'input_text',
      'input_image',
      'input_text',
      'input_text',
    ]);
    expect(content[0]).toEqual({ type: 'input_text', text: '<image name=[Image #1]>' });
    expect(content[2]).toEqual({ type: 'input_text', text: '</image>' });
    expect(content[3]).toEqual({ type: 'input_text', text: '<image name=[Image #2]>' });
    expect(content[6]).toEqual({ type: 'input_text', text: 'describe these' });
    expect(imageOf(content[1]?.['image_url'] as string)).toEqual(['image/png', 2048, 768]);
    expect(imageOf(content[4]?.['image_url'] as string)).toEqual(['image/png', 512, 2048]);
  });

  it('refuses an -i image that does not exist before calling the model', async () => {
    const run = await exec(['-i', 'nope.png', 'describe']);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('nope.png');
    expect(env.server.modelRequests()).toHaveLength(0);
  });
});

/** A hosted web search as the Responses API streams it. */
function webSearchCall(id: string, query: string): SseWireEvent[] {
  const at = { output_index: 0, item_id: id };
  return [
    {
      type: 'response.output_item.added',
      output_index: 0,
      item: { id, type: 'web_search_call', status: 'in_progress' },
    },
    { type: 'response.web_search_call.in_progress', ...at },
    { type: 'response.web_search_call.searching', ...at },
    { type: 'response.web_search_call.completed', ...at },
    {
      type: 'response.output_item.done',
      output_index: 0,
      item: { id, type: 'web_search_call', status: 'completed', action: { type: 'search', query } },
    },
  ];
}

describe('codex exec --json with hosted web search', () => {
  it('reports a web_search_call as a web_search item', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        webSearchCall('ws_1', 'weather in Paris'),
        outputTextMessage('It is sunny.'),
        completed('resp_1', usage({ input: 50, output: 7 })),
      ),
    );
    const run = await exec(['what is the weather in Paris?']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    for (const e of events) expect(ExecEventSchema.safeParse(e).success).toBe(true);
    expect(masked(events)).toEqual([
      { type: 'thread.started', thread_id: '<uuid>' },
      { type: 'turn.started' },
      { type: 'item.started', item: { id: 'item_0', type: 'web_search', query: '' } },
      {
        type: 'item.completed',
        item: { id: 'item_0', type: 'web_search', query: 'weather in Paris' },
      },
      {
        type: 'item.completed',
        item: { id: 'item_1', type: 'agent_message', text: 'It is sunny.' },
      },
      { type: 'turn.completed', usage: usageOf(50, 7) },
    ]);
  });

  it('declares the hosted tool per web_search and the sandbox', async () => {
    const reply = () => sseResponse(responseCreated('r'), outputTextMessage('ok'), completed('r'));
    env.server.enqueue(reply(), reply(), reply(), reply());
    const webSearchTools = (index: number) =>
      requestTools(index).filter((t) => t['type'] === 'web_search');

    expect((await exec(['default'])).code).toBe(0);
    expect(webSearchTools(0)).toEqual([{ type: 'web_search', external_web_access: false }]);

    expect((await exec(['-c', 'web_search="disabled"', 'off'])).code).toBe(0);
    expect(webSearchTools(1)).toEqual([]);

    expect((await exec(['--sandbox', 'danger-full-access', 'unsandboxed'])).code).toBe(0);
    expect(webSearchTools(2)).toEqual([{ type: 'web_search', external_web_access: true }]);

    const run = await runCodexInEnv(env, [
      '--search',
      'exec',
      '--json',
      '--skip-git-repo-check',
      'live please',
    ]);
    expect(run.code).toBe(0);
    expect(webSearchTools(3)).toEqual([{ type: 'web_search', external_web_access: true }]);
  });

  it('leaves update_plan out when [tools.update_plan] disables it', async () => {
    env.server.enqueue(sseResponse(responseCreated('r'), outputTextMessage('ok'), completed('r')));
    const run = await exec(['-c', 'tools.update_plan.enabled=false', 'no plan tool']);
    expect(run.code).toBe(0);
    const names = requestTools(0).map((t) => t['name']);
    expect(names).not.toContain('update_plan');
    expect(names).toContain('view_image');
  });
});
