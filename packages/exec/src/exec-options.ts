import type { SandboxMode } from '@codex-ts/protocol';

export type ColorMode = 'always' | 'never' | 'auto';

/** `codex exec` options, as parsed from argv by the cli package. */
export interface ExecOptions {
  /** The prompt from argv; null or `-` means: read it from stdin. */
  prompt: string | null;
  images: string[];
  json: boolean;
  outputLastMessage: string | null;
  outputSchemaFile: string | null;
  model: string | null;
  sandbox: SandboxMode | null;
  /** `--dangerously-bypass-approvals-and-sandbox` / `--yolo`. */
  yolo: boolean;
  /** `--full-auto`: workspace-write sandbox, approvals on request. */
  fullAuto: boolean;
  cd: string | null;
  addDirs: string[];
  skipGitRepoCheck: boolean;
  /** Raw `-c key=value` strings, in order. */
  configOverrides: string[];
  /** `-p/--profile NAME`: sent as `profile = NAME` in thread/start's config map. */
  profile?: string | null;
  /** `--strict-config`: sent as `strict_config = true` (unknown config keys are errors). */
  strictConfig?: boolean;
  color: ColorMode;
  ephemeral: boolean;
  /** `codex exec resume SESSION_ID`: a thread id or a thread name. */
  resumeThreadId: string | null;
  /** `codex exec resume --last`: the most recently updated thread (of this directory). */
  resumeLast?: boolean;
  /** `codex exec resume --all`: look for the thread in every directory. */
  resumeAll?: boolean;
  /** `--oss`: run against a local provider (Ollama or LM Studio), set up before the turn. */
  oss?: boolean;
  /** `--local-provider ollama|lmstudio`: which one `--oss` uses (else `oss_provider`). */
  localProvider?: string | null;
  /** `--remote ws://HOST:PORT` (or `wss://`): run against that app server, not in process. */
  remote?: string | null;
  /** `--remote-auth-token-env VAR`: the bearer token for `--remote` is in this variable. */
  remoteAuthTokenEnv?: string | null;
  /** `codex exec review` / `codex review`: run a code review instead of a prompt. */
  review?: ExecReviewArgs | null;
}

/** The target flags of `codex exec review`, as given (one of them, checked by the cli). */
export interface ExecReviewArgs {
  /** `--uncommitted`: staged, unstaged and untracked changes. */
  uncommitted: boolean;
  /** `--base BRANCH`: the changes against a base branch. */
  base: string | null;
  /** `--commit SHA`: the changes a commit introduced; `--title` labels it. */
  commit: string | null;
  title: string | null;
  /** Custom review instructions; `-` reads them from stdin. */
  prompt: string | null;
}

/** Where exec reads and writes; the real process streams in production, buffers in tests. */
export interface ExecIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A usage error of `codex exec` (exit code 1, message on stderr). */
export class ExecUsageError extends Error {
  readonly code = 'exec_usage_error';
  constructor(message: string) {
    super(message);
    this.name = 'ExecUsageError';
  }
}

/** `codex exec resume` could not bring the thread back (the server refused `thread/resume`). */
export class ExecResumeError extends Error {
  readonly code = 'exec_resume_failed';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ExecResumeError';
  }
}
