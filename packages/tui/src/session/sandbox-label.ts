import type { SandboxPolicy } from '@codex-ts/protocol';

/** The config name of a sandbox policy, as the header and /status show it. */
export function sandboxLabel(policy: SandboxPolicy): string {
  switch (policy.type) {
    case 'dangerFullAccess':
      return 'danger-full-access';
    case 'readOnly':
      return 'read-only';
    case 'workspaceWrite':
      return policy.networkAccess ? 'workspace-write (network)' : 'workspace-write';
  }
}
