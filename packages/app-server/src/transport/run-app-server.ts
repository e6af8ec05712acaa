import { readFile } from 'node:fs/promises';
import { loadConfig, resolveCodexHome } from '@codex-ts/config';
import { ThreadManager } from '@codex-ts/core';
import type { SessionSource } from '@codex-ts/protocol';
import { MessageProcessor } from '../processor/message-processor.js';
import type { ConfigLoader } from '../processor/processor-types.js';
import { RunningTurns } from './running-turns.js';
import { serveStdio } from './stdio-transport.js';
import type { TransportLimits } from './transport-limits.js';
import { createTransportLog, logLevelFromEnv, type TransportLog } from './transport-log.js';
import {
  authSettingsFromFlags,
  loadAuthPolicy,
  type WebSocketAuthFlags,
} from './websocket-auth.js';
import { websocketBanner } from './websocket-banner.js';
import type { ListenTarget } from './websocket-listen-url.js';
import { startWebSocketServer } from './websocket-server.js';
import { waitForShutdownSignals, type SignalSource } from './shutdown-signals.js';

/** Rust bounds thread shutdown at 10 s and then proceeds. */
const SHUTDOWN_BOUND_MS = 10_000;

export interface RunAppServerOptions {
  listen: ListenTarget;
  /** `--ws-*` flags (WebSocket only). */
  auth?: WebSocketAuthFlags;
  /** `--tls-cert` / `--tls-key` files (PEM) for a `wss://` listener. */
  tls?: { certFile: string; keyFile: string } | null;
  env: Record<string, string | undefined>;
  /** Defaults to `resolveCodexHome(env)`. */
  codexHome?: string;
  cliVersion: string;
  /** The Rust CLI's app server runs threads as `vscode` sessions. */
  sessionSource?: SessionSource;
  sandboxHelperCommand?: string[] | null;
  /** Root `-c key=value` overrides (parsed), applied under each request's own `config`. */
  configOverrides?: Record<string, unknown>;
  profile?: string | null;
  strictConfig?: boolean;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where SIGINT/SIGTERM come from; `process` by default. */
  signals?: SignalSource;
  limits?: Partial<TransportLimits>;
}

/** The app server cannot start as asked (transport off, TLS flags without `wss://`, ...). */
export class AppServerStartError extends Error {
  readonly code = 'APP_SERVER_START';
  constructor(message: string) {
    super(message);
    this.name = 'AppServerStartError';
  }
}

/**
 * `codex app-server`: one message processor (one thread manager) behind the chosen transport.
 * Resolves with the exit code: 0 after stdin EOF or a signal-driven WebSocket shutdown.
 */
export async function runAppServer(options: RunAppServerOptions): Promise<number> {
  const { listen, env } = options;
  if (listen.kind === 'off') {
    throw new AppServerStartError('no transport configured; use --listen or enable remote control');
  }
  const tlsFiles = options.tls ?? null;
  if (listen.kind === 'websocket' && listen.tls !== (tlsFiles !== null)) {
    throw new AppServerStartError(
      listen.tls
        ? 'a `wss://` --listen URL requires `--tls-cert` and `--tls-key`'
        : '`--tls-cert` and `--tls-key` require a `wss://` --listen URL',
    );
  }
  if (listen.kind === 'stdio' && (tlsFiles !== null || hasAuthFlags(options.auth))) {
    throw new AppServerStartError(
      'websocket auth and TLS flags require a `ws://` or `wss://` --listen URL',
    );
  }
  const log = createTransportLog((line) => options.stderr.write(line), logLevelFromEnv(env));
  const authSettings = authSettingsFromFlags(options.auth ?? {});
  const tls = tlsFiles
    ? {
        cert: await readPem(tlsFiles.certFile, '--tls-cert'),
        key: await readPem(tlsFiles.keyFile, '--tls-key'),
      }
    : null;

  const turns = new RunningTurns();
  const processor = createProcessor(options, turns);
  const shutdownThreads = (): Promise<void> => bounded(processor.shutdown(), log);
  const signals = options.signals ?? process;

  if (listen.kind === 'stdio') {
    const server = serveStdio({
      processor,
      input: options.stdin,
      output: options.stdout,
      log,
      shutdown: shutdownThreads,
      ...(options.limits ? { limits: options.limits } : {}),
    });
    const signalled = waitForShutdownSignals(signals, () => {});
    const outcome = await Promise.race([server.stopped, signalled.first]);
    signalled.dispose();
    if (outcome === 'eof') return 0;
    if (outcome === 'output-overflow') return 1;
    server.abandon();
    await shutdownThreads();
    return outcome === 'SIGINT' ? 130 : 143;
  }

  const handle = await startWebSocketServer({
    processor,
    host: listen.host,
    port: listen.port,
    tls,
    auth: await loadAuthPolicy(authSettings),
    log,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const color = options.stderr.isTTY === true && (env['NO_COLOR'] ?? '') === '';
  options.stderr.write(
    websocketBanner({ host: listen.host, port: handle.port, tls: listen.tls, color }),
  );

  // First signal: keep serving until no turn runs (graceful restart drain); second: now.
  const signalled = waitForShutdownSignals(signals, (count) => {
    if (count === 1) {
      log.info(
        `received shutdown signal; draining (connections=${handle.connectionCount()}, runningAssistantTurns=${turns.count()})`,
      );
    } else {
      log.info('received second shutdown signal; shutting down now');
    }
  });
  await signalled.first;
  await Promise.race([turns.whenIdle(), signalled.second]);
  signalled.dispose();
  await handle.close();
  await shutdownThreads();
  return 0;
}

function createProcessor(options: RunAppServerOptions, turns: RunningTurns): MessageProcessor {
  const env = options.env;
  const codexHome = options.codexHome ?? resolveCodexHome(env);
  const threadManager = new ThreadManager({
    env,
    sessionSource: options.sessionSource ?? 'vscode',
    cliVersion: options.cliVersion,
    ...(options.sandboxHelperCommand ? { sandboxHelperCommand: options.sandboxHelperCommand } : {}),
  });
  const cliOverrides = options.configOverrides ?? {};
  const profile = options.profile ?? null;
  const strict = options.strictConfig === true;
  const loadWithCli: ConfigLoader = (opts) =>
    loadConfig({
      ...opts,
      cliOverrides: { ...cliOverrides, ...(opts.cliOverrides ?? {}) },
      ...(profile !== null && opts.profile == null ? { profile } : {}),
      ...(strict ? { strict: true } : {}),
    });
  return new MessageProcessor({
    threadManager: turns.watch(threadManager),
    codexHome,
    env,
    cliVersion: options.cliVersion,
    loadConfig: loadWithCli,
  });
}

function hasAuthFlags(flags: WebSocketAuthFlags | undefined): boolean {
  return flags !== undefined && Object.values(flags).some((v) => v !== undefined);
}

async function readPem(path: string, flag: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppServerStartError(`failed to read ${flag} ${path}: ${reason}`);
  }
}

async function bounded(work: Promise<void>, log: TransportLog): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), SHUTDOWN_BOUND_MS);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
    if (outcome === 'timeout') {
      log.warn('timed out waiting for threads to shut down; proceeding');
    }
  } catch (error) {
    log.error(`shutting down threads failed: ${error instanceof Error ? error.message : error}`);
  } finally {
    clearTimeout(timer);
  }
}
