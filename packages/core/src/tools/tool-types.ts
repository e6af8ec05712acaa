import type {
  AskForApproval,
  CoreEvent,
  FunctionCallOutputContentItem,
  SandboxMode,
  ToolSpec,
} from '@codex-ts/protocol';
import type { ApprovalRequester } from '../approvals/approval-requester.js';
import type { SandboxLauncher, SandboxPolicyInput } from '../exec-gate/exec-gate-deps.js';
import type { ExecGate } from '../exec-gate/exec-gate.js';
import type { PatchGate } from '../exec-gate/patch-gate.js';
import type { TurnDiffTracker } from '../turn/turn-diff-tracker.js';
import type { UnifiedExecManager } from '../unified-exec/exec-session-manager.js';

/** The user's shell, discovered once per session. */
export interface ShellInfo {
  /** Absolute path, e.g. `/bin/bash`. */
  path: string;
  kind: 'bash' | 'zsh' | 'sh' | 'other';
}

/** Per-turn settings every tool sees. Built by the turn loop; tools never mutate it. */
export interface TurnContext {
  threadId: string;
  turnId: string;
  cwd: string;
  model: string;
  sandboxMode: SandboxMode;
  approvalPolicy: AskForApproval;
  /** Writable roots beyond cwd (`--add-dir`, `sandbox_workspace_write.writable_roots`). */
  writableRoots: string[];
  networkAccess: boolean;
  /** The full sandbox policy, as the sandbox launcher takes it. */
  sandboxPolicy: SandboxPolicyInput;
  shell: ShellInfo;
  /** Environment for child processes (already filtered by policy). */
  env: Record<string, string>;
}

/** How the model called the tool: a JSON function call or a freeform custom tool call. */
export type ToolPayload =
  { kind: 'function'; arguments: string } | { kind: 'custom'; input: string };

/** What goes back to the model as `function_call_output` / `custom_tool_call_output`. */
export interface ToolResult {
  output: string;
  success: boolean;
  /**
   * For function tools: when set, the model receives these content items as the call's `output`
   * instead of the `output` text (`view_image` returns its image this way, as the Rust Codex
   * does). `output` then only serves logs and front ends.
   */
  contentItems?: FunctionCallOutputContentItem[];
}

/** Thread-wide services tools use: approvals, the exec gate, the sandbox. */
export interface ToolServices {
  /** Who answers approval questions now (the client of the app server), if anyone. */
  approvals(): ApprovalRequester | null;
  execGate: ExecGate;
  patchGate: PatchGate;
  sandbox: SandboxLauncher;
  /** This turn's file changes, for `turn/diff/updated`. */
  turnDiff: TurnDiffTracker;
  /** The thread's running `exec_command` sessions, which `write_stdin` addresses. */
  execSessions: UnifiedExecManager;
}

export interface ToolCallContext {
  turn: TurnContext;
  services: ToolServices;
  /** Ends the turn as interrupted (the user chose "cancel" in an approval). */
  cancelTurn(): void;
  callId: string;
  signal: AbortSignal;
  /** Emit a notification (item/started, item/completed, output deltas) for this thread. */
  emit(event: CoreEvent): void;
}

/** A tool: its declaration (data) and its handler, kept apart so the router can list specs. */
export interface ToolHandler {
  readonly name: string;
  readonly spec: ToolSpec;
  handle(payload: ToolPayload, ctx: ToolCallContext): Promise<ToolResult>;
}

/**
 * An error the model should see as the tool's output (bad arguments, a refused command). The
 * turn goes on. Infrastructure failures are thrown as other errors and end the turn.
 */
export class ToolCallError extends Error {
  readonly code = 'tool_call_error';
  constructor(message: string) {
    super(message);
    this.name = 'ToolCallError';
  }
}
