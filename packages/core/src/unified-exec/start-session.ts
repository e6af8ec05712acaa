import type { LaunchSpec } from '../exec-gate/exec-gate-deps.js';
import { spawnPipeProcess } from './exec-process.js';
import type { UnifiedExecManager } from './exec-session-manager.js';
import { ExecSession, type ExecSessionInit } from './exec-session.js';
import { spawnPtyProcess } from './pty-process.js';

/**
 * Variables every unified exec command gets, as in the Rust Codex: plain, uncoloured,
 * non-paging UTF-8 output that reads well as text (with or without a terminal).
 */
export const UNIFIED_EXEC_ENV: Readonly<Record<string, string>> = {
  NO_COLOR: '1',
  TERM: 'dumb',
  LANG: 'C.UTF-8',
  LC_CTYPE: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  COLORTERM: '',
  PAGER: 'cat',
  GIT_PAGER: 'cat',
  GH_PAGER: 'cat',
  CODEX_CI: '1',
};

/**
 * Spawns `launch` (on a pseudo-terminal when `init.tty`, else with piped output and stdin on
 * /dev/null) and stores it in `manager` as a session at once, so it keeps running whatever
 * happens to the call that started it. Throws CommandSpawnError when it cannot start.
 */
export async function startExecSession(
  manager: UnifiedExecManager,
  init: ExecSessionInit,
  launch: LaunchSpec,
  cwd: string,
): Promise<ExecSession> {
  const session = new ExecSession(init);
  const spawn = init.tty ? spawnPtyProcess : spawnPipeProcess;
  session.attach(await spawn(launch, cwd, session.handlers()));
  manager.store(session);
  return session;
}
