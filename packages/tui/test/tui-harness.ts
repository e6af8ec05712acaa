import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  baseEnv,
  completed,
  outputTextMessage,
  responseCreated,
  sseResponse,
  usage,
  CODEX_BIN,
  startModelTestEnv,
  TmuxTerminal,
  type MockProviderOptions,
  type ModelTestEnv,
  type ScriptedResponse,
} from '@codex-ts/test-support';

export interface TuiRun {
  env: ModelTestEnv;
  term: TmuxTerminal;
  close(): Promise<void>;
}

export interface TuiRunOptions {
  args?: string[];
  columns?: number;
  rows?: number;
  extraEnv?: Record<string, string>;
  mockProvider?: MockProviderOptions;
  /** An existing env (a second run over the same CODEX_HOME); not closed by `close`. */
  env?: ModelTestEnv;
  /** Leave the work directory untrusted (the trust prompt shows). */
  untrusted?: boolean;
}

/**
 * Starts the built `codex` TUI in a real terminal (tmux) against the fake Responses server, in a
 * fresh CODEX_HOME whose config trusts the work directory (so no trust prompt unless a test
 * wants one).
 */
export async function startTui(opts: TuiRunOptions = {}): Promise<TuiRun> {
  const owned = opts.env === undefined;
  const env =
    opts.env ??
    (await startModelTestEnv({
      mockProvider: {
        ...opts.mockProvider,
        extraToml: [...(opts.mockProvider?.extraToml ?? [])],
      },
    }));
  if (owned && !opts.untrusted) {
    await appendFile(
      join(env.home.path, 'config.toml'),
      `${trustToml(env.work.path).join('\n')}\n`,
    );
  }
  const term = await TmuxTerminal.start({
    command: [CODEX_BIN, ...(opts.args ?? [])],
    cwd: env.work.path,
    env: {
      ...baseEnv(env.home.path, { MOCK_KEY: 'dummy', TERM: 'xterm-256color' }),
      ...opts.extraEnv,
    },
    columns: opts.columns ?? 100,
    rows: opts.rows ?? 30,
  });
  return {
    env,
    term,
    async close() {
      await term.close();
      if (owned) await env.cleanup();
    },
  };
}

/** config.toml lines that trust `dir` (skips the trust prompt). */
export function trustToml(dir: string): string[] {
  return ['', `[projects.${JSON.stringify(dir)}]`, 'trust_level = "trusted"'];
}

/** A finished model answer with one plain message. */
export function answer(text: string): ScriptedResponse {
  return sseResponse(
    responseCreated(),
    outputTextMessage(text),
    completed('r', usage({ input: 1, output: 1 })),
  );
}

/**
 * The runs a test file starts, closed after each test (last first): `use(await startTui())`.
 * Call once at the top of a test file.
 */
export function tuiRuns(): { use(run: TuiRun): TuiRun } {
  const runs: TuiRun[] = [];
  afterEach(async () => {
    for (const run of runs.splice(0).reverse()) await run.close();
  });
  return {
    use(run) {
      runs.push(run);
      return run;
    },
  };
}
