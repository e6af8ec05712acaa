import { join } from 'node:path';
import type { HistoryConfig } from '../history-config.js';

/** `history.persistence` in config.toml. */
export type HistoryPersistence = HistoryConfig['persistence'];

/** One line of `CODEX_HOME/history.jsonl`; field names are the file's (the Rust Codex's). */
export interface HistoryEntry {
  /** The thread id (named `session_id` in the file for compatibility). */
  session_id: string;
  /** Unix seconds. */
  ts: number;
  text: string;
}

/** A search hit: the entry and its zero-based line in the file (for `lookupHistoryEntry`). */
export interface HistorySearchHit {
  offset: number;
  entry: HistoryEntry;
}

/** What the composer gets when a thread starts: which file, and how many entries it holds. */
export interface HistoryMetadata {
  /** The file's inode; 0 when there is no file. Offsets are only valid for this identity. */
  logId: number;
  count: number;
}

export const HISTORY_FILENAME = 'history.jsonl';

export function historyPath(codexHome: string): string {
  return join(codexHome, HISTORY_FILENAME);
}

export function parseHistoryLine(line: string): HistoryEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  // Files written by old Rust builds say `conversation_id`.
  const id = v['session_id'] ?? v['conversation_id'];
  if (typeof id !== 'string' || typeof v['ts'] !== 'number' || typeof v['text'] !== 'string') {
    return null;
  }
  return { session_id: id, ts: v['ts'], text: v['text'] };
}
