import { PLAN_TYPES } from '@codex-ts/protocol';
import * as z from 'zod';
import { int } from './wire-shared.js';

// zod schemas of what the account, config, turn/steer and fuzzyFileSearch methods send back
// (types: v2-account-config.ts of @codex-ts/protocol).

export const PlanTypeSchema = z.enum(PLAN_TYPES);

export const AuthModeSchema = z.enum(['apikey', 'chatgpt']);

export const AccountSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('apiKey') }),
  z.object({ type: z.literal('chatgpt'), email: z.string().nullable(), planType: PlanTypeSchema }),
]);

export const GetAccountResponseSchema = z.object({
  account: AccountSchema.nullable(),
  requiresOpenaiAuth: z.boolean(),
  userId: z.string().nullable(),
});

export const LoginAccountResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('apiKey') }),
  z.object({ type: z.literal('chatgpt'), loginId: z.string(), authUrl: z.string() }),
  z.object({
    type: z.literal('chatgptDeviceCode'),
    loginId: z.string(),
    verificationUrl: z.string(),
    userCode: z.string(),
  }),
]);

export const CancelLoginAccountStatusSchema = z.enum(['canceled', 'notFound']);
export const CancelLoginAccountResponseSchema = z.object({
  status: CancelLoginAccountStatusSchema,
});

export const ConfigLayerSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('system'), file: z.string() }),
  z.object({ type: z.literal('user'), file: z.string(), profile: z.string().nullable() }),
  z.object({ type: z.literal('project'), dotCodexFolder: z.string() }),
  z.object({ type: z.literal('sessionFlags') }),
]);

export const ConfigLayerMetadataSchema = z.object({
  name: ConfigLayerSourceSchema,
  version: z.string(),
});

export const ConfigLayerSchema = z.object({
  name: ConfigLayerSourceSchema,
  version: z.string(),
  config: z.record(z.string(), z.unknown()),
  disabledReason: z.string().nullable(),
});

export const ConfigReadResponseSchema = z.object({
  config: z.record(z.string(), z.unknown()),
  origins: z.record(z.string(), ConfigLayerMetadataSchema),
  layers: z.array(ConfigLayerSchema).nullish(),
});

export const WriteStatusSchema = z.enum(['ok', 'okOverridden']);

export const OverriddenMetadataSchema = z.object({
  message: z.string(),
  overridingLayer: ConfigLayerMetadataSchema,
  effectiveValue: z.unknown(),
});

export const ConfigWriteResponseSchema = z.object({
  status: WriteStatusSchema,
  version: z.string(),
  filePath: z.string(),
  overriddenMetadata: OverriddenMetadataSchema.nullable(),
});

export const TurnSteerResponseSchema = z.object({ turnId: z.string() });

export const FuzzyFileSearchMatchTypeSchema = z.enum(['file', 'directory']);

export const FuzzyFileSearchResultSchema = z.object({
  root: z.string(),
  path: z.string(),
  match_type: FuzzyFileSearchMatchTypeSchema,
  file_name: z.string(),
  score: int('uint32'),
  indices: z.array(int('uint32')).nullable(),
});

export const FuzzyFileSearchResponseSchema = z.object({
  files: z.array(FuzzyFileSearchResultSchema),
});

export const AccountLoginCompletedNotificationSchema = z.object({
  loginId: z.string().nullable(),
  success: z.boolean(),
  error: z.string().nullable(),
});

export const AccountUpdatedNotificationSchema = z.object({
  authMode: AuthModeSchema.nullable(),
  planType: PlanTypeSchema.nullable(),
});
