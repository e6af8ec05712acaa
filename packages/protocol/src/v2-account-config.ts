import * as z from 'zod';
import './zod-config.js';
import { UserInputSchema } from './v2-items.js';

// Account, config, turn/steer and fuzzyFileSearch methods of the v2 app-server protocol. Field
// names and shapes follow the Rust app server's JSON Schema (camelCase, except the snake_case
// fields of FuzzyFileSearchResult, as on the wire).

// ---- account ----------------------------------------------------------------------------------

export const GetAccountParamsSchema = z
  .object({
    /** Refresh ChatGPT tokens before answering. */
    refreshToken: z.boolean().default(false),
  })
  .loose();
export type GetAccountParams = z.output<typeof GetAccountParamsSchema>;

/** v2 `PlanType` values; plans this build does not know are reported as `unknown`. */
export const PLAN_TYPES = [
  'free',
  'go',
  'plus',
  'pro',
  'prolite',
  'promax',
  'team',
  'self_serve_business_prolite',
  'self_serve_business_usage_based',
  'business',
  'ent26',
  'enterprise_cbp_automation',
  'enterprise_cbp_usage_based',
  'enterprise',
  'edu',
  'edu_plus',
  'edu_pro',
  'sci',
  'sci_plus',
  'unknown',
] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

/** v2 `AuthMode` (the modes this implementation can report). */
export type AuthMode = 'apikey' | 'chatgpt';

export type Account =
  { type: 'apiKey' } | { type: 'chatgpt'; email: string | null; planType: PlanType };

export interface GetAccountResponse {
  account: Account | null;
  requiresOpenaiAuth: boolean;
  userId: string | null;
}

/** Login kinds of the schema this implementation does not offer; refused with a clear error. */
const unsupportedLogin = <T extends string>(type: T) => z.object({ type: z.literal(type) }).loose();

export const LoginAccountParamsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('apiKey'), apiKey: z.string() }).loose(),
  z
    .object({
      type: z.literal('chatgpt'),
      codexStreamlinedLogin: z.boolean().optional(),
      useHostedLoginSuccessPage: z.boolean().optional(),
      appBrand: z.enum(['codex', 'chatgpt']).nullish(),
    })
    .loose(),
  z.object({ type: z.literal('chatgptDeviceCode') }).loose(),
  unsupportedLogin('chatgptAuthTokens'),
  unsupportedLogin('amazonBedrock'),
  unsupportedLogin('amazonBedrockAccessKeys'),
]);
export type LoginAccountParams = z.output<typeof LoginAccountParamsSchema>;

export type LoginAccountResponse =
  | { type: 'apiKey' }
  | { type: 'chatgpt'; loginId: string; authUrl: string }
  | { type: 'chatgptDeviceCode'; loginId: string; verificationUrl: string; userCode: string };

export const CancelLoginAccountParamsSchema = z.object({ loginId: z.string() }).loose();
export type CancelLoginAccountParams = z.output<typeof CancelLoginAccountParamsSchema>;

export interface CancelLoginAccountResponse {
  status: 'canceled' | 'notFound';
}

export type LogoutAccountResponse = Record<string, never>;

/** Notifications of the account methods (sent to every initialized connection). */
export interface AccountNotificationMap {
  'account/login/completed': { loginId: string | null; success: boolean; error: string | null };
  'account/updated': { authMode: AuthMode | null; planType: PlanType | null };
}

// ---- config -----------------------------------------------------------------------------------

export const ConfigReadParamsSchema = z
  .object({ includeLayers: z.boolean().default(false), cwd: z.string().nullish() })
  .loose();
export type ConfigReadParams = z.output<typeof ConfigReadParamsSchema>;

export const MergeStrategySchema = z.enum(['replace', 'upsert']);
export type MergeStrategy = z.infer<typeof MergeStrategySchema>;

/** `value` may be any JSON value, `null` included (it removes the key), but must be present. */
const requiredValue = z.custom<unknown>((value) => value !== undefined, { message: 'Required' });

