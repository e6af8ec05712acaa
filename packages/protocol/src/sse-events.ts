import * as z from 'zod';
import './zod-config.js';
import type { OtherItem, ResponseItem } from './responses.js';
import type { TokenUsage } from './common.js';

/**
 * The Responses API server-sent events we consume (the `data:` JSON of each event). Every event
 * carries `type`; the rest depends on it. Unknown event types are ignored by the client.
 */
export const SseUsageSchema = z
  .object({
    input_tokens: z.number(),
    input_tokens_details: z
      .object({ cached_tokens: z.number().optional(), cache_write_tokens: z.number().optional() })
      .loose()
      .nullish(),
    output_tokens: z.number(),
    output_tokens_details: z.object({ reasoning_tokens: z.number().optional() }).loose().nullish(),
    total_tokens: z.number().optional(),
  })
  .loose();
export type SseUsage = z.infer<typeof SseUsageSchema>;

export const SseErrorSchema = z
  .object({
    code: z.string().nullish(),
    message: z.string().nullish(),
    type: z.string().nullish(),
  })
  .loose();
export type SseError = z.infer<typeof SseErrorSchema>;

export const SseResponseSchema = z
  .object({
    id: z.string().optional(),
    usage: SseUsageSchema.nullish(),
    error: SseErrorSchema.nullish(),
    incomplete_details: z.object({ reason: z.string().nullish() }).loose().nullish(),
  })
  .loose();

export const SseEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('response.created'), response: SseResponseSchema.optional() }).loose(),
  z.object({ type: z.literal('response.in_progress') }).loose(),
  z.object({ type: z.literal('response.output_item.added'), item: z.unknown() }).loose(),
  z.object({ type: z.literal('response.output_item.done'), item: z.unknown() }).loose(),
  z
    .object({
      type: z.literal('response.output_text.delta'),
      delta: z.string(),
      item_id: z.string().optional(),
    })
    .loose(),
  z
    .object({
      type: z.literal('response.reasoning_summary_text.delta'),
      delta: z.string(),
      item_id: z.string().optional(),
      summary_index: z.number().optional(),
    })
    .loose(),
  z
    .object({
      type: z.literal('response.reasoning_summary_part.added'),
      item_id: z.string().optional(),
      summary_index: z.number().optional(),
    })
    .loose(),
  z
    .object({
      type: z.literal('response.reasoning_text.delta'),
      delta: z.string(),
      item_id: z.string().optional(),
      content_index: z.number().optional(),
    })
    .loose(),
  z
    .object({
      type: z.literal('response.function_call_arguments.delta'),
      delta: z.string(),
      item_id: z.string().optional(),
    })
    .loose(),
  z
    .object({
      type: z.literal('response.custom_tool_call_input.delta'),
      delta: z.string(),
      item_id: z.string().optional(),
    })
    .loose(),
  z.object({ type: z.literal('response.completed'), response: SseResponseSchema }).loose(),
  z.object({ type: z.literal('response.failed'), response: SseResponseSchema }).loose(),
  z.object({ type: z.literal('response.incomplete'), response: SseResponseSchema }).loose(),
  z
    .object({ type: z.literal('error'), code: z.string().nullish(), message: z.string().nullish() })
    .loose(),
]);
export type SseEvent = z.infer<typeof SseEventSchema>;

/**
 * What the api client yields to core for one streamed response, after parsing. Failures
 * (`response.failed`, `response.incomplete`, a cut stream, HTTP errors) are thrown as typed
 * errors instead of being yielded.
 */
export type ResponseEvent =
  | { type: 'created'; responseId?: string }
  | { type: 'output_item_added'; item: ResponseItem | OtherItem }
  | { type: 'output_item_done'; item: ResponseItem | OtherItem }
  | { type: 'output_text_delta'; delta: string; itemId?: string }
  | { type: 'reasoning_summary_delta'; delta: string; summaryIndex: number; itemId?: string }
  | { type: 'reasoning_summary_part_added'; summaryIndex: number; itemId?: string }
  | { type: 'reasoning_content_delta'; delta: string; contentIndex: number; itemId?: string }
  | { type: 'function_call_arguments_delta'; delta: string; itemId?: string }
  | { type: 'custom_tool_call_input_delta'; delta: string; itemId?: string }
  | { type: 'completed'; responseId: string; usage: TokenUsage | null };

/** Converts the wire usage object into our TokenUsage. */
export function tokenUsageFromSse(usage: SseUsage): TokenUsage {
  const cached = usage.input_tokens_details?.cached_tokens ?? 0;
  const cacheWrite = usage.input_tokens_details?.cache_write_tokens ?? 0;
  const reasoning = usage.output_tokens_details?.reasoning_tokens ?? 0;
  return {
    inputTokens: usage.input_tokens,
    cachedInputTokens: cached,
    cacheWriteInputTokens: cacheWrite,
    outputTokens: usage.output_tokens,
    reasoningOutputTokens: reasoning,
    totalTokens: usage.total_tokens ?? usage.input_tokens + usage.output_tokens,
  };
}
