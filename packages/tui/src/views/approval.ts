import type {
  CommandExecutionApprovalDecision,
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  FileChangeApprovalDecision,
  FileChangeRequestApprovalParams,
  FileChangeRequestApprovalResponse,
  FileUpdateChange,
} from '@codex-ts/protocol';
import { shellQuoteJoin } from '@codex-ts/utils';
import type { KeyEvent } from '../input/key-event.js';
import { isPlain } from './key-helpers.js';
import {
  handleListSelectionKey,
  initialListSelectionState,
  type ListSelectionState,
  type SelectionItem,
} from './list-selection.js';
import {
  handleTextFieldKey,
  insertText,
  textField,
  textFieldValue,
  type TextFieldState,
} from './text-field.js';
import { handled, unhandled, type KeyResult } from './view-types.js';

/**
 * The approval modal for the app server's `item/commandExecution/requestApproval` and
 * `item/fileChange/requestApproval` requests: what is asked, the reason, and the choices
 * (y proceed, a for the session, p always allow the proposed prefix, n decline with feedback,
 * Esc cancel). The effect carries the exact JSON-RPC result to answer the request with.
 */
export type ApprovalRequest =
  | {
      method: 'item/commandExecution/requestApproval';
      params: CommandExecutionRequestApprovalParams;
    }
  | {
      method: 'item/fileChange/requestApproval';
      params: FileChangeRequestApprovalParams;
      /** The changes of the file-change item the request is about (from its `item/started`). */
      changes: FileUpdateChange[];
      /** Paths are shown relative to this directory. */
      cwd: string;
    };

/** What one choice answers; `feedback` opens the text box before declining. */
export type ApprovalChoice =
  { kind: 'decision'; decision: CommandExecutionApprovalDecision } | { kind: 'feedback' };

export type ApprovalEffect =
  | {
      type: 'answer';
      method: 'item/commandExecution/requestApproval';
      response: CommandExecutionRequestApprovalResponse;
      /** What the user typed after "No, and tell Codex what to do differently" (null: nothing). */
      feedback: string | null;
    }
  | {
      type: 'answer';
      method: 'item/fileChange/requestApproval';
      response: FileChangeRequestApprovalResponse;
      feedback: string | null;
    };

export interface ApprovalState {
  request: ApprovalRequest;
  options: ListSelectionState<ApprovalChoice>;
  /** Keyboard shortcut of each option, by position. */
  shortcuts: string[];
  mode: 'choose' | 'feedback';
  feedback: TextFieldState;
  /** The diff / command is shown in full (toggled with `e` when it was folded). */
  expanded: boolean;
}

export type ApprovalResult = KeyResult<ApprovalState, ApprovalEffect>;

interface OptionSpec {
  label: string;
  shortcut: string;
  choice: ApprovalChoice;
}

function optionSpecs(request: ApprovalRequest): OptionSpec[] {
  const specs: OptionSpec[] = [
    { label: 'Yes, proceed', shortcut: 'y', choice: { kind: 'decision', decision: 'accept' } },
  ];
  if (request.method === 'item/commandExecution/requestApproval') {
    specs.push({
      label: "Yes, and don't ask again for this command",
      shortcut: 'a',
      choice: { kind: 'decision', decision: 'acceptForSession' },
    });
    const prefix = request.params.proposedExecpolicyAmendment;
    if (prefix !== null && prefix.length > 0) {
      specs.push({
        label: `Yes, and don't ask again for commands that start with \`${shellQuoteJoin(prefix)}\``,
        shortcut: 'p',
        choice: {
          kind: 'decision',
          decision: { acceptWithExecpolicyAmendment: { execpolicy_amendment: [...prefix] } },
        },
      });
    }
  } else {
    specs.push({
      label: "Yes, and don't ask again for these files",
      shortcut: 'a',
      choice: { kind: 'decision', decision: 'acceptForSession' },
    });
  }
  specs.push({
    label: 'No, and tell Codex what to do differently',
    shortcut: 'n',
    choice: { kind: 'feedback' },
  });
  return specs;
}

export function approvalTitle(request: ApprovalRequest): string {
  return request.method === 'item/commandExecution/requestApproval'
    ? 'Would you like to run the following command?'
    : 'Would you like to make the following edits?';
}

export function initialApprovalState(request: ApprovalRequest): ApprovalState {
  const specs = optionSpecs(request);
  const items: SelectionItem<ApprovalChoice>[] = specs.map((s) => ({
    label: `${s.label} (${s.shortcut})`,
    value: s.choice,
  }));
  return {
    request,
    options: initialListSelectionState({
      title: approvalTitle(request),
      items,
      footer: 'Press enter to confirm or esc to cancel',
    }),
    shortcuts: specs.map((s) => s.shortcut),
    mode: 'choose',
    feedback: textField(),
    expanded: false,
  };
}

function answer(
  state: ApprovalState,
  decision: CommandExecutionApprovalDecision,
  feedback: string | null,
): ApprovalResult {
  const { request } = state;
  if (request.method === 'item/commandExecution/requestApproval') {
    return handled(state, {
      type: 'answer',
      method: request.method,
      response: { decision },
      feedback,
    });
  }
  // File changes take the plain string decisions only (the amendment is never offered for them).
  const fileDecision: FileChangeApprovalDecision =
    typeof decision === 'string' ? decision : 'accept';
  return handled(state, {
    type: 'answer',
    method: request.method,
    response: { decision: fileDecision },
    feedback,
  });
}

function apply(state: ApprovalState, choice: ApprovalChoice): ApprovalResult {
  if (choice.kind === 'feedback') return handled({ ...state, mode: 'feedback' });
  return answer(state, choice.decision, null);
}

function handleFeedbackKey(state: ApprovalState, e: KeyEvent): ApprovalResult {
  if (e.key.escape) return handled({ ...state, mode: 'choose' });
  if (e.key.return) {
    const text = textFieldValue(state.feedback).trim();
    return answer(state, 'decline', text === '' ? null : text);
  }
  const feedback = handleTextFieldKey(state.feedback, e);
  return feedback === null ? unhandled(state) : handled({ ...state, feedback });
}

export function handleApprovalKey(state: ApprovalState, e: KeyEvent): ApprovalResult {
  if (state.mode === 'feedback') return handleFeedbackKey(state, e);
  const shortcut = state.shortcuts.findIndex((s) => isPlain(e, s));
  const item = state.options.items[shortcut];
  if (item !== undefined) return apply(state, item.value);
  if (isPlain(e, 'e')) return handled({ ...state, expanded: !state.expanded });
  const r = handleListSelectionKey(state.options, e);
  const next = { ...state, options: r.state };
  if (r.effect?.type === 'cancel') return answer(next, 'cancel', null);
  if (r.effect?.type === 'choose') return apply(next, r.effect.item.value);
  return r.handled ? handled(next) : unhandled(next);
}

/** Bracketed paste goes into the feedback box while it is open. */
export function handleApprovalPaste(state: ApprovalState, text: string): ApprovalState {
  return state.mode === 'feedback'
    ? { ...state, feedback: insertText(state.feedback, text) }
    : state;
}
