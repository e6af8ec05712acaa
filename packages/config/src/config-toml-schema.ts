import {
  AskForApprovalSchema,
  ReasoningEffortSchema,
  ReasoningSummarySchema,
  SandboxModeSchema,
  VerbositySchema,
} from '@codex-ts/protocol';
import * as z from 'zod';

import { AUTH_CONFIG_SHAPE } from './auth-config.js';
import { SandboxWorkspaceWriteSchema } from './config-sections.js';
import { FeaturesTomlSchema } from './features-config.js';
import { HistoryTomlSchema } from './history-config.js';
import { McpServersSchema } from './mcp-servers-config.js';
import { ModelProvidersSchema } from './model-providers.js';
import { ProjectsSchema } from './project-trust.js';
import {
  anyTable,
  expecting,
  nonEmptyString,
  nonNegativeInteger,
  tomlBoolean,
  tomlEnum,
  tomlString,
  tomlTable,
} from './schema-helpers.js';
import { ShellEnvironmentPolicySchema } from './shell-environment-policy.js';
import { ToolsSchema, WEB_SEARCH_MODES } from './tools-config.js';

/**
 * The keys of `config.toml` that codex-ts acts on, typed and validated. The merged config (every
 * layer, `-c` overrides included) is parsed with this schema once; the result is handed out in
 * small typed slices. Keys are listed in the order their errors are reported. Other keys pass
 * through: the Rust Codex knows them (see `known-keys.ts`) or they warn as unknown.
 */
export const ConfigTomlSchema = tomlTable({
  model: nonEmptyString().optional(),
  openai_base_url: tomlString.optional(),
  model_providers: ModelProvidersSchema.optional(),
  model_provider: nonEmptyString().optional(),
  approval_policy: tomlEnum(AskForApprovalSchema.options).optional(),
  sandbox_mode: tomlEnum(SandboxModeSchema.options).optional(),
  project_doc_max_bytes: nonNegativeInteger.optional(),
  model_reasoning_effort: tomlEnum(ReasoningEffortSchema.options).optional(),
  model_reasoning_summary: tomlEnum(ReasoningSummarySchema.options).optional(),
  model_verbosity: tomlEnum(VerbositySchema.options).optional(),
  sandbox_workspace_write: SandboxWorkspaceWriteSchema.optional(),
  base_instructions: tomlString.optional(),
  model_instructions_file: tomlString.optional(),
  experimental_instructions_file: tomlString.optional(),
  developer_instructions: tomlString.optional(),
  shell_environment_policy: ShellEnvironmentPolicySchema.optional(),
  web_search: tomlEnum(WEB_SEARCH_MODES).optional(),
  tools: ToolsSchema.optional(),
  features: FeaturesTomlSchema.optional(),
  experimental_use_unified_exec_tool: tomlBoolean.optional(),
  experimental_use_freeform_apply_patch: tomlBoolean.optional(),
  projects: ProjectsSchema.optional(),
  ...AUTH_CONFIG_SHAPE,
  oss_provider: nonEmptyString().optional(),
  history: HistoryTomlSchema.optional(),
  mcp_servers: McpServersSchema.optional(),
  profile: tomlString.optional(),
  profiles: z.record(z.string(), anyTable, expecting('a table')).optional(),
});

export type ConfigToml = z.output<typeof ConfigTomlSchema>;
