import { AppServerRequestError, type AppServerClient } from '@codex-ts/app-server-client';
import { isUuid, resolveResumeThreadId, type ResumeLookup } from '@codex-ts/exec';
import type { SandboxMode } from '@codex-ts/protocol';

/** The part of the app-server client the session commands use. */
export type SessionClient = Pick<AppServerClient, 'request'>;

/** Where the session commands talk to the user. */
export interface SessionIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Asks a yes/no question on the terminal; null when there is no terminal to ask on. */
  confirm: ((question: string) => Promise<boolean>) | null;
}

/** No stored thread matches what the user named (an id, a name, or `--last`). */
export class SessionNotFoundError extends Error {
  readonly code = 'session_not_found';
  constructor(message: string) {
    super(message);
    this.name = 'SessionNotFoundError';
  }
}

/** A command that needs a terminal or a flag it did not get (`delete` without `--force`). */
export class SessionCommandError extends Error {
  readonly code = 'session_command_error';
  constructor(message: string) {
    super(message);
    this.name = 'SessionCommandError';
  }
}

function notFoundById(id: string): SessionNotFoundError {
  return new SessionNotFoundError(
    `No saved session found with ID ${id}. Run \`codex resume\` without an ID to choose from existing sessions.`,
  );
}

function isThreadNotFound(error: unknown): boolean {
  if (!(error instanceof AppServerRequestError)) return false;
  const data = error.data as { code?: unknown } | undefined;
  return data?.code === 'thread_not_found' || /^thread not loaded: /.test(error.message);
}

/**
 * The id of the stored thread a command means: `--last` (the most recently updated one, in this
 * directory unless `all`), a UUID (which must exist), or a thread name.
 */
export async function resolveSession(client: SessionClient, lookup: ResumeLookup): Promise<string> {
  if (!lookup.last && lookup.sessionId === null) {
    throw new SessionCommandError(
      'The session picker is not available yet in this build; pass a SESSION_ID or --last.',
    );
  }
  const id = await resolveResumeThreadId(client, lookup);
  if (id === null) {
    if (lookup.sessionId !== null && !lookup.last) throw notFoundById(lookup.sessionId);
    throw new SessionNotFoundError(
      lookup.all
        ? 'No saved session found.'
        : `No saved session found in ${lookup.cwd}. Pass --all to look in every directory.`,
    );
  }
  if (isUuid(id) && !lookup.archived) {
    try {
      await client.request('thread/read', { threadId: id });
    } catch (error) {
      if (isThreadNotFound(error)) throw notFoundById(id);
      throw error;
    }
  }
  return id;
}

/** `codex resume`: finds the thread, then explains that only `codex exec resume` can run it. */

/** Settings of the new thread `codex fork` creates. */
export interface ForkSettings {
  cwd: string;
  model: string | null;
  sandbox: SandboxMode | null;
  config: Record<string, unknown>;
}

/** `codex fork`: copies the thread into a new one and prints the new thread's id. */
export async function forkSession(
  client: SessionClient,
  io: SessionIo,
  lookup: ResumeLookup,
  settings: ForkSettings,
): Promise<number> {
  const id = await resolveSession(client, lookup);
  const forked = await client.request('thread/fork', {
    threadId: id,
    cwd: settings.cwd,
    model: settings.model,
    sandbox: settings.sandbox,
    config: settings.config,
    excludeTurns: true,
  });
  const newId = forked.thread.id;
  io.stdout.write(`${newId}\n`);
  io.stderr.write(
    `Forked session ${id} into ${newId}.\nTo continue it, run: codex exec resume ${newId} "<prompt>"\n`,
  );
  return 0;
}

/** Finds a thread for archive/unarchive/delete by id or name, in every directory. */
async function storedSessionId(
  client: SessionClient,
  session: string,
  archived: boolean,
): Promise<string | null> {
  if (isUuid(session)) return session;
  return resolveResumeThreadId(client, {
    sessionId: session,
    last: false,
    all: true,
    cwd: '.',
    archived,
  });
}

async function withNotFound<T>(id: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (isThreadNotFound(error)) throw notFoundById(id);
    throw error;
  }
}

/** `codex archive` / `codex unarchive`. */
export async function setArchived(
  client: SessionClient,
  io: SessionIo,
  session: string,
  archived: boolean,
): Promise<number> {
  const id = await storedSessionId(client, session, !archived);
  if (id === null) throw notFoundById(session);
  if (archived) {
    await withNotFound(id, () => client.request('thread/archive', { threadId: id }));
    io.stdout.write(`Archived session ${id}. Restore it with: codex unarchive ${id}\n`);
  } else {
    await withNotFound(id, () => client.request('thread/unarchive', { threadId: id }));
    io.stdout.write(`Unarchived session ${id}.\n`);
  }
  return 0;
}

/** `codex delete`: asks first on a terminal; elsewhere only runs with `--force`. */
export async function deleteSession(
  client: SessionClient,
  io: SessionIo,
  session: string,
  force: boolean,
): Promise<number> {
  const id =
    (await storedSessionId(client, session, false)) ??
    (await storedSessionId(client, session, true));
  if (id === null) throw notFoundById(session);
  if (!force) {
    if (io.confirm === null) {
      throw new SessionCommandError(
        `Refusing to delete session ${id} without confirmation: pass --force.`,
      );
    }
    if (!(await io.confirm(`Delete session ${id}? This cannot be undone. [y/N] `))) {
      io.stderr.write('Nothing deleted.\n');
      return 1;
    }
  }
  await withNotFound(id, () => client.request('thread/delete', { threadId: id }));
  io.stdout.write(`Deleted session ${id}.\n`);
  return 0;
}
