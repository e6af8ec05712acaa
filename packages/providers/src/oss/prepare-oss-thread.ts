import { loadConfig } from '@codex-ts/config';
import type { ThreadStartParams } from '@codex-ts/protocol';
import { ensureOssReady } from './ensure-oss-ready.js';
import { defaultOssModel, resolveOssProvider } from './oss-provider.js';

export interface OssRunOptions {
  /** `--local-provider`, when given. */
  localProvider: string | null;
  /** `-m`, when given. */
  model: string | null;
}

export interface OssRunIo {
  env: Record<string, string | undefined>;
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * `--oss` (exec and the TUI): choose the local provider (`--local-provider`, else
 * `oss_provider`), default the model to that provider's gpt-oss build, and make sure the server
 * is up and has the model (pulling it with progress on stderr) before the thread starts. Config
 * is read with the same `-c` pairs, profile and environment the app server will use, so
 * `oss_provider`, `CODEX_OSS_BASE_URL` and `CODEX_OSS_PORT` mean the same here and there.
 */
export async function prepareOssThread(
  opts: OssRunOptions,
  io: OssRunIo,
  startParams: ThreadStartParams,
): Promise<ThreadStartParams> {
  const cliOverrides = startParams.config ?? {};
  const probe = await loadConfig({
    cliOverrides,
    overrides: { cwd: startParams.cwd ?? null },
    env: io.env,
  });
  const providerId = resolveOssProvider({
    localProvider: opts.localProvider,
    configOssProvider: probe.ossProvider,
  });
  const model = opts.model ?? defaultOssModel(providerId) ?? probe.model;
  const provider = probe.modelProviders[providerId];
  if (provider === undefined) {
    throw new Error(`model provider \`${providerId}\` is not defined`);
  }
  await ensureOssReady({
    providerId,
    provider,
    model,
    progress: {
      write: (text) => void io.stderr.write(text),
      isTTY: io.stderr.isTTY === true,
    },
    onWarning: (message) => void io.stderr.write(`warning: ${message}\n`),
  });
  return { ...startParams, model, modelProvider: providerId };
}
