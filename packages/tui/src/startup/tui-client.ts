import {
  AppServerClient,
  assertAuthTokenAllowed,
  parseRemoteUrl,
  readRemoteAuthToken,
} from '@codex-ts/app-server-client';
import { TuiUsageError, type TuiIo, type TuiMeta, type TuiOptions } from './tui-options.js';

/** The name the TUI gives itself in `initialize` (the Rust TUI's, so servers treat it alike). */
const CLIENT_NAME = 'codex-tui';

/**
 * The TUI's app-server client: in this process by default, or a remote server with `--remote`
 * (token from `--remote-auth-token-env`, only over wss:// or loopback ws://).
 */
export async function connectTuiClient(
  opts: TuiOptions,
  io: TuiIo,
  meta: TuiMeta,
): Promise<AppServerClient> {
  const clientInfo = { name: CLIENT_NAME, version: meta.version };
  const tokenVar = opts.remoteAuthTokenEnv;
  if (opts.remote === null) {
    if (tokenVar !== null)
      throw new TuiUsageError('`--remote-auth-token-env` requires `--remote`.');
    return AppServerClient.inProcess({
      env: io.env,
      sessionSource: 'cli',
      cliVersion: meta.version,
      originator: io.env['CODEX_INTERNAL_ORIGINATOR_OVERRIDE'] ?? 'codex_cli_rs',
      clientInfo,
      sandboxHelperCommand: meta.sandboxHelperCommand ?? null,
    });
  }
  let url: string;
  let authToken: string | null = null;
  try {
    url = parseRemoteUrl(opts.remote);
    if (tokenVar !== null) {
      assertAuthTokenAllowed(url);
      authToken = readRemoteAuthToken(tokenVar, io.env);
    }
  } catch (err) {
    throw new TuiUsageError(err instanceof Error ? err.message : String(err));
  }
  return AppServerClient.remote(url, { clientInfo, authToken });
}
