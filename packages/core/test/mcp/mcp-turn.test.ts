import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@codex-ts/config';
import { McpRequiredServersError } from '@codex-ts/mcp';
import type { ResponsesRequest } from '@codex-ts/protocol';
import {
  completed,
  FAKE_MCP_PNG,
  fakeMcpServerToml,
  functionCall,
  outputTextMessage,
  responseCreated,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';
import { ThreadManager, type CodexThread, type TurnOverrides } from '../../src/index.js';
import { itemsOf, NotificationLog, paramsOf, textInput } from '../turn/turn-harness.js';

interface McpHarness {
  env: ModelTestEnv;
  manager: ThreadManager;
  thread: CodexThread;
  log: NotificationLog;
}

let current: McpHarness | null = null;
let pending: ModelTestEnv | null = null;

afterEach(async () => {
  const h = current;
  current = null;
  if (h !== null) {
    h.log.dispose();
    await h.manager.shutdown();
    await h.env.cleanup();
  }
  await pending?.cleanup();
  pending = null;
});

/** A thread over the fake model whose config.toml adds `mcpToml` (fake MCP servers). */
async function start(mcpToml: string): Promise<McpHarness> {
  const env = await startModelTestEnv({
    mockProvider: { requestMaxRetries: 0, streamMaxRetries: 0 },
  });
  pending = env;
  await appendFile(join(env.home.path, 'config.toml'), `\n${mcpToml}`);
  const processEnv = { PATH: process.env['PATH'], HOME: env.home.path, MOCK_KEY: 'test-key' };
  const config = await loadConfig({
    codexHome: env.home.path,
    env: processEnv,
    overrides: { cwd: env.work.path, sandboxMode: 'danger-full-access', approvalPolicy: 'never' },
  });
  const manager = new ThreadManager({
    env: processEnv,
    sessionSource: 'exec',
    cliVersion: '0.0.0-test',
  });
  const thread = await manager.startThread({ config });
  pending = null;
  current = { env, manager, thread, log: new NotificationLog(thread) };
  return current;
}

async function runTurn(h: McpHarness, text: string, overrides?: TurnOverrides) {
  const from = h.log.events.length;
  const turn = h.thread.startTurn(textInput(text), overrides);
  return h.log.waitForTurnCompleted(turn.id, from);
}

function requests(h: McpHarness): ResponsesRequest[] {
  return h.env.server.modelRequests().map((r) => r.body as ResponsesRequest);
}

/** The model calls `name` with `args`, then answers `done`. */
function scriptCall(h: McpHarness, name: string, args: Record<string, unknown>): void {
  h.env.server.enqueue(
    sseResponse(responseCreated('resp_1'), functionCall('call_1', name, args), completed('resp_1')),
    sseResponse(responseCreated('resp_2'), outputTextMessage('done'), completed('resp_2')),
  );
}

/** What the follow-up request carries after the first request's input and the call. */
function appendedAfterCall(h: McpHarness): unknown[] {
  const [first, second] = requests(h);
  if (!first || !second) throw new Error('expected two model requests');
  return second.input.slice(first.input.length + 1);
}

describe('MCP tools in a turn', () => {
  it('declares the tools in the first request, runs a call and returns its output', async () => {
    const h = await start(fakeMcpServerToml('echo'));
    scriptCall(h, 'mcp__echo__echo', { message: 'hello' });

    const { turn, events } = await runTurn(h, 'echo hello');
    expect(turn.status).toBe('completed');

    const [first] = requests(h);
    const mcpTools = first?.tools.filter((t) => 'name' in t && String(t.name).startsWith('mcp__'));
    expect(mcpTools?.map((t) => ('name' in t ? t.name : ''))).toEqual([
      'mcp__echo__delete_everything',
      'mcp__echo__echo',
      'mcp__echo__fail',
      'mcp__echo__get_env',
      'mcp__echo__image',
      'mcp__echo__pid',
      'mcp__echo__slow',
      'mcp__echo__structured',
    ]);
    // After the built-in and hosted tools.
    expect(first?.tools.slice(-mcpTools!.length)).toEqual(mcpTools);
    expect(mcpTools?.[1]).toEqual({
      type: 'function',
      name: 'mcp__echo__echo',
      description: 'Echoes the message back.',
      strict: false,
      parameters: {
        type: 'object',
        properties: { message: { type: 'string', description: 'What to echo.' } },
        required: ['message'],
      },
    });
    expect(mcpTools?.find((t) => 'name' in t && t.name === 'mcp__echo__slow')).toMatchObject({
      parameters: { type: 'object', properties: { ms: { type: 'integer' } } },
    });

    // The follow-up request is the first one plus the call (as echoed) and its output.
    const [, second] = requests(h);
    expect({ ...second, input: [] }).toEqual({ ...first, input: [] });
    expect(second?.input).toEqual([
      ...(first?.input ?? []),
      {
        type: 'function_call',
        call_id: 'call_1',
        name: 'mcp__echo__echo',
        arguments: JSON.stringify({ message: 'hello' }),
        status: 'completed',
      },
      {
        type: 'function_call_output',
        call_id: 'call_1',
        output: '[{"type":"text","text":"hello"}]',
      },
    ]);
    const base = {
      type: 'mcpToolCall',
      id: 'call_1',
      server: 'echo',
      tool: 'echo',
      arguments: { message: 'hello' },
    };
    expect(itemsOf(events, 'item/started', 'mcpToolCall')).toEqual([
      { ...base, status: 'inProgress', result: null, error: null, durationMs: null },
    ]);
    expect(itemsOf(events, 'item/completed', 'mcpToolCall')).toEqual([
      {
        ...base,
        status: 'completed',
        result: { content: [{ type: 'text', text: 'hello' }], structuredContent: null },
        error: null,
        durationMs: expect.any(Number),
      },
    ]);
  });

  it('reports a tool error as a failed item and tells the model', async () => {
    const h = await start(fakeMcpServerToml('echo'));
    scriptCall(h, 'mcp__echo__fail', {});
    const { events } = await runTurn(h, 'fail');
    expect(itemsOf(events, 'item/completed', 'mcpToolCall')).toMatchObject([
      {
        status: 'failed',
        error: null,
        result: { content: [{ type: 'text', text: 'the tool failed on purpose' }] },
      },
    ]);
    expect(appendedAfterCall(h)).toEqual([
      {
        type: 'function_call_output',
        call_id: 'call_1',
        output: '[{"type":"text","text":"the tool failed on purpose"}]',
      },
    ]);
  });

  it('sends structured content as JSON text and images as content items', async () => {
    const h = await start(fakeMcpServerToml('echo'));
    h.env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_s', 'mcp__echo__structured', {}),
        functionCall('call_i', 'mcp__echo__image', {}),
        completed('resp_1'),
      ),
      sseResponse(responseCreated('resp_2'), outputTextMessage('done'), completed('resp_2')),
    );
    await runTurn(h, 'both');
    const [first, second] = requests(h);
    expect(second?.input.slice((first?.input.length ?? 0) + 2)).toEqual([
      { type: 'function_call_output', call_id: 'call_s', output: '{"answer":42}' },
      {
        type: 'function_call_output',
        call_id: 'call_i',
        output: [
          {
            type: 'input_image',
            image_url: `data:image/png;base64,${FAKE_MCP_PNG}`,
            detail: 'high',
          },
        ],
      },
    ]);
  });

  it('cancels a call to a destructive tool that would need an approval', async () => {
    const h = await start(fakeMcpServerToml('echo'));
    scriptCall(h, 'mcp__echo__delete_everything', {});
    const { events } = await runTurn(h, 'delete', {
      approvalPolicy: 'on-request',
      sandboxMode: 'workspace-write',
    });
    expect(itemsOf(events, 'item/completed', 'mcpToolCall')).toMatchObject([
      { status: 'failed', error: { message: 'user cancelled MCP tool call' }, durationMs: 0 },
    ]);
    expect(appendedAfterCall(h)).toEqual([
      {
        type: 'function_call_output',
        call_id: 'call_1',
        output: '[{"type":"text","text":"user cancelled MCP tool call"}]',
      },
    ]);
  });

  it('warns about a server that failed to start and offers the others', async () => {
    const h = await start(
      `${fakeMcpServerToml('good')}\n[mcp_servers.broken]\ncommand = "/nonexistent/mcp"\n`,
    );
    h.env.server.enqueue(
      sseResponse(responseCreated('resp_1'), outputTextMessage('hi'), completed('resp_1')),
    );
    const { events } = await runTurn(h, 'hi');
    const warnings = paramsOf(events, 'warning').map((w) => w.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^MCP client for `broken` failed to start: /);
    const names = requests(h)[0]?.tools.map((t) => ('name' in t ? t.name : t.type));
    expect(names).toContain('mcp__good__echo');
    expect(names?.some((n) => String(n).startsWith('mcp__broken__'))).toBe(false);
  });

  it('stops the servers when the thread shuts down', async () => {
    const h = await start(fakeMcpServerToml('echo'));
    scriptCall(h, 'mcp__echo__pid', {});
    await runTurn(h, 'pid');
    const [output] = appendedAfterCall(h) as [{ output: string }];
    const [block] = JSON.parse(output.output) as [{ text: string }];
    const pid = Number(block.text);
    expect(() => process.kill(pid, 0)).not.toThrow();
    await h.manager.shutdown();
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('fails the thread start when a required server does not start', async () => {
    const error = await start(
      '[mcp_servers.needed]\ncommand = "/nonexistent/mcp"\nrequired = true\n',
    ).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(McpRequiredServersError);
    expect((error as Error).message).toMatch(
      /^required MCP servers failed to initialize: needed: MCP client for `needed` failed to start/,
    );
  });
});
