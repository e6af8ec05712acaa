import type {
  OtherItem,
  ReasoningEffort,
  ReasoningSummary,
  ResponseItem,
  ResponsesRequest,
  ToolSpec,
  Verbosity,
} from '@codex-ts/protocol';
import type { RequestTraits } from '../model/request-traits.js';

export interface RequestSettings {
  model: string;
  /** What the model's metadata allows (reasoning, verbosity, parallel tool calls). */
  traits: RequestTraits;
  instructions: string;
  tools: ToolSpec[];
  effort: ReasoningEffort | null;
  summary: ReasoningSummary;
  verbosity: Verbosity | null;
  promptCacheKey: string;
  outputSchema: unknown;
}

/** Builds the `/responses` body. Field order is fixed so the serialised prefix stays stable. */
export function buildResponsesRequest(
  settings: RequestSettings,
  input: Array<ResponseItem | OtherItem>,
): ResponsesRequest {
  const { traits } = settings;
  const effort = settings.effort ?? traits.defaultEffort;
  const reasoning = traits.reasoning
    ? {
        ...(effort ? { effort } : {}),
        ...(settings.summary !== 'none' ? { summary: settings.summary } : {}),
      }
    : null;
  const request: ResponsesRequest = {
    model: settings.model,
    instructions: settings.instructions,
    input,
    tools: settings.tools,
    tool_choice: 'auto',
    parallel_tool_calls: traits.parallelToolCalls,
    reasoning,
    store: false,
    stream: true,
    include: reasoning ? ['reasoning.encrypted_content'] : [],
    prompt_cache_key: settings.promptCacheKey,
  };
  const text: NonNullable<ResponsesRequest['text']> = {};
  const verbosity = settings.verbosity ?? traits.defaultVerbosity;
  if (traits.verbosity && verbosity) text.verbosity = verbosity;
  if (settings.outputSchema !== undefined && settings.outputSchema !== null) {
    text.format = {
      type: 'json_schema',
      strict: true,
      schema: settings.outputSchema,
      name: 'codex_output_schema',
    };
  }
  if (text.verbosity !== undefined || text.format !== undefined) request.text = text;
  return request;
}
