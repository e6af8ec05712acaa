import * as z from 'zod';
import './zod-config.js';

/** Items of `codex exec --json` (the SDK's ThreadItem). Ids are `item_N`, numbered per run. */
export const ExecItemSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('agent_message'), text: z.string() }),
  z.object({ id: z.string(), type: z.literal('reasoning'), text: z.string() }),
  z.object({
    id: z.string(),
    type: z.literal('command_execution'),
    command: z.string(),
    aggregated_output: z.string(),
    exit_code: z.number().nullable(),
    status: z.enum(['in_progress', 'completed', 'failed', 'declined']),
  }),
  z.object({
    id: z.string(),
    type: z.literal('file_change'),
    changes: z.array(z.object({ path: z.string(), kind: z.enum(['add', 'delete', 'update']) })),
    status: z.enum(['in_progress', 'completed', 'failed']),
  }),
  z.object({
    id: z.string(),
    type: z.literal('mcp_tool_call'),
    server: z.string(),
    tool: z.string(),
    arguments: z.unknown(),
    result: z.unknown().nullable(),
    error: z.object({ message: z.string() }).nullable(),
    status: z.enum(['in_progress', 'completed', 'failed']),
  }),
  z.object({ id: z.string(), type: z.literal('web_search'), query: z.string() }),
  z.object({
    id: z.string(),
    type: z.literal('todo_list'),
    items: z.array(z.object({ text: z.string(), completed: z.boolean() })),
  }),
  z.object({ id: z.string(), type: z.literal('error'), message: z.string() }),
]);
export type ExecItem = z.infer<typeof ExecItemSchema>;

export const ExecUsageSchema = z.object({
  input_tokens: z.number(),
  cached_input_tokens: z.number(),
  cache_write_input_tokens: z.number(),
  output_tokens: z.number(),
  reasoning_output_tokens: z.number(),
});
export type ExecUsage = z.infer<typeof ExecUsageSchema>;

/** One line of `codex exec --json` output. */
export const ExecEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('thread.started'), thread_id: z.string() }),
  z.object({ type: z.literal('turn.started') }),
  z.object({ type: z.literal('turn.completed'), usage: ExecUsageSchema }),
  z.object({ type: z.literal('turn.failed'), error: z.object({ message: z.string() }) }),
  z.object({ type: z.literal('item.started'), item: ExecItemSchema }),
  z.object({ type: z.literal('item.updated'), item: ExecItemSchema }),
  z.object({ type: z.literal('item.completed'), item: ExecItemSchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ExecEvent = z.infer<typeof ExecEventSchema>;
