import {
  AppServerClient,
  assertAuthTokenAllowed,
  parseRemoteUrl,
  readRemoteAuthToken,
} from '@codex-ts/app-server-client';
import { ExecUsageError, type ExecIo, type ExecOptions } from './exec-options.js';

/** Where exec's app server is: in this process, or a remote one over WebSocket. */
export type ExecTarget =
  { kind: 'in-process' } | { kind: 'remote'; url: string; authToken: string | null };

/**
 * Checks `--remote` / `--remote-auth-token-env` before anything else runs: the address must be
 * `ws://host:port` or `wss://host:port`; a token needs `--remote`, an encrypted or loopback
 * address, and a set, non-blank variable.
 */
export function execTarget(opts: ExecOptions, env: ExecIo['env']): ExecTarget {
  const tokenVar = opts.remoteAuthTokenEnv ?? null;
  if (opts.remote == null) {
    if (tokenVar !== null) {
      throw new ExecUsageError('`--remote-auth-token-env` requires `--remote`.');
    }
    return { kind: 'in-process' };
  }
  const url = parseRemoteUrl(opts.remote);
  if (tokenVar === null) {
    return { kind: 'remote', url, authToken: null };
  }
  assertAuthTokenAllowed(url);
  return { kind: 'remote', url, authToken: readRemoteAuthToken(tokenVar, env) };
}

/**
 * The app-server client of a run. In process, the server (and core) start here; with
 * `--remote`, nothing of them is loaded: the client speaks JSON-RPC over the socket.
 */
export function connectExecClient(
  target: ExecTarget,
  io: ExecIo,
  meta: { version: string; sandboxHelperCommand?: string[] | null },
): Promise<AppServerClient> {
  const clientInfo = { name: 'codex_exec', version: meta.version };
  if (target.kind === 'remote') {
    return AppServerClient.remote(target.url, { clientInfo, authToken: target.authToken });
  }
  return AppServerClient.inProcess({
    env: io.env,
    sessionSource: 'exec',
    cliVersion: meta.version,
    originator: io.env['CODEX_INTERNAL_ORIGINATOR_OVERRIDE'] ?? 'codex_exec',
    clientInfo,
    sandboxHelperCommand: meta.sandboxHelperCommand ?? null,
  });
}
