import type { ExecSession } from './exec-session.js';
import { UnknownSessionError } from './unified-exec-errors.js';
import {
  MAX_SESSION_ID,
  MAX_UNIFIED_EXEC_SESSIONS,
  MIN_SESSION_ID,
  PROTECTED_RECENT_SESSIONS,
} from './unified-exec-limits.js';

/** How long `terminateAll` waits for killed commands to report that they are gone. */
const TERMINATE_WAIT_MS = 2_000;

/**
 * The unified exec sessions of one thread: commands started by `exec_command` that were still
 * running when its call returned, addressed by the model with `write_stdin {session_id}`.
 *
 * As in the Rust Codex: ids are random numbers in [1000, 100000) not in use; at most 64
 * sessions are kept, and storing one more prunes one (never among the 8 most recently used;
 * a finished one first, else the least recently used, whose command is killed); a finished
 * session stays until a call reads its last output and exit code; everything is killed when the
 * thread shuts down. Interrupting a turn leaves sessions running.
 */
export class UnifiedExecManager {
  private readonly sessions = new Map<number, ExecSession>();
  private readonly reserved = new Set<number>();
  private useCounter = 0;

  /** Number of stored sessions. */
  get size(): number {
    return this.sessions.size;
  }

  /** Reserves a fresh session id for a command about to start. */
  allocateId(): number {
    for (;;) {
      const id = MIN_SESSION_ID + Math.floor(Math.random() * (MAX_SESSION_ID - MIN_SESSION_ID));
      if (this.reserved.has(id)) continue;
      this.reserved.add(id);
      return id;
    }
  }

  /** Gives back an id whose command did not become (or is no longer) a stored session. */
  releaseId(id: number): void {
    if (!this.sessions.has(id)) this.reserved.delete(id);
  }

  /** Stores a started session, pruning an older one when the thread is at its limit. */
  store(session: ExecSession): void {
    const pruned = this.pruneIfFull();
    session.lastUsed = ++this.useCounter;
    this.reserved.add(session.id);
    this.sessions.set(session.id, session);
    if (pruned) pruned.terminate();
  }

  /** The session with this id (marked as used now); UnknownSessionError when there is none. */
  get(id: number): ExecSession {
    const session = this.sessions.get(id);
    if (!session) throw new UnknownSessionError(id);
    session.lastUsed = ++this.useCounter;
    return session;
  }

  /** Forgets a session (its command has finished and been reported). */
  remove(id: number): void {
    this.sessions.delete(id);
    this.reserved.delete(id);
  }

  /** Kills every session's process group and forgets them all; waits briefly for the kills. */
  async terminateAll(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    this.reserved.clear();
    for (const session of all) {
      session.terminate();
      session.release();
    }
    await Promise.all(all.map((s) => s.waitFinished(TERMINATE_WAIT_MS)));
  }

  private pruneIfFull(): ExecSession | null {
    if (this.sessions.size < MAX_UNIFIED_EXEC_SESSIONS) return null;
    const byRecency = [...this.sessions.values()].sort((a, b) => b.lastUsed - a.lastUsed);
    const protectedIds = new Set(byRecency.slice(0, PROTECTED_RECENT_SESSIONS).map((s) => s.id));
    const candidates = byRecency.reverse().filter((s) => !protectedIds.has(s.id));
    const victim = candidates.find((s) => s.finished) ?? candidates[0] ?? null;
    if (victim === null) return null;
    this.remove(victim.id);
    victim.release();
    return victim;
  }
}
