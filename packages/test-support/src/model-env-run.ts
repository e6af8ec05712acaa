import { baseEnv, runCodex, type CodexRun } from './codex-binary.js';
import type { ModelTestEnv } from './model-test-env.js';

/**
 * Runs the built `codex` with `args` in the env's work dir, its home as HOME and CODEX_HOME and
 * the `mock` provider's key in `MOCK_KEY`.
 */
export function runCodexInEnv(
  env: ModelTestEnv,
  args: string[],
  opts: { stdin?: string } = {},
): Promise<CodexRun> {
  return runCodex(args, {
    cwd: env.work.path,
    env: baseEnv(env.home.path, { MOCK_KEY: 'dummy' }),
    ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
  });
}

/** `codex exec --json --skip-git-repo-check ...args` through `runCodexInEnv`. */
export function runExecJsonInEnv(
  env: ModelTestEnv,
  args: string[],
  opts: { stdin?: string } = {},
): Promise<CodexRun> {
  return runCodexInEnv(env, ['exec', '--json', '--skip-git-repo-check', ...args], opts);
}