export const ConfigEditSchema = z
  .object({ keyPath: z.string(), value: requiredValue, mergeStrategy: MergeStrategySchema })
  .loose();
export type ConfigEdit = z.output<typeof ConfigEditSchema>;

const writeTarget = {
  /** The user's config.toml when absent; no other file may be written. */
  filePath: z.string().nullish(),
  /** The `version` a previous read returned; a different current version is a conflict. */
  expectedVersion: z.string().nullish(),
};

export const ConfigValueWriteParamsSchema = z
  .object({ ...ConfigEditSchema.shape, ...writeTarget })
  .loose();
export type ConfigValueWriteParams = z.output<typeof ConfigValueWriteParamsSchema>;

export const ConfigBatchWriteParamsSchema = z
  .object({
    edits: z.array(ConfigEditSchema),
    ...writeTarget,
    reloadUserConfig: z.boolean().optional(),
  })
  .loose();
export type ConfigBatchWriteParams = z.output<typeof ConfigBatchWriteParamsSchema>;

/** v2 `ConfigLayerSource`: the layers this implementation reads. */
export type ConfigLayerSource =
  | { type: 'system'; file: string }
  | { type: 'user'; file: string; profile: string | null }
  | { type: 'project'; dotCodexFolder: string }
  | { type: 'sessionFlags' };

export interface ConfigLayerMetadata {
  name: ConfigLayerSource;
  /** `sha256:<hex>` of the layer's values (key order and formatting do not matter). */
  version: string;
}

export interface ConfigLayer extends ConfigLayerMetadata {
  config: Record<string, unknown>;
  disabledReason: string | null;
}

export interface ConfigReadResponse {
  /** The effective config, with config.toml's (snake_case) key names. */
  config: Record<string, unknown>;
  /** Dotted key path of every value -> the layer that set it. */
  origins: Record<string, ConfigLayerMetadata>;
  /** Highest precedence first; only with `includeLayers`. */
  layers?: ConfigLayer[] | null;
}

export interface OverriddenMetadata {
  message: string;
  overridingLayer: ConfigLayerMetadata;
  effectiveValue: unknown;
}

export interface ConfigWriteResponse {
  status: 'ok' | 'okOverridden';
  /** The user layer's version after the write. */
  version: string;
  filePath: string;
  overriddenMetadata: OverriddenMetadata | null;
}

/** `data.config_write_error_code` of a refused config write. */
export type ConfigWriteErrorCode =
  | 'configLayerReadonly'
  | 'configVersionConflict'
  | 'configValidationError'
  | 'configPathNotFound'
  | 'configSchemaUnknownKey'
  | 'userLayerNotFound';

// ---- turn/steer -------------------------------------------------------------------------------

export const TurnSteerParamsSchema = z
  .object({
    threadId: z.string(),
    /** Must name the running turn. */
    expectedTurnId: z.string(),
    input: z.array(UserInputSchema),
    clientUserMessageId: z.string().nullish(),
  })
  .loose();
export type TurnSteerParams = z.output<typeof TurnSteerParamsSchema>;

export interface TurnSteerResponse {
  turnId: string;
}

// ---- fuzzyFileSearch --------------------------------------------------------------------------

export const FuzzyFileSearchParamsSchema = z
  .object({
    query: z.string(),
    roots: z.array(z.string()),
    /** A later search with the same token cancels this one (it then answers no files). */
    cancellationToken: z.string().nullish(),
  })
  .loose();
export type FuzzyFileSearchParams = z.output<typeof FuzzyFileSearchParamsSchema>;

export interface FuzzyFileSearchResult {
  root: string;
  /** Relative to `root`. */
  path: string;
  match_type: 'file' | 'directory';
  file_name: string;
  score: number;
  /** Character indices of `path` that matched the query, ascending. */
  indices: number[] | null;
}

export interface FuzzyFileSearchResponse {
  files: FuzzyFileSearchResult[];
}
