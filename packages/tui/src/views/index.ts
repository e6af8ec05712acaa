// The TUI's modal views: each is a pure state machine (initial state, key handler returning
// `{ state, handled, effect? }`) plus an Ink component that only renders the state.
export { handled, unhandled } from './view-types.js';
export type { KeyResult, ViewRenderProps } from './view-types.js';
export { viewStyle } from './style.js';
export {
  textField,
  textFieldValue,
  insertText,
  handleTextFieldKey,
  renderTextField,
} from './text-field.js';
export type { TextFieldState, TextFieldRenderOptions } from './text-field.js';
export { LinesView } from './lines-view.js';
export {
  DEFAULT_LIST_FOOTER,
  DEFAULT_MAX_ROWS,
  initialListSelectionState,
  handleListSelectionKey,
  handleListSelectionPaste,
  moveSelection,
  selectedItem,
} from './list-selection.js';
export type {
  SelectionItem,
  ListSelectionOptions,
  ListSelectionState,
  ListSelectionEffect,
  ListSelectionResult,
} from './list-selection.js';
export { listSelectionLines } from './list-selection-render.js';
export { ListSelectionView } from './list-selection-view.js';
export type { ListSelectionViewProps } from './list-selection-view.js';
export {
  approvalTitle,
  initialApprovalState,
  handleApprovalKey,
  handleApprovalPaste,
} from './approval.js';
export type {
  ApprovalRequest,
  ApprovalChoice,
  ApprovalEffect,
  ApprovalState,
  ApprovalResult,
} from './approval.js';
export { approvalLines, MAX_COMMAND_LINES, MAX_DIFF_LINES_PER_FILE } from './approval-render.js';
export { diffSummaryLines, parseUnifiedDiff } from './approval-diff.js';
export type { DiffSummaryOptions } from './approval-diff.js';
export { ApprovalView } from './approval-view.js';
export type { ApprovalViewProps } from './approval-view.js';
export { effortLabel, initialModelPickerState, handleModelPickerKey } from './model-picker.js';
export type {
  ModelEntry,
  ModelPickerOptions,
  ModelPickerState,
  ModelPickerEffect,
  ModelPickerResult,
} from './model-picker.js';
export { ModelPickerView } from './model-picker-view.js';
export type { ModelPickerViewProps } from './model-picker-view.js';
export {
  LOAD_MORE_THRESHOLD,
  initialResumePickerState,
  handleResumePickerKey,
  handleResumePickerPaste,
  resumePickerRequest,
  resumePickerPageLoaded,
  resumePickerLoadFailed,
  visibleThreads,
  threadBranch,
} from './resume-picker.js';
export type {
  ResumeThread,
  ResumePickerOptions,
  ResumePickerState,
  ResumeLoadRequest,
  ResumePickerEffect,
  ResumePickerResult,
} from './resume-picker.js';
export { relativeTime, resumePickerLines } from './resume-picker-render.js';
export { ResumePickerView } from './resume-picker-view.js';
export type { ResumePickerViewProps } from './resume-picker-view.js';
export {
  TRANSCRIPT_CHROME_ROWS,
  initialTranscriptOverlayState,
  handleTranscriptOverlayKey,
  setTranscriptLines,
  setTranscriptHeight,
  findMatches,
  transcriptPercent,
} from './transcript-overlay.js';
export type {
  TranscriptSearch,
  TranscriptOverlayState,
  TranscriptOverlayEffect,
  TranscriptOverlayResult,
} from './transcript-overlay.js';
export { highlightLine, transcriptOverlayLines } from './transcript-overlay-render.js';
export { TranscriptOverlayView } from './transcript-overlay-view.js';
export type { TranscriptOverlayViewProps } from './transcript-overlay-view.js';
export { TRUST_CHOICES, initialTrustState, handleTrustKey } from './trust-prompt.js';
export type { TrustState, TrustEffect, TrustResult, TrustOptions } from './trust-prompt.js';
export { trustLines, TrustView } from './trust-prompt-view.js';
export type { TrustViewProps } from './trust-prompt-view.js';
export {
  initialLoginState,
  handleLoginKey,
  handleLoginPaste,
  loginWaiting,
  loginFailed,
} from './login-screen.js';
export type {
  LoginMethod,
  DeviceCodeInfo,
  LoginState,
  LoginEffect,
  LoginResult,
  LoginOptions,
} from './login-screen.js';
export { loginLines, LoginView } from './login-screen-view.js';
export type { LoginViewProps } from './login-screen-view.js';
