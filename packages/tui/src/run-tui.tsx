import { resolve } from 'node:path';
import { render } from 'ink';
import type { AppServerClient } from '@codex-ts/app-server-client';
import { App } from './app/app-view.js';
import { inkRenderOptions } from './app/render-options.js';
import { watchApprovals } from './app/approval-modal.js';
import { localHistory } from './app/local-history.js';
import { startSession } from './app/startup.js';
import { UiController } from './app/ui-controller.js';
import { warmUpMarkdown } from './markdown/index.js';
import { ChatStore } from './session/chat-store.js';
import { SessionController } from './session/session-controller.js';
import { connectTuiClient } from './startup/tui-client.js';
import { tuiThreadStartParams } from './startup/thread-params.js';
import { TuiUsageError, type TuiIo, type TuiMeta, type TuiOptions } from './startup/tui-options.js';

/** Colour unless NO_COLOR is set (to anything non-empty) or the terminal has none. */
function useColor(io: TuiIo): boolean {
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return io.stdout.hasColors?.() ?? true;
}

/**
 * `codex` with no subcommand: the interactive UI. It talks to an app server (in this process,
 * or `--remote`), runs onboarding (sign-in, trust), opens or resumes a thread, and renders the
 * chat until the user quits. Returns the exit code.
 */
export async function runTui(opts: TuiOptions, io: TuiIo, meta: TuiMeta): Promise<number> {
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    io.stderr.write(
      'Error: the interactive UI needs a terminal (stdin and stdout must be a TTY).\n' +
        'Use `codex exec "<prompt>"` in scripts and pipelines.\n',
    );
    return 1;
  }
  const cwd = resolve(io.cwd, opts.cd ?? '.');
  let client: AppServerClient;
  try {
    let startParams = tuiThreadStartParams(opts, cwd);
    if (opts.oss) {
      const { prepareOssThread } = await import('@codex-ts/providers');
      startParams = await prepareOssThread(
        { localProvider: opts.localProvider, model: opts.model },
        io,
        startParams,
      );
    }
    client = await connectTuiClient(opts, io, meta);
    return await runWithClient(client, opts, io, meta, startParams);
  } catch (err) {
    io.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof TuiUsageError ? 2 : 1;
  }
}

async function runWithClient(
  client: AppServerClient,
  opts: TuiOptions,
  io: TuiIo,
  meta: TuiMeta,
  startParams: ReturnType<typeof tuiThreadStartParams>,
): Promise<number> {
  const color = useColor(io);
  const store = new ChatStore({ width: io.stdout.columns || 80, color });
  const session = new SessionController(client, store, startParams, meta.version);
  const history = localHistory(opts, io, client);
  const ui = new UiController({
    session,
    recordHistory: (text) => history.record(session.currentThreadId, text),
    rows: () => io.stdout.rows || 24,
    initialPrompt: opts.prompt !== null ? { text: opts.prompt, images: opts.images } : null,
  });
  void history.load().then((entries) => ui.setHistoryEntries(entries));
  const stopApprovals = watchApprovals(ui);
  let exitCode = 0;
  let lost: Error | null = null;
  const offClose = client.onClose((error) => {
    if (!error) return;
    exitCode = 1;
    lost = error;
    ui.requestExit();
  });
  const instance = render(
    <App ui={ui} color={color} />,
    inkRenderOptions({
      stdout: io.stdout,
      stdin: io.stdin,
      stderr: io.stderr as NodeJS.WriteStream,
      patchConsole: true,
    }),
  );
  const offWarmUp = ui.subscribe(() => {
    if (ui.getSnapshot().phase !== 'chat') return;
    offWarmUp();
    void warmUpMarkdown({
      msSinceInput: () => ui.msSinceInput(),
      busy: () => store.getSnapshot().turn !== null,
    });
  });
  void startSession(ui, opts, io).catch((err: unknown) => {
    session.showError(err);
    exitCode = 1;
    ui.requestExit();
  });
  try {
    await instance.waitUntilExit();
  } finally {
    offClose();
    offWarmUp();
    stopApprovals();
    session.close();
    await client.close().catch(() => undefined);
  }
  if (lost !== null) {
    io.stderr.write(`Error: lost the app server: ${(lost as Error).message}\n`);
  }
  const threadId = session.currentThreadId;
  const usage = store.getSnapshot().tokenUsage;
  if (usage) {
    const t = usage.total;
    io.stdout.write(
      `Token usage: total=${t.totalTokens} input=${t.inputTokens}` +
        `${t.cachedInputTokens > 0 ? ` (+ ${t.cachedInputTokens} cached)` : ''}` +
        ` output=${t.outputTokens}${t.reasoningOutputTokens > 0 ? ` (reasoning ${t.reasoningOutputTokens})` : ''}\n`,
    );
  }
  if (threadId !== null && !startParams.ephemeral) {
    io.stdout.write(`To continue this session, run codex resume ${threadId}\n`);
  }
  return exitCode;
}
