import { askLogin, askTrust, needsLogin, needsTrustDecision } from './onboarding.js';
import { openResumePicker } from './resume-flow.js';
import { flagsChosePermissions } from '../startup/thread-params.js';
import type { TuiIo, TuiOptions } from '../startup/tui-options.js';
import type { UiController } from './ui-controller.js';

/**
 * What happens before the chat opens: the sign-in screen when the server has no credentials,
 * the trust prompt for a project config has no decision about (local sessions, unless flags
 * chose the permissions), then a new thread, or the one `codex resume|fork` asked for (by id,
 * `--last`, or through the picker).
 */
export async function startSession(ui: UiController, opts: TuiOptions, io: TuiIo): Promise<void> {
  const { session } = ui;
  const client = session.client;
  const cwd = session.defaultCwd;
  if (await needsLogin(client, io.env)) await askLogin(ui);
  if (
    opts.remote === null &&
    !flagsChosePermissions(opts) &&
    (await needsTrustDecision(client, cwd))
  ) {
    await askTrust(ui, cwd);
  }
  const target = opts.session;
  if (target === null) {
    ui.enterChat(session.startThread());
    return;
  }
  session.pickerAction = target.action;
  const open = (threadId: string): Promise<void> =>
    target.action === 'fork' ? session.forkThread(threadId) : session.resumeThread(threadId);
  if (target.sessionId !== null) {
    ui.enterChat(resolveThreadId(ui, target.sessionId).then(open));
    return;
  }
  if (target.last) {
    const page = await client.request('thread/list', {
      limit: 1,
      sortKey: 'updated_at',
      ...(target.all ? {} : { cwd }),
    });
    const latest = page.data[0];
    if (latest) ui.enterChat(open(latest.id));
    else {
      session.store.commitCell({
        kind: 'info',
        title: null,
        lines: ['No previous session found here; starting a new one.'],
      });
      ui.enterChat(session.startThread());
    }
    return;
  }
  ui.set({ phase: 'picker' });
  openResumePicker(ui, { startup: true, all: target.all });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A thread id as given, or the thread a name stands for (its most recent match). */
async function resolveThreadId(ui: UiController, idOrName: string): Promise<string> {
  if (UUID.test(idOrName)) return idOrName;
  const page = await ui.session.client.request('thread/list', {
    searchTerm: idOrName,
    limit: 50,
    sortKey: 'updated_at',
  });
  const match = page.data.find((t) => t.name === idOrName);
  if (!match) throw new Error(`No saved session found with ID or name ${idOrName}.`);
  return match.id;
}
