/** Log levels, most severe first. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const RANK: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Where the transports report; always stderr in the CLI, never stdout. */
export interface TransportLog {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/**
 * The threshold from `RUST_LOG`, as the Rust app server reads it: errors only when unset; the
 * most verbose level named in it otherwise (`info`, `codex_app_server=debug`, ...).
 */
export function logLevelFromEnv(env: Record<string, string | undefined>): LogLevel {
  const raw = env['RUST_LOG']?.toLowerCase() ?? '';
  let level: LogLevel = 'error';
  for (const part of raw.split(',')) {
    const name = (part.includes('=') ? part.slice(part.indexOf('=') + 1) : part).trim();
    const candidate: LogLevel | null =
      name === 'trace' || name === 'debug'
        ? 'debug'
        : name === 'info' || name === 'warn' || name === 'error'
          ? name
          : null;
    if (candidate !== null && RANK[candidate] > RANK[level]) {
      level = candidate;
    }
  }
  return level;
}

/** A log writing `LEVEL message` lines at or above `level` to `write` (stderr). */
export function createTransportLog(write: (line: string) => void, level: LogLevel): TransportLog {
  const emit =
    (at: LogLevel) =>
    (message: string): void => {
      if (RANK[at] <= RANK[level]) {
        write(`${at.toUpperCase()} codex_app_server: ${message}\n`);
      }
    };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

/** A log that drops everything (tests, embedding). */
export const SILENT_LOG: TransportLog = {
  error() {},
  warn() {},
  info() {},
  debug() {},
};
