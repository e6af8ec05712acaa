import type { MessageProcessor } from '../processor/message-processor.js';
import { BoundedOutbound, type OutboundStats } from './bounded-outbound.js';
import { ConnectionPump } from './connection-pump.js';
import { LineReader } from './stdio-line-reader.js';
import { STDIO_LIMITS, withLimits, type TransportLimits } from './transport-limits.js';
import { SILENT_LOG, type TransportLog } from './transport-log.js';

export interface ServeStdioOptions {
  processor: MessageProcessor;
  /** Newline-delimited JSON from the client (stdin). */
  input: NodeJS.ReadableStream;
  /** One JSON message a line to the client (stdout). Nothing else is written there. */
  output: NodeJS.WritableStream;
  log?: TransportLog;
  limits?: Partial<TransportLimits>;
  /** Interrupts running turns once the client is gone (default: `processor.shutdown()`). */
  shutdown?: () => Promise<void>;
}

/** How long in-flight requests may take to finish after EOF (Rust waits 10 s, then proceeds). */
const DRAIN_BOUND_MS = 10_000;

/** Why the stdio server stopped: end of input, or a client that stopped reading its output. */
export type StdioStopReason = 'eof' | 'output-overflow';

export interface StdioServer {
  /** Resolves once the server stopped (work drained, turns interrupted, output flushed). */
  readonly stopped: Promise<StdioStopReason>;
  /** What the connection currently holds in memory for the client. */
  outboundStats(): OutboundStats;
  /** Stops reading stdin at once (a signal ends the server); `stopped` never resolves then. */
  abandon(): void;
}

/**
 * Serves one client over stdio, as the Rust `codex app-server` does by default. On end of input
 * the requests already received are answered, running turns are interrupted, the output is
 * flushed and `stopped` resolves with `'eof'`.
 */
export function serveStdio(options: ServeStdioOptions): StdioServer {
  const { processor, input, output } = options;
  const log = options.log ?? SILENT_LOG;
  const limits = withLimits(STDIO_LIMITS, options.limits);
  const shutdown = options.shutdown ?? (() => processor.shutdown());

  let resolveStopped: (reason: StdioStopReason) => void = () => {};
  const stopped = new Promise<StdioStopReason>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping = false;

  const outbound = new BoundedOutbound(
    {
      write(text, done) {
        output.write(`${text}\n`, (error) => done(error ?? null));
      },
    },
    limits,
    () => {
      log.error('the client is not reading stdout; dropping its output and shutting down');
      void stop('output-overflow');
    },
  );
  const pump = new ConnectionPump({
    processor,
    outbound,
    maxInFlightRequests: limits.maxInFlightRequests,
    log,
  });
  const reader = new LineReader(limits.maxMessageBytes, {
    line(text) {
      if (text.trim() !== '') {
        pump.receiveText(text);
      }
    },
    oversized(bytes) {
      pump.rejectOversized(bytes, limits.maxMessageBytes);
    },
  });

  const onData = (chunk: Buffer | string): void => {
    reader.feed(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  };
  const onEnd = (): void => {
    reader.end();
    log.debug('stdin reader finished (EOF)');
    void stop('eof');
  };
  const onError = (error: Error): void => {
    log.error(`Failed reading stdin: ${error.message}`);
    void stop('eof');
  };
  output.on('error', (error: Error) => {
    log.error(`Failed to write to stdout: ${error.message}`);
    outbound.close();
  });

  function detach(): void {
    input.off('data', onData);
    input.off('end', onEnd);
    input.off('error', onError);
  }

  async function stop(reason: StdioStopReason): Promise<void> {
    if (stopping) {
      return;
    }
    stopping = true;
    detach();
    if (reason === 'eof') {
      await drainBounded(pump, log);
    } else {
      input.pause();
    }
    try {
      await shutdown();
    } catch (error) {
      log.error(`shutting down threads failed: ${error instanceof Error ? error.message : error}`);
    }
    pump.close();
    await outbound.whenFlushed();
    resolveStopped(reason);
  }

  input.on('data', onData);
  input.on('end', onEnd);
  input.on('error', onError);
  return {
    stopped,
    outboundStats: () => outbound.stats(),
    abandon() {
      stopping = true;
      detach();
      input.pause();
    },
  };
}

async function drainBounded(pump: ConnectionPump, log: TransportLog): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), DRAIN_BOUND_MS);
    timer.unref();
  });
  const late = await Promise.race([pump.drain().then(() => false), timedOut]);
  clearTimeout(timer);
  if (late) {
    log.warn('timed out waiting for in-flight requests to finish; proceeding');
  }
}
