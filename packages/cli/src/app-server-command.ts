import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  addFeatureToggleOptions,
  featureToggleOverrides,
  globalConfigStrings,
  globalFlagsOf,
  type FeatureToggleFlags,
} from './global-flags.js';
import type { ListenTarget } from '@codex-ts/app-server';
import { sandboxHelperCommand } from './sandbox-helper-command.js';
import { CODEX_VERSION } from './version.js';

/** How long the process may linger after the server stopped before it exits anyway. */
const EXIT_GRACE_MS = 250;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface AppServerFlags extends FeatureToggleFlags {
  listen: string;
  stdio?: boolean;
  analyticsDefaultEnabled?: boolean;
  config: string[];
  wsAuth?: 'capability-token' | 'signed-bearer-token';
  wsTokenFile?: string;
  wsTokenSha256?: string;
  wsSharedSecretFile?: string;
  wsIssuer?: string;
  wsAudience?: string;
  wsMaxClockSkewSeconds?: number;
  tlsCert?: string;
  tlsKey?: string;
}

function parseSeconds(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new InvalidArgumentError('expected a whole number of seconds');
  }
  return Number(value);
}

/** `--listen` (or `--stdio`); an invalid URL is a usage error (exit 2), as with clap. */
function parseListen(
  parse: (url: string) => ListenTarget,
  isListenError: (error: unknown) => boolean,
  flags: AppServerFlags,
  cmd: Command,
): ListenTarget {
  try {
    return parse(flags.stdio ? 'stdio://' : flags.listen);
  } catch (error) {
    if (!isListenError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return cmd.error(`error: invalid value '${flags.listen}' for '--listen <URL>': ${reason}`, {
      exitCode: 2,
      code: 'commander.invalidArgument',
    });
  }
}

/**
 * Registers `codex app-server`: the JSON-RPC app server on stdio (default) or a WebSocket
 * listener, with the Rust CLI's flags. Returns the command so tooling subcommands
 * (`generate-ts`, `generate-json-schema`) can be added to it.
 */
export function registerAppServer(program: Command, setExit: (code: number) => void): Command {
  const cmd = addFeatureToggleOptions(
    program
      .command('app-server')
      .description('[experimental] Run the app server or related tooling')
      .option(
        '--listen <URL>',
        'transport endpoint URL: `stdio://` (default), `ws://IP:PORT`, `wss://IP:PORT`, `off`',
        'stdio://',
      )
      .addOption(
        new Option('--stdio', 'use stdio as the transport (same as --listen stdio://)').conflicts(
          'listen',
        ),
      )
      .option('--analytics-default-enabled', 'accepted for compatibility; analytics are not sent')
      .option('-c, --config <key=value>', 'override a config.toml value (repeatable)', collect, [])
      .addOption(
        new Option('--ws-auth <MODE>', 'websocket auth mode for non-loopback listeners').choices([
          'capability-token',
          'signed-bearer-token',
        ]),
      )
      .option('--ws-token-file <PATH>', 'absolute path to the capability-token file')
      .option('--ws-token-sha256 <HEX>', 'hex-encoded SHA-256 digest of the capability token')
      .option(
        '--ws-shared-secret-file <PATH>',
        'absolute path to the shared secret file for signed JWT bearer tokens',
      )
      .option('--ws-issuer <ISSUER>', 'expected issuer for signed JWT bearer tokens')
      .option('--ws-audience <AUDIENCE>', 'expected audience for signed JWT bearer tokens')
      .option(
        '--ws-max-clock-skew-seconds <SECONDS>',
        'maximum clock skew when validating signed JWT bearer tokens',
        parseSeconds,
      )
      .option('--tls-cert <FILE>', 'PEM certificate chain for a wss:// listener')
      .option('--tls-key <FILE>', 'PEM private key for a wss:// listener'),
  );
  cmd.action(async (flags: AppServerFlags) => {
    const server = await import('@codex-ts/app-server');
    const { parseConfigOverrides } = await import('@codex-ts/config');
    const listen = parseListen(
      server.parseListenUrl,
      (error) => error instanceof server.ListenUrlError,
      flags,
      cmd,
    );
    const global = globalFlagsOf(program);
    const configOverrides = parseConfigOverrides([
      ...globalConfigStrings(program),
      ...flags.config,
      ...featureToggleOverrides(flags),
    ]);
    const tls =
      flags.tlsCert !== undefined || flags.tlsKey !== undefined
        ? { certFile: flags.tlsCert ?? '', keyFile: flags.tlsKey ?? '' }
        : null;
    if (tls !== null && (tls.certFile === '' || tls.keyFile === '')) {
      cmd.error("error: '--tls-cert' and '--tls-key' must be given together", { exitCode: 2 });
    }
    const code = await server.runAppServer({
      listen,
      auth: {
        wsAuth: flags.wsAuth,
        wsTokenFile: flags.wsTokenFile,
        wsTokenSha256: flags.wsTokenSha256,
        wsSharedSecretFile: flags.wsSharedSecretFile,
        wsIssuer: flags.wsIssuer,
        wsAudience: flags.wsAudience,
        wsMaxClockSkewSeconds: flags.wsMaxClockSkewSeconds,
      },
      tls,
      env: process.env,
      cliVersion: CODEX_VERSION,
      sandboxHelperCommand: sandboxHelperCommand(),
      configOverrides,
      profile: global.profile ?? null,
      strictConfig: Boolean(global.strictConfig),
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
    });
    setExit(code);
    // The Rust server exits as soon as it is done; do not let a lingering handle (a keep-alive
    // socket, a child's pipe) keep this process alive once the output is flushed.
    setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  });
  return cmd;
}
