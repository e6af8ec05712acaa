import type { ReactNode } from 'react';
import {
  ApprovalView,
  ListSelectionView,
  LoginView,
  ModelPickerView,
  ResumePickerView,
  TranscriptOverlayView,
  TrustView,
} from '../views/index.js';
import type { Modal } from './ui-state.js';

/** The view of the modal on top of the composer. */
export function ModalView({
  modal,
  width,
  color,
}: {
  modal: Modal;
  width: number;
  color: boolean;
}): ReactNode {
  switch (modal.kind) {
    case 'approval':
      return <ApprovalView state={modal.state} width={width} color={color} />;
    case 'model':
      return <ModelPickerView state={modal.state} width={width} color={color} />;
    case 'resume':
      return <ResumePickerView state={modal.state} width={width} color={color} />;
    case 'transcript':
      return <TranscriptOverlayView state={modal.state} width={width} color={color} />;
    case 'trust':
      return <TrustView state={modal.state} width={width} color={color} />;
    case 'login':
      return <LoginView state={modal.state} width={width} color={color} />;
    case 'select':
      return <ListSelectionView state={modal.state} width={width} color={color} />;
  }
}
