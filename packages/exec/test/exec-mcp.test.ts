import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExecEventSchema } from '@codex-ts/protocol';
import {
  completed,
  fakeMcpServerToml,
  functionCall,
  jsonLines,
  outputTextMessage,
  responseCreated,
  runExecJsonInEnv,
  sseResponse,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';

// `codex exec --json` with an MCP server configured: the fake stdio MCP server of test-support,
// the built binary and the fake Responses server.

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv();
  await appendFile(join(env.home.path, 'config.toml'), `\n${fakeMcpServerToml('echo')}`);
});

afterEach(() => env.cleanup());

describe('codex exec --json with MCP tools', () => {
  it('shows mcp_tool_call items and sends the result back to the model', async () => {
    env.server.enqueue(
      sseResponse(
        responseCreated('resp_1'),
        functionCall('call_echo', 'mcp__echo__echo', { message: 'ping' }),
        functionCall('call_fail', 'mcp__echo__fail', {}),
        completed('resp_1'),
      ),
      sseResponse(responseCreated('resp_2'), outputTextMessage('all done'), completed('resp_2')),
    );

    const run = await runExecJsonInEnv(env, ['use the tools']);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    for (const event of events) ExecEventSchema.parse(event);
    const mcpEvents = events.filter(
      (e) =>
        typeof e['item'] === 'object' &&
        (e['item'] as Record<string, unknown>)['type'] === 'mcp_tool_call',
    );
    expect(mcpEvents).toEqual([
      {
        type: 'item.started',
        item: {
          id: 'item_0',
          type: 'mcp_tool_call',
          server: 'echo',
          tool: 'echo',
          arguments: { message: 'ping' },
          result: null,
          error: null,
          status: 'in_progress',
        },
      },
      {
        type: 'item.completed',
        item: {
          id: 'item_0',
          type: 'mcp_tool_call',
          server: 'echo',
          tool: 'echo',
          arguments: { message: 'ping' },
          result: { content: [{ type: 'text', text: 'ping' }], structured_content: null },
          error: null,
          status: 'completed',
        },
      },
      {
        type: 'item.started',
        item: {
          id: 'item_1',
          type: 'mcp_tool_call',
          server: 'echo',
          tool: 'fail',
          arguments: {},
          result: null,
          error: null,
          status: 'in_progress',
        },
      },
      {
        type: 'item.completed',
        item: {
          id: 'item_1',
          type: 'mcp_tool_call',
          server: 'echo',
          tool: 'fail',
          arguments: {},
          result: {
            content: [{ type: 'text', text: 'the tool failed on purpose' }],
            structured_content: null,
          },
          error: null,
          status: 'failed',
        },
      },
    ]);

    const second = env.server.modelRequests()[1]?.body as { input: Array<Record<string, unknown>> };
    expect(second.input.slice(-2)).toEqual([
      {
        type: 'function_call_output',
        call_id: 'call_echo',
        output: '[{"type":"text","text":"ping"}]',
      },
      {
        type: 'function_call_output',
        call_id: 'call_fail',
        output: '[{"type":"text","text":"the tool failed on purpose"}]',
      },
    ]);
  });
});
