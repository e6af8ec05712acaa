import {
  initialResumePickerState,
  resumePickerLoadFailed,
  resumePickerPageLoaded,
  resumePickerRequest,
  type ResumeLoadRequest,
  type ResumePickerEffect,
  type ResumePickerState,
} from '../views/index.js';
import type { UiController } from './ui-controller.js';

/** Rows asked for per `thread/list` page. */
const PAGE_SIZE = 50;

/**
 * Opens the resume picker (at startup for `codex resume`, or from /resume) and loads its first
 * page. `onPicked` decides what choosing a thread does (resume, or fork for `codex fork`).
 */
export function openResumePicker(
  ui: UiController,
  opts: { startup: boolean; all?: boolean; local?: boolean },
): void {
  const cwd = ui.session.store.getSnapshot().session?.cwd ?? ui.session.defaultCwd;
  const state = initialResumePickerState({
    cwd,
    showAll: opts.all ?? false,
    startup: opts.startup,
  });
  ui.openModal({ kind: 'resume', state });
  void loadResumePage(ui, resumePickerRequest(state));
}

/** Runs the picker's `thread/list` query and hands the page (or the failure) back to it. */
export async function loadResumePage(ui: UiController, request: ResumeLoadRequest): Promise<void> {
  const update = (apply: (state: ResumePickerState) => ResumePickerState): void => {
    const modal = ui.getSnapshot().modal;
    if (modal?.kind !== 'resume') return;
    ui.openModal({ kind: 'resume', state: apply(modal.state) });
  };
  try {
    const response = await ui.session.client.request('thread/list', {
      limit: PAGE_SIZE,
      cursor: request.cursor,
      searchTerm: request.searchTerm,
      ...(request.cwd !== null ? { cwd: request.cwd } : {}),
      sortKey: 'updated_at',
    });
    update((state) =>
      resumePickerPageLoaded(state, {
        requestId: request.requestId,
        threads: response.data,
        nextCursor: response.nextCursor,
      }),
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    update((state) => resumePickerLoadFailed(state, request.requestId, message));
  }
}

/** What the picker asked for: another page, a thread, or to go without one. */
export function onResumeEffect(ui: UiController, effect: ResumePickerEffect): void {
  const modal = ui.getSnapshot().modal;
  const startup = modal?.kind === 'resume' && modal.state.startup;
  switch (effect.type) {
    case 'load':
      void loadResumePage(ui, effect);
      return;
    case 'resume':
      ui.openModal(null);
      ui.enterChat(
        ui.session.pickerAction === 'fork'
          ? ui.session.forkThread(effect.threadId)
          : ui.session.resumeThread(effect.threadId),
      );
      return;
    case 'cancel':
      ui.openModal(null);
      if (startup) ui.enterChat(ui.session.startThread());
      return;
  }
}
