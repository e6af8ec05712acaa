import {
  CancelLoginAccountParamsSchema,
  ConfigBatchWriteParamsSchema,
  ConfigEditSchema,
  ConfigReadParamsSchema,
  ConfigValueWriteParamsSchema,
  FuzzyFileSearchParamsSchema,
  GetAccountParamsSchema,
  LoginAccountParamsSchema,
  MergeStrategySchema,
  TurnSteerParamsSchema,
} from '@codex-ts/protocol';
import * as z from 'zod';
import type { ClientRequestEntry, NotificationEntry, WireType } from './protocol-catalog.js';
import {
  AccountLoginCompletedNotificationSchema,
  AccountSchema,
  AccountUpdatedNotificationSchema,
  AuthModeSchema,
  CancelLoginAccountResponseSchema,
  CancelLoginAccountStatusSchema,
  ConfigLayerMetadataSchema,
  ConfigLayerSchema,
  ConfigLayerSourceSchema,
  ConfigReadResponseSchema,
  ConfigWriteResponseSchema,
  FuzzyFileSearchMatchTypeSchema,
  FuzzyFileSearchResponseSchema,
  FuzzyFileSearchResultSchema,
  GetAccountResponseSchema,
  LoginAccountResponseSchema,
  OverriddenMetadataSchema,
  PlanTypeSchema,
  TurnSteerResponseSchema,
  WriteStatusSchema,
} from './wire-account-config.js';

// The account, config, turn/steer and fuzzyFileSearch part of the protocol catalog.

function v2(name: string, schema: z.ZodType): WireType {
  return { name, schema: schema.clone(), namespace: 'v2' };
}

function request(
  method: string,
  params: [string, z.ZodType] | null,
  response: [string, z.ZodType],
): ClientRequestEntry {
  return { method, params: params && v2(...params), response: v2(...response) };
}

/** `config/value/write` and `config/batchWrite` share one answer definition. */
const configWrite: [string, z.ZodType] = ['ConfigWriteResponse', ConfigWriteResponseSchema];

export function accountConfigRequests(): ClientRequestEntry[] {
  return [
    request(
      'turn/steer',
      ['TurnSteerParams', TurnSteerParamsSchema],
      ['TurnSteerResponse', TurnSteerResponseSchema],
    ),
    request(
      'account/login/start',
      ['LoginAccountParams', LoginAccountParamsSchema],
      ['LoginAccountResponse', LoginAccountResponseSchema],
    ),
    request(
      'account/login/cancel',
      ['CancelLoginAccountParams', CancelLoginAccountParamsSchema],
      ['CancelLoginAccountResponse', CancelLoginAccountResponseSchema],
    ),
    // No params: the reference sends `null` or nothing.
    request('account/logout', null, ['LogoutAccountResponse', z.object({})]),
    request(
      'config/read',
      ['ConfigReadParams', ConfigReadParamsSchema],
      ['ConfigReadResponse', ConfigReadResponseSchema],
    ),
    request(
      'config/value/write',
      ['ConfigValueWriteParams', ConfigValueWriteParamsSchema],
      configWrite,
    ),
    request(
      'config/batchWrite',
      ['ConfigBatchWriteParams', ConfigBatchWriteParamsSchema],
      configWrite,
    ),
    request(
      'account/read',
      ['GetAccountParams', GetAccountParamsSchema],
      ['GetAccountResponse', GetAccountResponseSchema],
    ),
    request(
      'fuzzyFileSearch',
      ['FuzzyFileSearchParams', FuzzyFileSearchParamsSchema],
      ['FuzzyFileSearchResponse', FuzzyFileSearchResponseSchema],
    ),
  ];
}

export function accountNotifications(): NotificationEntry[] {
  return [
    {
      method: 'account/login/completed',
      params: v2('AccountLoginCompletedNotification', AccountLoginCompletedNotificationSchema),
    },
    {
      method: 'account/updated',
      params: v2('AccountUpdatedNotification', AccountUpdatedNotificationSchema),
    },
  ];
}

/** Named parts of these methods' messages. */
export function accountConfigHelpers(): WireType[] {
  const named: Array<[string, z.ZodType]> = [
    ['PlanType', PlanTypeSchema],
    ['AuthMode', AuthModeSchema],
    ['Account', AccountSchema],
    ['CancelLoginAccountStatus', CancelLoginAccountStatusSchema],
    ['ConfigLayerSource', ConfigLayerSourceSchema],
    ['ConfigLayerMetadata', ConfigLayerMetadataSchema],
    ['ConfigLayer', ConfigLayerSchema],
    ['WriteStatus', WriteStatusSchema],
    ['OverriddenMetadata', OverriddenMetadataSchema],
    ['FuzzyFileSearchMatchType', FuzzyFileSearchMatchTypeSchema],
    ['FuzzyFileSearchResult', FuzzyFileSearchResultSchema],
    ['MergeStrategy', MergeStrategySchema],
    ['ConfigEdit', ConfigEditSchema],
  ];
  return named.map(([name, schema]) => ({ name, schema, namespace: 'v2' }));
}
