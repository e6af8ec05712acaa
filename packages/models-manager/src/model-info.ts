import * as z from 'zod';

/**
 * One entry of the model catalog, as the `/models` endpoint, `models_cache.json` and our bundled
 * `catalog/models.json` spell it (snake_case, like the Rust Codex). Only the fields we read are
 * declared; unknown fields are kept as they are (`looseObject`) so a cache we write stays readable
 * by the Rust Codex and newer server fields survive a round trip.
 */
export const ShellToolTypeSchema = z.enum([
  'default',
  'local',
  'unified_exec',
  'disabled',
  'shell_command',
]);
export type ShellToolType = z.infer<typeof ShellToolTypeSchema>;

export const ModelVisibilitySchema = z.enum(['list', 'hide', 'none']);
export type ModelVisibility = z.infer<typeof ModelVisibilitySchema>;

export const ApplyPatchToolTypeSchema = z.enum(['freeform', 'function']);
export type ApplyPatchToolType = z.infer<typeof ApplyPatchToolTypeSchema>;

export const TruncationPolicyConfigSchema = z.object({
  mode: z.enum(['bytes', 'tokens']),
  limit: z.number().int(),
});
export type TruncationPolicyConfig = z.infer<typeof TruncationPolicyConfigSchema>;

/** A reasoning effort a model offers. Efforts are open strings: servers add new ones. */
export const ReasoningLevelSchema = z.looseObject({
  effort: z.string().min(1),
  description: z.string(),
});
export type ReasoningLevel = z.infer<typeof ReasoningLevelSchema>;

export const ModelUpgradeSchema = z.looseObject({
  model: z.string(),
  migration_markdown: z.string().nullish(),
});
export type ModelUpgrade = z.infer<typeof ModelUpgradeSchema>;

export const ModelServiceTierSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
});
export type ModelServiceTier = z.infer<typeof ModelServiceTierSchema>;

export const ModelInfoSchema = z.looseObject({
  slug: z.string().min(1),
  display_name: z.string(),
  description: z.string().nullish(),
  default_reasoning_level: z.string().min(1).nullish(),
  supported_reasoning_levels: z.array(ReasoningLevelSchema),
  shell_type: ShellToolTypeSchema,
  visibility: ModelVisibilitySchema,
  supported_in_api: z.boolean(),
  priority: z.number().int(),
  upgrade: ModelUpgradeSchema.nullish(),
  availability_nux: z.looseObject({ message: z.string() }).nullish(),
  supports_reasoning_summaries: z.boolean().optional(),
  support_verbosity: z.boolean().optional(),
  default_verbosity: z.string().nullish(),
  apply_patch_tool_type: ApplyPatchToolTypeSchema.nullish(),
  truncation_policy: TruncationPolicyConfigSchema,
  supports_parallel_tool_calls: z.boolean(),
  context_window: z.number().int().nullish(),
  max_context_window: z.number().int().nullish(),
  auto_compact_token_limit: z.number().int().nullish(),
  effective_context_window_percent: z.number().int().optional(),
  experimental_supported_tools: z.array(z.string()).optional(),
  input_modalities: z.array(z.string()).optional(),
  additional_speed_tiers: z.array(z.string()).optional(),
  service_tiers: z.array(ModelServiceTierSchema).optional(),
  default_service_tier: z.string().nullish(),
  /** Set on the descriptor `fallbackModelInfo` builds for a slug no catalog knows. */
  used_fallback_model_metadata: z.boolean().optional(),
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

/** `effective_context_window_percent` when a catalog entry leaves it out (as in the Rust Codex). */
export const DEFAULT_EFFECTIVE_CONTEXT_WINDOW_PERCENT = 95;

/** Input modalities assumed when an entry predates `input_modalities`. */
export const DEFAULT_INPUT_MODALITIES: readonly string[] = ['text', 'image'];

/** `auto_compact_token_limit`, or 90% of the context window when the entry has none. */
export function autoCompactTokenLimit(info: ModelInfo): number | null {
  if (info.auto_compact_token_limit != null) return info.auto_compact_token_limit;
  return info.context_window != null ? Math.floor((info.context_window * 9) / 10) : null;
}

/** The part of the context window usable for input, after the effective-window percentage. */
export function effectiveContextWindow(info: ModelInfo): number | null {
  if (info.context_window == null) return null;
  const percent = info.effective_context_window_percent ?? DEFAULT_EFFECTIVE_CONTEXT_WINDOW_PERCENT;
  return Math.floor((info.context_window * percent) / 100);
}

export interface ParsedModelList {
  models: ModelInfo[];
  /** One line per entry that did not match the schema (the entry is skipped, not the list). */
  rejected: string[];
}

/** Parses a list of catalog entries one by one, so a single malformed entry drops only itself. */
export function parseModelList(entries: readonly unknown[]): ParsedModelList {
  const models: ModelInfo[] = [];
  const rejected: string[] = [];
  entries.forEach((entry, index) => {
    const result = ModelInfoSchema.safeParse(entry);
    if (result.success) {
      models.push(result.data);
      return;
    }
    const slug = slugOf(entry) ?? `#${String(index)}`;
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    rejected.push(`model ${slug}: ${where}${issue?.message ?? 'invalid entry'}`);
  });
  return { models, rejected };
}

function slugOf(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const slug = (entry as { slug?: unknown }).slug;
  return typeof slug === 'string' ? slug : undefined;
}
