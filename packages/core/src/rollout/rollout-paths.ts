import { join } from 'node:path';

/**
 * Where rollout files live: `CODEX_HOME/sessions/YYYY/MM/DD/rollout-YYYY-MM-DDThh-mm-ss-<uuid>.jsonl`,
 * date and time in LOCAL time (dashes instead of colons, for filesystems that forbid them), as
 * the Rust Codex names them. Archived threads move to `CODEX_HOME/archived_sessions/`, where the
 * Rust Codex lists files flat (no date directories).
 */
export const SESSIONS_SUBDIR = 'sessions';
export const ARCHIVED_SESSIONS_SUBDIR = 'archived_sessions';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}$/;
const FILE_PREFIX = 'rollout-';
const FILE_SUFFIX = '.jsonl';

export function isThreadId(value: string): boolean {
  return UUID_RE.test(value);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY-MM-DDThh-mm-ss` in local time. */
export function rolloutFileTimestamp(date: Date): string {
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  const time = `${pad2(date.getHours())}-${pad2(date.getMinutes())}-${pad2(date.getSeconds())}`;
  return `${day}T${time}`;
}

export function rolloutFileName(createdAt: Date, threadId: string): string {
  return `${FILE_PREFIX}${rolloutFileTimestamp(createdAt)}-${threadId}${FILE_SUFFIX}`;
}

/** `CODEX_HOME/sessions/YYYY/MM/DD` for a local date. */
export function rolloutDayDir(codexHome: string, createdAt: Date): string {
  return join(
    codexHome,
    SESSIONS_SUBDIR,
    String(createdAt.getFullYear()),
    pad2(createdAt.getMonth() + 1),
    pad2(createdAt.getDate()),
  );
}

export function rolloutPathFor(codexHome: string, threadId: string, createdAt: Date): string {
  return join(rolloutDayDir(codexHome, createdAt), rolloutFileName(createdAt, threadId));
}

export interface RolloutFileName {
  /** `YYYY-MM-DDThh-mm-ss` as in the name (local time of creation). */
  fileTimestamp: string;
  /** The thread id, lowercase. */
  threadId: string;
}

/** Splits `rollout-<timestamp>-<uuid>.jsonl`; `null` for any other name. */
export function parseRolloutFileName(name: string): RolloutFileName | null {
  if (!name.startsWith(FILE_PREFIX) || !name.endsWith(FILE_SUFFIX)) return null;
  const core = name.slice(FILE_PREFIX.length, name.length - FILE_SUFFIX.length);
  const fileTimestamp = core.slice(0, 19);
  const rest = core.slice(19);
  if (!FILE_TIMESTAMP_RE.test(fileTimestamp) || !rest.startsWith('-')) return null;
  const threadId = rest.slice(1);
  if (!isThreadId(threadId)) return null;
  return { fileTimestamp, threadId: threadId.toLowerCase() };
}
