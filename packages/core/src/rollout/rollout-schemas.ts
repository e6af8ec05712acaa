import {
  OtherItemSchema,
  parseResponseItem,
  type OtherItem,
  type ResponseItem,
} from '@codex-ts/protocol';
import { z } from 'zod';

/**
 * Payload schemas of the rollout line kinds other than `event_msg` (see `event-msg.ts`). Field
 * names are the Rust Codex's (snake_case). Every object is `.loose()`: fields added by newer
 * versions are kept on read and written back unchanged. Optional Rust fields accept `null` as
 * well as absence, as serde does.
 */

/** A response item as stored in a rollout: one we model, or any other kind kept as-is. */
export type RolloutResponseItem = ResponseItem | OtherItem;

/**
 * A stored response item: the kinds we model are validated (a `message` without `content` is as
 * unreadable to us as to Rust); any other kind only needs a string `type` and is kept as-is.
 */
export const RolloutResponseItemSchema = OtherItemSchema.transform(
  (value, ctx): RolloutResponseItem => {
    try {
      return parseResponseItem(value);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid ${value.type} item: ${error instanceof Error ? error.message : String(error)}`,
      });
      return z.NEVER;
    }
  },
);

/** `git` of a session_meta line; each field is absent when git could not tell. */
export const GitInfoSchema = z
  .object({
    commit_hash: z.string().nullish(),
    branch: z.string().nullish(),
    repository_url: z.string().nullish(),
  })
  .loose();
export type GitInfo = z.infer<typeof GitInfoSchema>;

/**
 * `SessionSource` on disk: a lowercase string (`cli`, `vscode`, `exec`, `mcp`, `unknown`) or an
 * externally tagged object (`{"custom": "..."}`, `{"subagent": ...}`). A missing source means
 * `vscode` to the Rust Codex (serde default).
 */
export const RolloutSessionSourceSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);
export type RolloutSessionSource = z.infer<typeof RolloutSessionSourceSchema>;

/** `BaseInstructions`: `{text}` (newer versions add `provenance`). */
export const BaseInstructionsSchema = z.object({ text: z.string() }).loose();
export type BaseInstructions = z.infer<typeof BaseInstructionsSchema>;

export const SessionMetaSchema = z
  .object({
    id: z.string(),
    forked_from_id: z.string().nullish(),
    timestamp: z.string(),
    cwd: z.string(),
    originator: z.string().default(''),
    cli_version: z.string().default(''),
    source: RolloutSessionSourceSchema.optional(),
    agent_nickname: z.string().nullish(),
    agent_role: z.string().nullish(),
    agent_path: z.string().nullish(),
    model_provider: z.string().nullish(),
    base_instructions: BaseInstructionsSchema.nullish(),
    dynamic_tools: z.array(z.unknown()).nullish(),
    memory_mode: z.string().nullish(),
  })
  .loose();
export type SessionMeta = z.infer<typeof SessionMetaSchema>;

/** The session_meta payload: the meta fields flattened, plus `git`. */
export const SessionMetaLineSchema = SessionMetaSchema.extend({
  git: GitInfoSchema.nullish(),
}).loose();
export type SessionMetaLine = z.infer<typeof SessionMetaLineSchema>;

/**
 * Rust `AskForApproval` (`untrusted`, `on-failure`, `on-request`, `never`, or
 * `{"granular": {...}}`) and `SandboxPolicy` (`{"type": "workspace-write", ...}`, kebab-case
 * type, snake_case fields).
 */
export const RolloutApprovalPolicySchema = z.union([z.string(), z.record(z.string(), z.unknown())]);
export const RolloutSandboxPolicySchema = z.object({ type: z.string() }).loose();
export type RolloutSandboxPolicy = z.infer<typeof RolloutSandboxPolicySchema>;

export const TurnContextItemSchema = z
  .object({
    turn_id: z.string().nullish(),
    trace_id: z.string().nullish(),
    cwd: z.string(),
    current_date: z.string().nullish(),
    timezone: z.string().nullish(),
    approval_policy: RolloutApprovalPolicySchema,
    sandbox_policy: RolloutSandboxPolicySchema,
    network: z.unknown().optional(),
    model: z.string(),
    personality: z.string().nullish(),
    collaboration_mode: z.unknown().optional(),
    realtime_active: z.boolean().nullish(),
    effort: z.string().nullish(),
    summary: z.string(),
    user_instructions: z.string().nullish(),
    developer_instructions: z.string().nullish(),
    final_output_json_schema: z.unknown().optional(),
    truncation_policy: z.object({ mode: z.string(), limit: z.number() }).loose().nullish(),
  })
  .loose();
export type TurnContextItem = z.infer<typeof TurnContextItemSchema>;

/**
 * A compaction: the summary `message`, and (Rust versions from late 2025 on) the whole history
 * that replaced the old one. Without `replacement_history` the reader rebuilds it.
 */
export const CompactedItemSchema = z
  .object({
    message: z.string(),
    replacement_history: z.array(RolloutResponseItemSchema).nullish(),
  })
  .loose();
export type CompactedItem = z.infer<typeof CompactedItemSchema>;

/** Rust `TokenUsage` (snake_case); `cache_write_input_tokens` is ours, written only when > 0. */
export const RolloutTokenUsageSchema = z
  .object({
    input_tokens: z.number().default(0),
    cached_input_tokens: z.number().default(0),
    cache_write_input_tokens: z.number().optional(),
    output_tokens: z.number().default(0),
    reasoning_output_tokens: z.number().default(0),
    total_tokens: z.number().default(0),
  })
  .loose();
export type RolloutTokenUsage = z.infer<typeof RolloutTokenUsageSchema>;

export const TokenUsageInfoSchema = z
  .object({
    total_token_usage: RolloutTokenUsageSchema,
    last_token_usage: RolloutTokenUsageSchema,
    model_context_window: z.number().nullish(),
  })
  .loose();
export type TokenUsageInfo = z.infer<typeof TokenUsageInfoSchema>;
