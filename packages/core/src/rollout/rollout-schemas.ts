import {
  OtherItemSchema,
  parseResponseItem,
  type OtherItem,
  type ResponseItem,
} from '@codex-ts/protocol';
import { lazy } from '@codex-ts/utils';
import * as z from 'zod';

/**
 * Payload schemas of the rollout line kinds other than `event_msg` (see `event-msg.ts`). Field
 * names are the Rust Codex's (snake_case). Every object is `.loose()`: fields added by newer
 * versions are kept on read and written back unchanged. Optional Rust fields accept `null` as
 * well as absence, as serde does.
 *
 * The schemas are built on first use (`rolloutSchemas()`), not at module load: only reading a
 * rollout parses one, and building them costs every `codex exec`, which only writes.
 */

/** A response item as stored in a rollout: one we model, or any other kind kept as-is. */
export type RolloutResponseItem = ResponseItem | OtherItem;

function buildRolloutSchemas() {
  /**
   * A stored response item: the kinds we model are validated (a `message` without `content` is as
   * unreadable to us as to Rust); any other kind only needs a string `type` and is kept as-is.
   */
  const RolloutResponseItem = OtherItemSchema.transform((value, ctx): RolloutResponseItem => {
    try {
      return parseResponseItem(value);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid ${value.type} item: ${error instanceof Error ? error.message : String(error)}`,
      });
      return z.NEVER;
    }
  });

  /** `git` of a session_meta line; each field is absent when git could not tell. */
  const GitInfo = z
    .object({
      commit_hash: z.string().nullish(),
      branch: z.string().nullish(),
      repository_url: z.string().nullish(),
    })
    .loose();

  /**
   * `SessionSource` on disk: a lowercase string (`cli`, `vscode`, `exec`, `mcp`, `unknown`) or an
   * externally tagged object (`{"custom": "..."}`, `{"subagent": ...}`). A missing source means
   * `vscode` to the Rust Codex (serde default).
   */
  const RolloutSessionSource = z.union([z.string(), z.record(z.string(), z.unknown())]);

  /** `BaseInstructions`: `{text}` (newer versions add `provenance`). */
  const BaseInstructions = z.object({ text: z.string() }).loose();

  const SessionMeta = z
    .object({
      id: z.string(),
      forked_from_id: z.string().nullish(),
      timestamp: z.string(),
      cwd: z.string(),
      originator: z.string().default(''),
      cli_version: z.string().default(''),
      source: RolloutSessionSource.optional(),
      agent_nickname: z.string().nullish(),
      agent_role: z.string().nullish(),
      agent_path: z.string().nullish(),
      model_provider: z.string().nullish(),
      base_instructions: BaseInstructions.nullish(),
      dynamic_tools: z.array(z.unknown()).nullish(),
      memory_mode: z.string().nullish(),
    })
    .loose();

  /** The session_meta payload: the meta fields flattened, plus `git`. */
  const SessionMetaLine = SessionMeta.extend({
    git: GitInfo.nullish(),
  }).loose();

  /**
   * Rust `AskForApproval` (`untrusted`, `on-failure`, `on-request`, `never`, or
   * `{"granular": {...}}`) and `SandboxPolicy` (`{"type": "workspace-write", ...}`, kebab-case
   * type, snake_case fields).
   */
  const RolloutApprovalPolicy = z.union([z.string(), z.record(z.string(), z.unknown())]);
  const RolloutSandboxPolicy = z.object({ type: z.string() }).loose();

  const TurnContextItem = z
    .object({
      turn_id: z.string().nullish(),
      trace_id: z.string().nullish(),
      cwd: z.string(),
      current_date: z.string().nullish(),
      timezone: z.string().nullish(),
      approval_policy: RolloutApprovalPolicy,
      sandbox_policy: RolloutSandboxPolicy,
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

  /**
   * A compaction: the summary `message`, and (Rust versions from late 2025 on) the whole history
   * that replaced the old one. Without `replacement_history` the reader rebuilds it.
   */
  const CompactedItem = z
    .object({
      message: z.string(),
      replacement_history: z.array(RolloutResponseItem).nullish(),
    })
    .loose();

  /** Rust `TokenUsage` (snake_case); `cache_write_input_tokens` is ours, written only when > 0. */
  const RolloutTokenUsage = z
    .object({
      input_tokens: z.number().default(0),
      cached_input_tokens: z.number().default(0),
      cache_write_input_tokens: z.number().optional(),
      output_tokens: z.number().default(0),
      reasoning_output_tokens: z.number().default(0),
      total_tokens: z.number().default(0),
    })
    .loose();

  const TokenUsageInfo = z
    .object({
      total_token_usage: RolloutTokenUsage,
      last_token_usage: RolloutTokenUsage,
      model_context_window: z.number().nullish(),
    })
    .loose();

  return {
    RolloutResponseItem,
    GitInfo,
    RolloutSessionSource,
    BaseInstructions,
    SessionMeta,
    SessionMetaLine,
    RolloutApprovalPolicy,
    RolloutSandboxPolicy,
    TurnContextItem,
    CompactedItem,
    RolloutTokenUsage,
    TokenUsageInfo,
  };
}

export type RolloutSchemas = ReturnType<typeof buildRolloutSchemas>;

/** The rollout payload schemas, built on the first call. */
export const rolloutSchemas: () => RolloutSchemas = lazy(buildRolloutSchemas);

export type GitInfo = z.infer<RolloutSchemas['GitInfo']>;
export type RolloutSessionSource = z.infer<RolloutSchemas['RolloutSessionSource']>;
export type BaseInstructions = z.infer<RolloutSchemas['BaseInstructions']>;
export type SessionMeta = z.infer<RolloutSchemas['SessionMeta']>;
export type SessionMetaLine = z.infer<RolloutSchemas['SessionMetaLine']>;
export type RolloutSandboxPolicy = z.infer<RolloutSchemas['RolloutSandboxPolicy']>;
export type TurnContextItem = z.infer<RolloutSchemas['TurnContextItem']>;
export type CompactedItem = z.infer<RolloutSchemas['CompactedItem']>;
export type RolloutTokenUsage = z.infer<RolloutSchemas['RolloutTokenUsage']>;
export type TokenUsageInfo = z.infer<RolloutSchemas['TokenUsageInfo']>;
