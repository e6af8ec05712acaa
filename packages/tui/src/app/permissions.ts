import type { AskForApproval } from '@codex-ts/protocol';
import { initialListSelectionState } from '../views/index.js';
import type { UiController } from './ui-controller.js';

interface Preset {
  label: string;
  description: string;
  approvalPolicy: AskForApproval;
  sandbox: 'read-only' | 'workspace-write' | 'danger-full-access';
}

/** The permission presets of /approvals (Rust's three, with our own descriptions). */
const PRESETS: readonly Preset[] = [
  {
    label: 'Read Only',
    description: 'Codex can read files and answer questions; edits and commands need approval.',
    approvalPolicy: 'on-request',
    sandbox: 'read-only',
  },
  {
    label: 'Auto',
    description:
      'Codex can read and edit files in this folder and run commands in it; asks before going further.',
    approvalPolicy: 'on-request',
    sandbox: 'workspace-write',
  },
  {
    label: 'Full Access',
    description: 'Codex can edit any file and use the network without asking. Use with care.',
    approvalPolicy: 'never',
    sandbox: 'danger-full-access',
  },
];

/** /approvals: picks a preset; the next turns run with its approval policy and sandbox. */
export function openPermissionsPicker(ui: UiController): void {
  const session = ui.session.store.getSnapshot().session;
  const items = PRESETS.map((preset) => ({
    label: preset.label,
    description: preset.description,
    current:
      session?.approvalPolicy === preset.approvalPolicy &&
      session.sandbox.startsWith(preset.sandbox),
    value: () => {
      ui.session.setOverrides({ approvalPolicy: preset.approvalPolicy, sandbox: preset.sandbox });
      ui.session.store.commitCell({
        kind: 'info',
        title: null,
        lines: [`Permissions updated to ${preset.label}`],
      });
    },
  }));
  ui.openModal({
    kind: 'select',
    state: initialListSelectionState({ title: 'Select Approval Mode', items }),
  });
}
