import type { UiController } from './ui-controller.js';

let nextShellId = 1;

/**
 * `!cmd`: runs the user's own command in the session's directory through the app server's
 * `command/exec` (as the user, not the model: no sandbox, no time limit) and shows it as a
 * command cell. Ctrl+C while it runs terminates it.
 */
export function runShellCommand(ui: UiController, command: string): void {
  const store = ui.session.store;
  const cwd = store.getSnapshot().session?.cwd ?? process.cwd();
  const processId = `tui-shell-${nextShellId++}`;
  const cell = {
    kind: 'exec' as const,
    command,
    cwd,
    status: 'inProgress' as const,
    actions: [],
    output: '',
    exitCode: null,
    durationMs: null,
    source: 'user' as const,
  };
  const started = Date.now();
  store.setLive(processId, cell);
  ui.set({ shellProcess: processId });
  ui.session.client
    .request('command/exec', {
      command: ['bash', '-lc', command],
      cwd,
      processId,
      sandboxPolicy: { type: 'dangerFullAccess' },
      disableTimeout: true,
    })
    .then((result) => {
      const output = [result.stdout, result.stderr].filter((s) => s !== '').join('');
      store.removeLive(processId);
      store.commitCell({
        ...cell,
        status: result.exitCode === 0 ? 'completed' : 'failed',
        output,
        exitCode: result.exitCode,
        durationMs: Date.now() - started,
      });
    })
    .catch((err: unknown) => {
      store.removeLive(processId);
      ui.session.showError(err);
    })
    .finally(() => ui.set({ shellProcess: null }));
}

/** Ctrl+C / Esc while `!cmd` runs: ends it (its process group). */
export function terminateShellCommand(ui: UiController): boolean {
  const processId = ui.getSnapshot().shellProcess;
  if (processId === null) return false;
  ui.session.client
    .request('command/exec/terminate', { processId })
    .catch((err: unknown) => ui.session.showError(err));
  return true;
}
