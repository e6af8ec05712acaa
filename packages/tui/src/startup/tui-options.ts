import type { AskForApproval, SandboxMode } from '@codex-ts/protocol';

/** Which earlier thread `codex resume` / `codex fork` opens, or none for a new session. */
export interface TuiSessionTarget {
  action: 'resume' | 'fork';
  /** A thread id or name; null: the picker (or the latest with `last`). */
  sessionId: string | null;
  last: boolean;
  /** Look in every directory, not only the current one. */
  all: boolean;
}

/** Everything `codex [OPTIONS] [PROMPT]` (and `codex resume|fork`) passes to the TUI. */
export interface TuiOptions {
  prompt: string | null;
  images: string[];
  model: string | null;
  sandbox: SandboxMode | null;
  approvalPolicy: AskForApproval | null;
  fullAuto: boolean;
  yolo: boolean;
  cd: string | null;
  addDirs: string[];
  /** `-c key=value` strings (root, `--search`, `--enable/--disable` already folded in). */
  configOverrides: string[];
  profile: string | null;
  strictConfig: boolean;
  oss: boolean;
  localProvider: string | null;
  remote: string | null;
  remoteAuthTokenEnv: string | null;
  session: TuiSessionTarget | null;
  /** Accepted for compatibility: the UI is always inline (it never takes the alternate screen). */
  noAltScreen: boolean;
}

export interface TuiIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface TuiMeta {
  version: string;
  sandboxHelperCommand?: string[] | null;
}

/** A flag combination the TUI cannot run with (exit 2 like a usage error). */
export class TuiUsageError extends Error {
  readonly code = 'tui_usage';
  constructor(message: string) {
    super(message);
    this.name = 'TuiUsageError';
  }
}
