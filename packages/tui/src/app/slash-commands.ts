import type { SlashCommandInfo } from '../composer/index.js';
import { setComposerText } from '../composer/index.js';
import { initialModelPickerState } from '../views/index.js';
import { openPermissionsPicker } from './permissions.js';
import { openResumePicker } from './resume-flow.js';
import { openReviewPicker } from './review-flow.js';
import { showDiff, showMcpStatus, showStatus } from './slash-info.js';
import type { UiController } from './ui-controller.js';

/** The slash commands this build implements, in the popup's order (Rust's names). */
export const SLASH_COMMANDS: readonly SlashCommandInfo[] = [
  { name: 'model', description: 'choose what model and reasoning effort to use' },
  { name: 'approvals', description: 'choose what Codex can do without approval' },
  { name: 'permissions', description: 'choose what Codex can do without approval' },
  { name: 'review', description: 'review my current changes and find issues' },
  { name: 'new', description: 'start a new chat during a conversation' },
  { name: 'resume', description: 'resume a saved chat' },
  { name: 'fork', description: 'fork the current chat into a new one' },
  { name: 'init', description: 'create an AGENTS.md file with instructions for Codex' },
  { name: 'diff', description: 'show git diff (including untracked files)' },
  { name: 'mention', description: 'mention a file' },
  { name: 'status', description: 'show current session configuration and token usage' },
  { name: 'mcp', description: 'list configured MCP tools' },
  { name: 'logout', description: 'log out of Codex' },
  { name: 'quit', description: 'exit Codex' },
  { name: 'exit', description: 'exit Codex' },
];

/** Commands that would disturb a running turn wait until it ends (as in the Rust TUI). */
const IDLE_ONLY = new Set(['model', 'new', 'resume', 'fork', 'init', 'review', 'logout']);

/** Runs `/name args`. Unknown names get an error cell naming them. */
export function runSlashCommand(ui: UiController, name: string, args: string): void {
  const { session } = ui;
  const store = session.store;
  if (!SLASH_COMMANDS.some((c) => c.name === name)) {
    store.commitCell({ kind: 'error', message: `Unrecognized command '/${name}'.` });
    return;
  }
  if (IDLE_ONLY.has(name) && store.getSnapshot().turn) {
    store.commitCell({
      kind: 'error',
      message: `'/${name}' is disabled while a task is in progress.`,
    });
    return;
  }
  const fail = (err: unknown): void => session.showError(err);
  switch (name) {
    case 'model':
      session.client
        .request('model/list', {})
        .then((response) => {
          const current = store.getSnapshot().session;
          ui.openModal({
            kind: 'model',
            state: initialModelPickerState({
              models: response.data,
              currentModel: current?.model ?? null,
              currentEffort: current?.effort ?? null,
            }),
          });
        })
        .catch(fail);
      return;
    case 'approvals':
    case 'permissions':
      openPermissionsPicker(ui);
      return;
    case 'review':
      openReviewPicker(ui, args.trim());
      return;
    case 'new':
      session.startThread().catch(fail);
      return;
    case 'resume':
      openResumePicker(ui, { startup: false });
      return;
    case 'fork':
      session.forkThread().catch(fail);
      return;
    case 'init':
      session.initAgentsMd().catch(fail);
      return;
    case 'diff':
      showDiff(ui).catch(fail);
      return;
    case 'mention':
      ui.set({ composer: setComposerText(ui.getSnapshot().composer, '@') });
      return;
    case 'status':
      showStatus(ui).catch(fail);
      return;
    case 'mcp':
      showMcpStatus(ui).catch(fail);
      return;
    case 'logout':
      session.client
        .request('account/logout', null)
        .then(() => ui.requestExit())
        .catch(fail);
      return;
    case 'quit':
    case 'exit':
      ui.requestExit();
      return;
  }
}
