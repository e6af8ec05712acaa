import { initialApprovalState, type ApprovalRequest } from '../views/index.js';
import type { PendingApproval } from '../session/approval-queue.js';
import type { UiController } from './ui-controller.js';

/**
 * Shows the approval at the head of the queue whenever no approval modal is open. A file change
 * approval shows the diff of its item (the live patch cell started just before the request).
 */
export function watchApprovals(ui: UiController): () => void {
  const show = (): void => {
    const head = ui.session.approvals.head;
    const modal = ui.getSnapshot().modal;
    if (head === null) {
      if (modal?.kind === 'approval') ui.openModal(null);
      return;
    }
    if (modal?.kind === 'approval' && modal.approvalId === head.id) return;
    if (modal !== null && modal.kind !== 'approval' && modal.kind !== 'transcript') return;
    ui.openModal({
      kind: 'approval',
      approvalId: head.id,
      state: initialApprovalState(approvalRequest(ui, head)),
    });
  };
  const offQueue = ui.session.approvals.onChange(show);
  const offUi = ui.subscribe(() => {
    if (ui.getSnapshot().modal === null && ui.session.approvals.head !== null) show();
  });
  return () => {
    offQueue();
    offUi();
  };
}

function approvalRequest(ui: UiController, approval: PendingApproval): ApprovalRequest {
  if (approval.method === 'item/commandExecution/requestApproval') {
    return { method: approval.method, params: approval.params };
  }
  const store = ui.session.store;
  const cell = store.liveCell(approval.params.itemId);
  return {
    method: approval.method,
    params: approval.params,
    changes: cell?.kind === 'patch' ? cell.changes : [],
    cwd: store.getSnapshot().session?.cwd ?? ui.session.defaultCwd,
  };
}
