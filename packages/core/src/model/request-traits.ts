import { effectiveContextWindow, type ModelInfo } from '@codex-ts/models-manager';
import {
  ReasoningEffortSchema,
  VerbositySchema,
  type ReasoningEffort,
  type Verbosity,
} from '@codex-ts/protocol';

/** What the model's metadata decides about the `/responses` request. */
export interface RequestTraits {
  /** Send `reasoning` (and ask for encrypted reasoning content). */
  reasoning: boolean;
  /** The effort when config sets none (`default_reasoning_level`). */
  defaultEffort: ReasoningEffort | null;
  /** Send `text.verbosity`. */
  verbosity: boolean;
  defaultVerbosity: Verbosity | null;
  parallelToolCalls: boolean;
  /** Usable context window in tokens (the window times its effective percentage). */
  contextWindow: number | null;
}

export function requestTraits(info: ModelInfo): RequestTraits {
  const effort = ReasoningEffortSchema.safeParse(info.default_reasoning_level);
  const verbosity = VerbositySchema.safeParse(info.default_verbosity);
  return {
    reasoning: info.supports_reasoning_summaries === true,
    defaultEffort: effort.success ? effort.data : null,
    verbosity: info.support_verbosity === true,
    defaultVerbosity: verbosity.success ? verbosity.data : null,
    parallelToolCalls: info.supports_parallel_tool_calls,
    contextWindow: effectiveContextWindow(info),
  };
}
