import type {
  CommandExecutionRequestApprovalParams,
  FileChangeRequestApprovalParams,
  FileUpdateChange,
} from '@codex-ts/protocol';
import type { ApprovalRequest } from './approval.js';

// Requests used by the approval tests.

export function execRequest(
  over: Partial<CommandExecutionRequestApprovalParams> = {},
): ApprovalRequest {
  return {
    method: 'item/commandExecution/requestApproval',
    params: {
      threadId: 'thr_1',
      turnId: 'turn_1',
      itemId: 'item_1',
      startedAtMs: 0,
      approvalId: null,
      environmentId: null,
      reason: 'Need to install dependencies from the network',
      command: 'npm install --save-dev vitest',
      cwd: '/repo',
      commandActions: null,
      proposedExecpolicyAmendment: null,
      ...over,
    },
  };
}

export const sampleChanges: FileUpdateChange[] = [
  {
    path: '/repo/src/greet.ts',
    kind: { type: 'update', move_path: null },
    diff: [
      '--- a/src/greet.ts',
      '+++ b/src/greet.ts',
      '@@ -1,3 +1,3 @@',
      ' export function greet(name: string): string {',
      "-  return 'Hello ' + name;",
      '+  return `Hello, ${name}!`;',
      ' }',
      '@@ -10,2 +10,3 @@',
      ' const a = 1;',
      '+const b = 2;',
      ' const c = 3;',
      '',
    ].join('\n'),
  },
  { path: '/repo/NOTES.md', kind: { type: 'add' }, diff: '# Notes\n\nFirst line\n' },
  { path: '/repo/old.txt', kind: { type: 'delete' }, diff: 'gone\n' },
];

export function patchRequest(
  changes: FileUpdateChange[] = sampleChanges,
  over: Partial<FileChangeRequestApprovalParams> = {},
): ApprovalRequest {
  return {
    method: 'item/fileChange/requestApproval',
    params: {
      threadId: 'thr_1',
      turnId: 'turn_1',
      itemId: 'item_2',
      startedAtMs: 0,
      reason: null,
      grantRoot: null,
      ...over,
    },
    changes,
    cwd: '/repo',
  };
}
