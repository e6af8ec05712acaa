import type { ComposerState } from '../composer/index.js';
import type {
  ListSelectionState,
  ApprovalState,
  LoginState,
  ModelPickerState,
  ResumePickerState,
  TranscriptOverlayState,
  TrustState,
} from '../views/index.js';

/** The view over the composer that takes the keys, if any. */
export type Modal =
  | { kind: 'approval'; approvalId: number; state: ApprovalState }
  | { kind: 'model'; state: ModelPickerState }
  | { kind: 'resume'; state: ResumePickerState }
  | { kind: 'transcript'; state: TranscriptOverlayState }
  | { kind: 'trust'; state: TrustState }
  | { kind: 'login'; state: LoginState }
  /** A pick-one list whose items carry what choosing them does (/approvals, /review presets). */
  | { kind: 'select'; state: ListSelectionState<() => void> };

/** Where the session is: onboarding screens first, then the chat. */
export type Phase = 'starting' | 'login' | 'trust' | 'picker' | 'chat';

export interface UiState {
  phase: Phase;
  composer: ComposerState;
  modal: Modal | null;
  /** A one-line hint above the composer ("Press Ctrl+C again to quit"), cleared on the next key. */
  hint: string | null;
  /** Set when the app should exit (the Ink root unmounts). */
  exiting: boolean;
  /** Messages queued with Tab while a turn runs. */
  queued: readonly string[];
  /** The user's `!cmd` running now (its command/exec process id). */
  shellProcess: string | null;
}
