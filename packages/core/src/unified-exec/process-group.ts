/**
 * Kills a command and everything it started. Commands are spawned as leaders of a process group
 * of their own (a new session), so SIGKILL to the group reaches background children too; where
 * there is no group (Windows, or the group is already gone) the leader alone is killed.
 */
export function killProcessGroup(pid: number | undefined, killLeader: () => void): void {
  if (pid === undefined) return;
  if (process.platform !== 'win32') {
    try {
      process.kill(-pid, 'SIGKILL');
      return;
    } catch {
      // The group is gone already, or was never created; fall back to the leader itself.
    }
  }
  try {
    killLeader();
  } catch {
    // Already exited.
  }
}
