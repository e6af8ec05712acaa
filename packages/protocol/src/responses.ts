import * as z from 'zod';
import './zod-config.js';

/**
 * Items of the OpenAI Responses API as we send them in `input` and receive them in
 * `response.output_item.done`. Unknown fields pass through (`.loose()`), since the server adds
 * fields over time and we must echo items back unchanged.
 */
export const ContentItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input_text'), text: z.string() }).loose(),
  z.object({ type: z.literal('output_text'), text: z.string() }).loose(),
  z.object({ type: z.literal('input_image'), image_url: z.string() }).loose(),
]);
export type ContentItem = z.infer<typeof ContentItemSchema>;

export const MessageItemSchema = z
  .object({
    type: z.literal('message'),
    id: z.string().optional(),
    role: z.enum(['user', 'assistant', 'developer', 'system']),
    content: z.array(ContentItemSchema),
  })
  .loose();
export type MessageItem = z.infer<typeof MessageItemSchema>;

export const ReasoningItemSchema = z
  .object({
    type: z.literal('reasoning'),
    id: z.string().optional(),
    summary: z.array(z.object({ type: z.literal('summary_text'), text: z.string() }).loose()),
    content: z
      .array(z.object({ type: z.enum(['reasoning_text', 'text']), text: z.string() }).loose())
      .nullish(),
    encrypted_content: z.string().nullish(),
  })
  .loose();
export type ReasoningItem = z.infer<typeof ReasoningItemSchema>;

export const FunctionCallItemSchema = z
  .object({
    type: z.literal('function_call'),
    id: z.string().optional(),
    call_id: z.string(),
    name: z.string(),
    arguments: z.string(),
  })
  .loose();
export type FunctionCallItem = z.infer<typeof FunctionCallItemSchema>;

/**
 * A part of a `function_call_output` whose output is a list (the Responses API accepts text and
 * images there; the Rust Codex sends `view_image` results this way).
 */
export const FunctionCallOutputContentItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input_text'), text: z.string() }).loose(),
  z
    .object({
      type: z.literal('input_image'),
      image_url: z.string(),
      detail: z.enum(['auto', 'low', 'high', 'original']).optional(),
    })
    .loose(),
]);
export type FunctionCallOutputContentItem = z.infer<typeof FunctionCallOutputContentItemSchema>;

export const FunctionCallOutputItemSchema = z
  .object({
    type: z.literal('function_call_output'),
    call_id: z.string(),
    /** A string, or content items (`[{type: "input_image", image_url}]`). */
    output: z.union([z.string(), z.array(FunctionCallOutputContentItemSchema)]),
  })
  .loose();
export type FunctionCallOutputItem = z.infer<typeof FunctionCallOutputItemSchema>;

export const CustomToolCallItemSchema = z
  .object({
    type: z.literal('custom_tool_call'),
    id: z.string().optional(),
    call_id: z.string(),
    name: z.string(),
    input: z.string(),
  })
  .loose();
export type CustomToolCallItem = z.infer<typeof CustomToolCallItemSchema>;

export const CustomToolCallOutputItemSchema = z
  .object({
    type: z.literal('custom_tool_call_output'),
    call_id: z.string(),
    output: z.string(),
  })
  .loose();
export type CustomToolCallOutputItem = z.infer<typeof CustomToolCallOutputItemSchema>;

/** Any other item type the server may send (web_search_call, ...): kept and echoed as-is. */
export const OtherItemSchema = z.object({ type: z.string() }).loose();
export type OtherItem = z.infer<typeof OtherItemSchema>;

export type ResponseItem =
  | MessageItem
  | ReasoningItem
  | FunctionCallItem
  | FunctionCallOutputItem
  | CustomToolCallItem
  | CustomToolCallOutputItem;

const knownItemSchemas: Record<string, z.ZodType<ResponseItem>> = {
  message: MessageItemSchema,
  reasoning: ReasoningItemSchema,
  function_call: FunctionCallItemSchema,
  function_call_output: FunctionCallOutputItemSchema,
  custom_tool_call: CustomToolCallItemSchema,
  custom_tool_call_output: CustomToolCallOutputItemSchema,
};

/** Parses an item from the server; returns the typed item, or `{type}` for kinds we do not model. */
export function parseResponseItem(value: unknown): ResponseItem | OtherItem {
  const base = OtherItemSchema.parse(value);
  const schema = knownItemSchemas[base.type];
  return schema ? schema.parse(value) : base;
}

/** Tool declarations sent in the request's `tools` array. */
export type ToolSpec =
  | {
      type: 'function';
      name: string;
      description: string;
      strict: boolean;
      parameters: Record<string, unknown>;
    }
  | {
      type: 'custom';
      name: string;
      description: string;
      format: { type: 'grammar'; syntax: 'lark' | 'regex'; definition: string } | { type: 'text' };
    }
  | { type: 'web_search'; [key: string]: unknown };

/** The body of `POST {base_url}/responses`. Field order here is the order we serialise. */
export interface ResponsesRequest {
  model: string;
  instructions: string;
  input: Array<ResponseItem | OtherItem>;
  tools: ToolSpec[];
  tool_choice: 'auto';
  parallel_tool_calls: boolean;
  reasoning: { effort?: string; summary?: string } | null;
  store: boolean;
  stream: true;
  include: string[];
  prompt_cache_key?: string;
  text?: {
    verbosity?: string;
    format?: { type: 'json_schema'; strict: boolean; schema: unknown; name: string };
  };
}
