import type {
  CodexErrorInfo,
  SandboxPolicy,
  SessionSource,
  TokenUsage,
  TokenUsageBreakdown,
} from '@codex-ts/protocol';
import type {
  RolloutSandboxPolicy,
  RolloutSessionSource,
  RolloutTokenUsage,
} from './rollout-schemas.js';

/**
 * Conversions between the v2 (camelCase) shapes core works with and the Rust core shapes
 * (snake_case, kebab-case tags) a rollout stores.
 */

/** v2 thread source -> session_meta `source` (the app server is `mcp` on disk). */
export function rolloutSessionSource(source: SessionSource): RolloutSessionSource {
  switch (source) {
    case 'cli':
    case 'vscode':
    case 'exec':
    case 'unknown':
      return source;
    case 'appServer':
      return 'mcp';
  }
}

/** session_meta `source` -> v2 thread source; a missing source is `vscode`, as in Rust. */
export function sessionSourceFromRollout(source: RolloutSessionSource | undefined): SessionSource {
  if (source === undefined) return 'vscode';
  switch (source) {
    case 'cli':
    case 'vscode':
    case 'exec':
      return source;
    case 'mcp':
      return 'appServer';
    default:
      return 'unknown';
  }
}

/** v2 sandbox policy -> turn_context `sandbox_policy`. */
export function rolloutSandboxPolicy(policy: SandboxPolicy): RolloutSandboxPolicy {
  switch (policy.type) {
    case 'dangerFullAccess':
      return { type: 'danger-full-access' };
    case 'readOnly':
      return policy.networkAccess
        ? { type: 'read-only', network_access: true }
        : { type: 'read-only' };
    case 'workspaceWrite':
      return {
        type: 'workspace-write',
        ...(policy.writableRoots.length > 0 ? { writable_roots: policy.writableRoots } : {}),
        network_access: policy.networkAccess,
        exclude_tmpdir_env_var: policy.excludeTmpdirEnvVar,
        exclude_slash_tmp: policy.excludeSlashTmp,
      };
  }
}

/** Token counts in the rollout's snake_case shape. */
export function rolloutTokenUsage(usage: TokenUsage | TokenUsageBreakdown): RolloutTokenUsage {
  return {
    input_tokens: usage.inputTokens,
    cached_input_tokens: usage.cachedInputTokens,
    // Not a Rust field: written only when there is something to keep (serde ignores it).
    ...(usage.cacheWriteInputTokens > 0
      ? { cache_write_input_tokens: usage.cacheWriteInputTokens }
      : {}),
    output_tokens: usage.outputTokens,
    reasoning_output_tokens: usage.reasoningOutputTokens,
    total_tokens: usage.totalTokens,
  };
}

/** A rollout's token counts as core's `TokenUsage`, e.g. to continue totals after resume. */
export function tokenUsageFromRollout(usage: RolloutTokenUsage): TokenUsage {
  return {
    inputTokens: usage.input_tokens,
    cachedInputTokens: usage.cached_input_tokens,
    cacheWriteInputTokens: usage.cache_write_input_tokens ?? 0,
    outputTokens: usage.output_tokens,
    reasoningOutputTokens: usage.reasoning_output_tokens,
    totalTokens: usage.total_tokens,
  };
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * v2 `CodexErrorInfo` -> Rust's: `contextWindowExceeded` -> `context_window_exceeded`,
 * `{httpConnectionFailed: {httpStatusCode}}` -> `{http_connection_failed: {http_status_code}}`.
 */
export function rolloutCodexErrorInfo(info: CodexErrorInfo): unknown {
  if (typeof info === 'string') return snakeCase(info);
  const out: Record<string, unknown> = {};
  for (const [variant, fields] of Object.entries(info)) {
    const snakeFields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
      snakeFields[snakeCase(key)] = value;
    }
    out[snakeCase(variant)] = snakeFields;
  }
  return out;
}
