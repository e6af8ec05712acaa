import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseEnv,
  chatChunk,
  chatSse,
  chatToolCallDelta,
  chatUsageChunk,
  jsonLines,
  runCodex,
  startModelTestEnv,
  type ModelTestEnv,
} from '@codex-ts/test-support';

let env: ModelTestEnv;

beforeEach(async () => {
  env = await startModelTestEnv({ mockProvider: false });
  await writeFile(
    join(env.home.path, 'config.toml'),
    [
      'model = "local-model"',
      'model_provider = "chatty"',
      '',
      '[model_providers.chatty]',
      'name = "Chatty"',
      `base_url = "${env.server.url}"`,
      'env_key = "CHATTY_KEY"',
      'wire_api = "chat"',
      'query_params = { api-version = "2025-04-01-preview" }',
      '',
    ].join('\n'),
  );
});

afterEach(() => env.cleanup());

describe('a Chat Completions provider (wire_api = "chat")', () => {
  it('completes a turn with a tool call and sends its result back as a tool message', async () => {
    env.server.enqueue(
      chatSse(
        chatChunk({ role: 'assistant' }),
        chatChunk(chatToolCallDelta(0, { name: 'exec_command', arguments: '' }, 'call_1')),
        chatChunk(chatToolCallDelta(0, { arguments: '{"cmd":"echo from-chat"}' })),
        chatChunk({}, 'tool_calls'),
        chatUsageChunk({ prompt_tokens: 50, completion_tokens: 7, total_tokens: 57 }),
        '[DONE]',
      ),
      chatSse(
        chatChunk({ role: 'assistant', content: 'all ' }),
        chatChunk({ content: 'done' }),
        chatChunk({}, 'stop'),
        chatUsageChunk({ prompt_tokens: 80, completion_tokens: 3, total_tokens: 83 }),
        '[DONE]',
      ),
    );
    const run = await runCodex(
      ['exec', '--json', '--skip-git-repo-check', '-s', 'workspace-write', 'run it'],
      { cwd: env.work.path, env: baseEnv(env.home.path, { CHATTY_KEY: 'secret' }) },
    );
    // `local-model` is not in the catalog: the run says so once and goes on with fallback metadata.
    expect(run.stderr).toBe(
      'warning: Model metadata for `local-model` not found. Defaulting to fallback metadata; ' +
        'this can degrade performance and cause issues.\n',
    );
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    expect(events.map((e) => e['type'])).toEqual([
      'thread.started',
      'turn.started',
      'item.started',
      'item.completed',
      'item.completed',
      'turn.completed',
    ]);
    expect(events[3]?.['item']).toMatchObject({
      type: 'command_execution',
      aggregated_output: 'from-chat\n',
      exit_code: 0,
    });
    expect(events[4]?.['item']).toEqual({ id: 'item_1', type: 'agent_message', text: 'all done' });
    expect(events[5]?.['usage']).toMatchObject({ input_tokens: 130, output_tokens: 10 });

    const [first, second] = env.server.modelRequests();
    expect(first?.path).toBe('/v1/chat/completions');
    expect(first?.url).toContain('api-version=2025-04-01-preview');
    expect(first?.headers['authorization']).toBe('Bearer secret');
    const body = first?.body as {
      messages: Array<{ role: string }>;
      tools: Array<{ function: { name: string } }>;
    };
    expect(body.messages[0]?.role).toBe('system');
    expect(body.tools.map((t) => t.function.name)).toContain('apply_patch');
    const messages = (second?.body as { messages: Array<Record<string, unknown>> }).messages;
    const toolMessage = messages.find((m) => m['role'] === 'tool');
    expect(toolMessage?.['tool_call_id']).toBe('call_1');
    expect(String(toolMessage?.['content'])).toMatch(/^Chunk ID: [0-9a-f]{6}\n[\s\S]*from-chat\n$/);
  });
});
