import type {
  AccountNotificationMap,
  CancelLoginAccountResponse,
  ConfigReadResponse,
  ConfigWriteResponse,
  FuzzyFileSearchResponse,
  GetAccountResponse,
  LoginAccountResponse,
  TurnSteerResponse,
} from '@codex-ts/protocol';
import type { z } from 'zod';
import type {
  AccountLoginCompletedNotificationSchema,
  AccountUpdatedNotificationSchema,
  CancelLoginAccountResponseSchema,
  ConfigReadResponseSchema,
  ConfigWriteResponseSchema,
  FuzzyFileSearchResponseSchema,
  GetAccountResponseSchema,
  LoginAccountResponseSchema,
  TurnSteerResponseSchema,
} from './wire-account-config.js';

// Compile-time proof that the account/config wire schemas describe exactly the TypeScript types
// the server sends (see wire-type-checks.ts).

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type Out<S extends z.ZodType> = z.output<S>;

export type WireAccountTypeChecks = [
  Assert<Same<Out<typeof GetAccountResponseSchema>, GetAccountResponse>>,
  Assert<Same<Out<typeof LoginAccountResponseSchema>, LoginAccountResponse>>,
  Assert<Same<Out<typeof CancelLoginAccountResponseSchema>, CancelLoginAccountResponse>>,
  Assert<Same<Out<typeof ConfigReadResponseSchema>, ConfigReadResponse>>,
  Assert<Same<Out<typeof ConfigWriteResponseSchema>, ConfigWriteResponse>>,
  Assert<Same<Out<typeof TurnSteerResponseSchema>, TurnSteerResponse>>,
  Assert<Same<Out<typeof FuzzyFileSearchResponseSchema>, FuzzyFileSearchResponse>>,
  Assert<
    Same<
      Out<typeof AccountLoginCompletedNotificationSchema>,
      AccountNotificationMap['account/login/completed']
    >
  >,
  Assert<
    Same<Out<typeof AccountUpdatedNotificationSchema>, AccountNotificationMap['account/updated']>
  >,
];
