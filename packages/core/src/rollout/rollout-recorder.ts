import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppendWriter } from './append-writer.js';
import { collectGitInfo } from './git-info.js';
import { RolloutClosedError, RolloutReadError } from './rollout-errors.js';
import { serializeRolloutLine, type RolloutItem } from './rollout-line.js';
import { rolloutPathFor } from './rollout-paths.js';
import { isPersistedRolloutItem, type EventPersistenceMode } from './rollout-policy.js';
import type {
  BaseInstructions,
  GitInfo,
  RolloutSessionSource,
  SessionMetaLine,
} from './rollout-schemas.js';

/**
 * What the caller knows about a new session (Rust `SessionMeta` without `id` and `timestamp`,
 * which come from `create()`). Extra fields are written as given.
 */
export interface SessionMetaInit {
  cwd: string;
  originator: string;
  cli_version: string;
  /** `cli`, `vscode`, `exec`, `mcp` (the app server), ... */
  source?: RolloutSessionSource;
  model_provider?: string | null;
  base_instructions?: BaseInstructions | null;
  forked_from_id?: string | null;
  agent_nickname?: string | null;
  agent_role?: string | null;
  agent_path?: string | null;
  dynamic_tools?: unknown[] | null;
  memory_mode?: string | null;
  [key: string]: unknown;
}

export interface CreateRolloutOptions {
  codexHome: string;
  threadId: string;
  /** Names the file and fills `session_meta.timestamp`. Default: now. */
  createdAt?: Date;
  meta: SessionMetaInit;
  /** The git block to write; `undefined` collects it from `meta.cwd`, `null` writes none. */
  git?: GitInfo | null;
  gitTimeoutMs?: number;
  eventPersistenceMode?: EventPersistenceMode;
}

export interface ResumeRolloutOptions {
  eventPersistenceMode?: EventPersistenceMode;
}

/**
 * Appends a thread's rollout lines (`CODEX_HOME/sessions/YYYY/MM/DD/rollout-...jsonl`).
 * `record()` filters by the Rust persistence policy, stamps each line and queues it without
 * waiting; lines reach the file in call order. `flush()` waits until everything recorded so far
 * is written (call it at item completion and turn end); `close()` flushes and closes the file.
 * Ephemeral threads simply have no recorder.
 */
export class RolloutRecorder {
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly writer: AppendWriter,
    private readonly mode: EventPersistenceMode,
  ) {}

  /** Creates the dated directory and the file, and writes `session_meta` as its first line. */
  static async create(options: CreateRolloutOptions): Promise<RolloutRecorder> {
    const createdAt = options.createdAt ?? new Date();
    const path = rolloutPathFor(options.codexHome, options.threadId, createdAt);
    const gitPromise =
      options.git !== undefined
        ? Promise.resolve(options.git)
        : collectGitInfo(options.meta.cwd, { timeoutMs: options.gitTimeoutMs });
    const [git] = await Promise.all([gitPromise, mkdir(dirname(path), { recursive: true })]);
    const handle = await open(path, 'a');
    const recorder = new RolloutRecorder(
      path,
      new AppendWriter(handle, path),
      options.eventPersistenceMode ?? 'limited',
    );
    recorder.record([{ type: 'session_meta', payload: sessionMetaLine(options, createdAt, git) }]);
    try {
      await recorder.flush();
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    return recorder;
  }

  /**
   * Appends to an existing rollout. If the file ends in a partial line (the previous process
   * died mid-write), a newline is added first so that fragment stays a line of its own, which
   * readers skip, instead of corrupting the next one.
   */
  static async resume(path: string, options: ResumeRolloutOptions = {}): Promise<RolloutRecorder> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r+');
    } catch (error) {
      throw new RolloutReadError(path, { cause: error });
    }
    let endsWithPartialLine: boolean;
    try {
      endsWithPartialLine = await lastByteIsNotNewline(handle);
    } finally {
      await handle.close();
    }
    const appendHandle = await open(path, 'a');
    const writer = new AppendWriter(appendHandle, path);
    if (endsWithPartialLine) writer.enqueue('\n');
    return new RolloutRecorder(path, writer, options.eventPersistenceMode ?? 'limited');
  }

  /** Queues items for writing; items the persistence policy excludes are dropped. */
  record(items: readonly RolloutItem[]): void {
    if (this.closed) throw new RolloutClosedError(this.path);
    let chunk = '';
    for (const item of items) {
      if (isPersistedRolloutItem(item, this.mode)) chunk += serializeRolloutLine(item);
    }
    this.writer.enqueue(chunk);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Writes what is queued and closes the file. Later `record()` calls throw. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.close();
  }
}

function sessionMetaLine(
  options: CreateRolloutOptions,
  createdAt: Date,
  git: GitInfo | null,
): SessionMetaLine {
  // Field order follows Rust's SessionMeta. Options Rust skips when empty are left out; the
  // plain Options (`model_provider`, `base_instructions`) are written as null, as serde does.
  const meta = options.meta;
  const line: SessionMetaLine = {
    id: options.threadId,
    ...presentOnly({ forked_from_id: meta.forked_from_id }),
    timestamp: createdAt.toISOString(),
    cwd: meta.cwd,
    originator: meta.originator,
    cli_version: meta.cli_version,
    ...presentOnly({
      source: meta.source,
      agent_nickname: meta.agent_nickname,
      agent_role: meta.agent_role,
      agent_path: meta.agent_path,
    }),
    model_provider: meta.model_provider ?? null,
    base_instructions: meta.base_instructions ?? null,
    ...presentOnly({ dynamic_tools: meta.dynamic_tools, memory_mode: meta.memory_mode }),
  };
  for (const [key, value] of Object.entries(meta)) {
    if (!(key in line) && value !== undefined) line[key] = value;
  }
  if (git) line.git = git;
  return line;
}

function presentOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as Array<keyof T>) {
    if (fields[key] != null) out[key] = fields[key];
  }
  return out;
}

async function lastByteIsNotNewline(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const buffer = Buffer.alloc(1);
  await handle.read(buffer, 0, 1, size - 1);
  return buffer[0] !== 0x0a;
}
