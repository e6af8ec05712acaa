import type { KeyEvent } from '../input/key-event.js';
import { isDown, isPlain, isUp } from './key-helpers.js';
import { handled, unhandled, type KeyResult } from './view-types.js';

/**
 * The startup question for a project folder with no trust decision yet. Trusting records
 * `projects.<path>.trust_level = "trusted"` (the session then defaults to the workspace-write
 * sandbox with on-request approvals); not trusting records `"untrusted"` (read-only sandbox,
 * approval asked for edits and commands). The App writes the config; this view only asks.
 * Like the Rust onboarding step, a folder known not to be version-controlled starts on "No".
 */
export interface TrustState {
  /** The folder the decision is recorded for (the repository root when there is one). */
  cwd: string;
  /** Whether it is under version control; null when the App did not say. */
  isGitRepo: boolean | null;
  /** 0: trust, 1: do not trust. */
  highlighted: 0 | 1;
}

export type TrustEffect = { type: 'trust'; trusted: boolean };
export type TrustResult = KeyResult<TrustState, TrustEffect>;

export const TRUST_CHOICES = [
  'Yes, allow Codex to work in this folder without asking for approval',
  'No, ask me to approve edits and commands',
] as const;

export interface TrustOptions {
  cwd: string;
  isGitRepo?: boolean | null;
}

export function initialTrustState(opts: TrustOptions): TrustState {
  const isGitRepo = opts.isGitRepo ?? null;
  return { cwd: opts.cwd, isGitRepo, highlighted: isGitRepo === false ? 1 : 0 };
}

function decide(state: TrustState, trusted: boolean): TrustResult {
  return handled({ ...state, highlighted: trusted ? 0 : 1 }, { type: 'trust', trusted });
}

export function handleTrustKey(state: TrustState, e: KeyEvent): TrustResult {
  if (isUp(e) || isPlain(e, 'k')) return handled({ ...state, highlighted: 0 });
  if (isDown(e) || isPlain(e, 'j')) return handled({ ...state, highlighted: 1 });
  if (isPlain(e, '1') || isPlain(e, 'y')) return decide(state, true);
  if (isPlain(e, '2') || isPlain(e, 'n')) return decide(state, false);
  if (e.key.return) return decide(state, state.highlighted === 0);
  return unhandled(state);
}
