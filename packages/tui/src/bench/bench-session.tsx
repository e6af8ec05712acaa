import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, type Instance } from 'ink';
import { AppServerClient, type ServerNotificationMessage } from '@codex-ts/app-server-client';
import { App } from '../app/app-view.js';
import { inkRenderOptions } from '../app/render-options.js';
import { UiController } from '../app/ui-controller.js';
import { warmUpMarkdown } from '../markdown/index.js';
import { ChatStore } from '../session/chat-store.js';
import { SessionController } from '../session/session-controller.js';
import { FakeTtyInput, FakeTtyOutput } from './fake-tty.js';
import { FrameRecorder } from './frame-recorder.js';

const VERSION = '0.0.0-bench';

/** Where the benchmarks find their model, and the terminal they draw on. */
export interface TuiBenchOptions {
  /** A Responses API base URL (a fake model), e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  /** Terminal size (default 100 x 40). */
  columns?: number;
  rows?: number;
  /** Colour output (default true, like a real terminal). */
  color?: boolean;
}

/**
 * The real TUI, wired as `codex` wires it (in-process app server and core, chat store, session
 * and UI controllers, the Ink `App`), drawing on a fake terminal, with the frame recorder timing
 * the session's notification handling and every Ink frame.
 */
export interface TuiBenchSession {
  readonly ui: UiController;
  readonly store: ChatStore;
  readonly stdin: FakeTtyInput;
  readonly stdout: FakeTtyOutput;
  readonly recorder: FrameRecorder;
  readonly instance: Instance;
  /** The markdown warm-up's steps, in ms (each one turn of the event loop). */
  readonly warmUpSteps: readonly number[];
  /** Calls `listener` after the session has handled each notification. */
  onNotification(listener: (notification: ServerNotificationMessage) => void): () => void;
  close(): Promise<void>;
}

function configToml(baseUrl: string): string {
  return [
    'model = "gpt-bench"',
    'model_provider = "mock"',
    '',
    '[model_providers.mock]',
    'name = "mock"',
    `base_url = ${JSON.stringify(baseUrl)}`,
    'env_key = "MOCK_KEY"',
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
  ].join('\n');
}

/** Starts a session in a temp CODEX_HOME and resolves once the chat is open (composer idle). */
export async function startTuiBenchSession(opts: TuiBenchOptions): Promise<TuiBenchSession> {
  const columns = opts.columns ?? 100;
  const rows = opts.rows ?? 40;
  const color = opts.color ?? true;
  const root = await mkdtemp(join(tmpdir(), 'codex-tui-bench-'));
  const home = join(root, 'home');
  const work = join(root, 'work');
  await mkdir(home);
  await mkdir(work);
  await writeFile(join(home, 'config.toml'), configToml(opts.baseUrl));
  const client = await AppServerClient.inProcess({
    env: { PATH: process.env['PATH'], HOME: home, CODEX_HOME: home, MOCK_KEY: 'bench' },
    codexHome: home,
    sessionSource: 'cli',
    cliVersion: VERSION,
    originator: 'codex_cli_rs',
    clientInfo: { name: 'codex-tui', version: VERSION },
  });
  const recorder = new FrameRecorder();
  const store = new ChatStore({ width: columns, color });
  const startParams = { cwd: work, model: null, sandbox: null, approvalPolicy: null, config: {} };
  // The recorder times each frame tick's work (the session's handling of notifications).
  const session = new SessionController(client, store, startParams, VERSION, recorder.probe);
  const ui = new UiController({
    session,
    recordHistory: () => undefined,
    rows: () => rows,
    initialPrompt: null,
  });
  const stdin = new FakeTtyInput();
  const stdout = new FakeTtyOutput(columns, rows);
  stdout.hooks = recorder.syncHooks;
  const instance = render(
    <App ui={ui} color={color} />,
    inkRenderOptions({
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: stdout as unknown as NodeJS.WriteStream,
      patchConsole: false,
      onRender: recorder.onRender,
    }),
  );
  const close = async (): Promise<void> => {
    instance.unmount();
    await instance.waitUntilExit().catch(() => undefined);
    session.close();
    await client.close().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  let warmUpSteps: number[] = [];
  try {
    ui.enterChat(session.startThread());
    await waitFor(ui.subscribe, () => ui.getSnapshot().phase === 'chat', 20_000, 'the chat');
    if (store.transcript.length === 0) throw new Error('tui bench: no session header was shown');
    // As in `codex`, the markdown renderer warms up once the chat is open (a user types a
    // prompt meanwhile); the figures are for what comes after.
    warmUpSteps = await warmUpMarkdown({
      msSinceInput: () => ui.msSinceInput(),
      busy: () => store.getSnapshot().turn !== null,
    });
  } catch (err) {
    await close();
    throw err;
  }
  return {
    warmUpSteps,
    ui,
    store,
    stdin,
    stdout,
    recorder,
    instance,
    onNotification: (listener) => client.onNotification(listener),
    close,
  };
}

/** Resolves when `ready()` holds, checked now and on every change `subscribe` reports. */
export function waitFor(
  subscribe: (listener: () => void) => () => void,
  ready: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      off();
      reject(new Error(`tui bench: timed out waiting for ${what}`));
    }, timeoutMs);
    const off = subscribe(() => {
      if (!ready()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
