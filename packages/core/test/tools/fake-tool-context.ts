import type { CoreEvent, ThreadItem } from '@codex-ts/protocol';
import type { ApprovalRequester } from '../../src/approvals/approval-requester.js';
import { createCommandAnalyzer } from '../../src/exec-gate/command-analyzer.js';
import type { ExecPolicyStore } from '../../src/exec-gate/exec-gate-deps.js';
import { ExecGate } from '../../src/exec-gate/exec-gate.js';
import { PatchGate } from '../../src/exec-gate/patch-gate.js';
import { TurnDiffTracker } from '../../src/turn/turn-diff-tracker.js';
import { createSandboxLauncher } from '../../src/exec-gate/sandbox-launcher.js';
import { SessionApprovals } from '../../src/exec-gate/session-approvals.js';
import { UnifiedExecManager } from '../../src/unified-exec/exec-session-manager.js';
import type { ToolCallContext, ToolServices, TurnContext } from '../../src/tools/tool-types.js';

/** No exec-policy rules; "always allow" answers are kept in memory only. */
export function emptyPolicyStore(): ExecPolicyStore & { appended: string[][] } {
  const appended: string[][] = [];
  return {
    appended,
    ruleDecision: (command) =>
      appended.some((p) => p.every((word, i) => command[i] === word)) ? 'allow' : null,
    appendAllowRule: async (prefix) => {
      appended.push([...prefix]);
    },
  };
}

/** The real gate, analyzer and platform sandbox, with a given approval requester. */
export function realServices(
  opts: {
    approvals?: ApprovalRequester | null;
    policy?: ExecPolicyStore;
    execSessions?: UnifiedExecManager;
  } = {},
): ToolServices {
  return {
    approvals: () => opts.approvals ?? null,
    execGate: new ExecGate({
      analyzer: createCommandAnalyzer(),
      policy: opts.policy ?? emptyPolicyStore(),
      sessionApprovals: new SessionApprovals(),
    }),
    patchGate: new PatchGate(),
    sandbox: createSandboxLauncher({ helperCommand: null }),
    turnDiff: new TurnDiffTracker(process.cwd()),
    execSessions: opts.execSessions ?? new UnifiedExecManager(),
  };
}

export interface RecordingContext {
  ctx: ToolCallContext;
  events: CoreEvent[];
  controller: AbortController;
}

/** A ToolCallContext for one call that records every event the tool emits. */
export function fakeToolContext(
  turn: Partial<TurnContext> = {},
  callId = 'call_1',
  services: ToolServices = realServices(),
): RecordingContext {
  const events: CoreEvent[] = [];
  const controller = new AbortController();
  const base: TurnContext = {
    threadId: 'thread_1',
    turnId: 'turn_1',
    cwd: process.cwd(),
    model: 'test-model',
    sandboxMode: 'danger-full-access',
    approvalPolicy: 'never',
    writableRoots: [],
    networkAccess: false,
    sandboxPolicy: {
      mode: 'danger-full-access',
      cwd: process.cwd(),
      writableRoots: [],
      networkAccess: false,
      excludeTmpdirEnvVar: false,
      excludeSlashTmp: false,
    },
    shell: { path: '/bin/bash', kind: 'bash' },
    env: testEnv(),
    ...turn,
  };
  const ctx: ToolCallContext = {
    turn: {
      ...base,
      sandboxPolicy: {
        ...base.sandboxPolicy,
        mode: base.sandboxMode,
        cwd: base.cwd,
        writableRoots: base.writableRoots,
        networkAccess: base.networkAccess,
      },
    },
    services,
    cancelTurn: () => controller.abort(new Error('turn cancelled by the user')),
    callId,
    signal: controller.signal,
    emit: (event) => events.push(event),
  };
  return { ctx, events, controller };
}

/** A small, predictable environment for child processes. */
export function testEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

export function eventMethods(events: readonly CoreEvent[]): string[] {
  return events.map((e) => e.method);
}

/** The commandExecution items of item/started and item/completed, in order. */
export function commandItems(
  events: readonly CoreEvent[],
): Array<Extract<ThreadItem, { type: 'commandExecution' }>> {
  const items: Array<Extract<ThreadItem, { type: 'commandExecution' }>> = [];
  for (const e of events) {
    if (
      (e.method === 'item/started' || e.method === 'item/completed') &&
      e.params.item.type === 'commandExecution'
    ) {
      items.push(e.params.item);
    }
  }
  return items;
}

/** All output deltas joined. */
export function deltaText(events: readonly CoreEvent[]): string {
  return events
    .map((e) => (e.method === 'item/commandExecution/outputDelta' ? e.params.delta : ''))
    .join('');
}
