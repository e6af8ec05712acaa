import {
  PLAN_TYPES,
  type Account,
  type AccountNotificationMap,
  type AuthMode,
  type PlanType,
} from '@codex-ts/protocol';
import type { CodexAuth } from '@codex-ts/providers';
import { InvalidRequestError } from '../../errors/rpc-errors.js';

const KNOWN_PLANS: ReadonlySet<string> = new Set<PlanType>(
  PLAN_TYPES.filter((plan) => plan !== 'unknown'),
);

/** Raw plan names the Rust Codex reads as another plan. */
const PLAN_ALIASES: Readonly<Record<string, PlanType>> = { hc: 'enterprise', education: 'edu' };

/** The id_token's `chatgpt_plan_type` as a v2 `PlanType` (`unknown` when not a known plan). */
export function planTypeOf(raw: string | null): PlanType | null {
  if (raw === null) return null;
  const lower = raw.toLowerCase();
  const aliased = PLAN_ALIASES[lower];
  if (aliased !== undefined) return aliased;
  return KNOWN_PLANS.has(lower) ? (lower as PlanType) : 'unknown';
}

export function authModeOf(auth: CodexAuth | null): AuthMode | null {
  if (auth === null) return null;
  return auth.mode === 'apikey' ? 'apikey' : 'chatgpt';
}

/** `account/updated` for the given credentials (null: signed out). */
export function accountUpdated(auth: CodexAuth | null): AccountNotificationMap['account/updated'] {
  const planType =
    auth?.mode === 'chatgpt' ? planTypeOf(auth.tokens?.idToken.chatgptPlanType ?? null) : null;
  return { authMode: authModeOf(auth), planType };
}

/**
 * The v2 `Account` of stored credentials. ChatGPT credentials without an email or a plan are
 * refused, as the Rust app server refuses them.
 */
export function accountOf(auth: CodexAuth): Account {
  if (auth.mode === 'apikey') return { type: 'apiKey' };
  const email = auth.tokens?.idToken.email ?? null;
  const planType = planTypeOf(auth.tokens?.idToken.chatgptPlanType ?? null);
  if (email === null || planType === null) {
    throw new InvalidRequestError('email and plan type are required for chatgpt authentication');
  }
  return { type: 'chatgpt', email, planType };
}
