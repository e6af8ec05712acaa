import type { KeyEvent } from '../input/key-event.js';
import {
  handleApprovalKey,
  handleApprovalPaste,
  handleListSelectionKey,
  handleLoginKey,
  handleLoginPaste,
  handleModelPickerKey,
  handleResumePickerKey,
  handleResumePickerPaste,
  handleTranscriptOverlayKey,
  handleTrustKey,
} from '../views/index.js';
import { onLoginEffect, onTrustEffect } from './onboarding.js';
import { loadResumePage, onResumeEffect } from './resume-flow.js';
import type { UiController } from './ui-controller.js';
import type { Modal } from './ui-state.js';

/**
 * Gives a key to the modal on top and carries out what it asks. Returns whether the modal used
 * the key (an unused one goes on to the App's global keys).
 */
export function handleModalKey(ui: UiController, modal: Modal, event: KeyEvent): boolean {
  switch (modal.kind) {
    case 'approval': {
      const result = handleApprovalKey(modal.state, event);
      const effect = result.effect;
      if (effect?.type === 'answer') {
        ui.session.approvals.answer(modal.approvalId, effect.response);
        // The feedback goes to the model as the user's next words (steering the running turn).
        if (effect.feedback) {
          ui.session
            .submit({ text: effect.feedback, images: [] })
            .catch((err: unknown) => ui.session.showError(err));
        }
        ui.openModal(null);
      } else ui.openModal({ ...modal, state: result.state });
      return result.handled;
    }
    case 'model': {
      const result = handleModelPickerKey(modal.state, event);
      if (result.effect?.type === 'choose') {
        const { model, effort } = result.effect;
        ui.session.setOverrides({ model, effort });
        ui.session.store.commitCell({
          kind: 'info',
          title: null,
          lines: [`Model changed to ${model}${effort ? ` ${effort}` : ''}`],
        });
        ui.openModal(null);
      } else if (result.effect?.type === 'cancel') ui.openModal(null);
      else ui.openModal({ ...modal, state: result.state });
      return result.handled;
    }
    case 'resume': {
      const result = handleResumePickerKey(modal.state, event);
      ui.openModal({ ...modal, state: result.state });
      if (result.effect) onResumeEffect(ui, result.effect);
      return result.handled;
    }
    case 'transcript': {
      const result = handleTranscriptOverlayKey(modal.state, event);
      if (result.effect?.type === 'close') ui.openModal(null);
      else ui.openModal({ ...modal, state: result.state });
      return result.handled;
    }
    case 'trust': {
      const result = handleTrustKey(modal.state, event);
      ui.openModal({ ...modal, state: result.state });
      if (result.effect) onTrustEffect(ui, result.effect);
      return result.handled;
    }
    case 'select': {
      const result = handleListSelectionKey(modal.state, event);
      if (result.effect?.type === 'choose') {
        ui.openModal(null);
        result.effect.item.value();
      } else if (result.effect?.type === 'cancel') ui.openModal(null);
      else ui.openModal({ ...modal, state: result.state });
      return result.handled;
    }
    case 'login': {
      const result = handleLoginKey(modal.state, event);
      ui.openModal({ ...modal, state: result.state });
      if (result.effect) onLoginEffect(ui, result.effect);
      return result.handled;
    }
  }
}

/** A paste while a modal is open goes to its text field, if it has one. */
export function handleModalPaste(ui: UiController, modal: Modal, text: string): Modal {
  switch (modal.kind) {
    case 'approval':
      return { ...modal, state: handleApprovalPaste(modal.state, text) };
    case 'resume': {
      const result = handleResumePickerPaste(modal.state, text);
      if (result.effect?.type === 'load') void loadResumePage(ui, result.effect);
      return { ...modal, state: result.state };
    }
    case 'login':
      return { ...modal, state: handleLoginPaste(modal.state, text) };
    default:
      return modal;
  }
}
