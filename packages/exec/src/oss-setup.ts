import { loadConfig } from '@codex-ts/config';
import { defaultOssModel, ensureOssReady, resolveOssProvider } from '@codex-ts/providers';
import type { ThreadStartParams } from '@codex-ts/protocol';
import type { ExecIo, ExecOptions } from './exec-options.js';

/**
 * `--oss`: choose the local provider (`--local-provider`, else `oss_provider`), default the
 * model to that provider's gpt-oss build, and make sure the server is up and has the model
 * (pulling it with progress on stderr) before the thread starts. Config is read with the same
 * `-c` pairs, profile and environment the app server will use, so `oss_provider`,
 * `CODEX_OSS_BASE_URL` and `CODEX_OSS_PORT` mean the same here and there.
 */
export async function prepareOss(
  opts: ExecOptions,
  io: ExecIo,
  startParams: ThreadStartParams,
): Promise<ThreadStartParams> {
  const cliOverrides = startParams.config ?? {};
  const probe = await loadConfig({
    cliOverrides,
    overrides: { cwd: startParams.cwd ?? null },
    env: io.env,
  });
  const providerId = resolveOssProvider({
    localProvider: opts.localProvider ?? null,
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
