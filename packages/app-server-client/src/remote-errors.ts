/*
 * Errors of the remote (WebSocket) connection to an app server. Each kind has its own class and
 * a stable `code`; every message names the server's URL.
 */

/** The `--remote` address is not a `ws://host:port` or `wss://host:port` URL. */
export class RemoteUrlError extends Error {
  readonly code = 'REMOTE_URL_INVALID';

  constructor(readonly url: string) {
    super(`invalid remote address \`${url}\`; expected \`ws://host:port\` or \`wss://host:port\``);
    this.name = 'RemoteUrlError';
  }
}

/** A bearer token was asked for a URL it would travel over in clear text (non-loopback `ws://`). */
export class RemoteAuthTokenTransportError extends Error {
  readonly code = 'REMOTE_AUTH_TOKEN_TRANSPORT';

  constructor(readonly url: string) {
    super(`remote auth tokens require \`wss://\` or loopback \`ws://\` URLs; got \`${url}\``);
    this.name = 'RemoteAuthTokenTransportError';
  }
}

/** The environment variable named by `--remote-auth-token-env` is unset or blank. */
export class RemoteAuthTokenEnvError extends Error {
  readonly code = 'REMOTE_AUTH_TOKEN_ENV';

  constructor(
    readonly variable: string,
    readonly problem: 'unset' | 'empty',
  ) {
    super(
      problem === 'unset'
        ? `environment variable \`${variable}\` is not set`
        : `environment variable \`${variable}\` is empty`,
    );
    this.name = 'RemoteAuthTokenEnvError';
  }
}

/** The WebSocket could not be opened: refused, unreachable, TLS failure or an HTTP error. */
export class RemoteConnectError extends Error {
  readonly code = 'REMOTE_CONNECT_FAILED';

  constructor(
    readonly url: string,
    reason: string,
    /** The HTTP status when the server answered the upgrade with an error. */
    readonly status: number | null = null,
    options?: ErrorOptions,
  ) {
    super(`failed to connect to remote app server at \`${url}\`: ${reason}`, options);
    this.name = 'RemoteConnectError';
  }
}

/** The server refused the upgrade with 401 or 403 (missing, wrong or expired token). */
export class RemoteUnauthorizedError extends Error {
  readonly code = 'REMOTE_UNAUTHORIZED';

  constructor(
    readonly url: string,
    readonly status: number,
    reason: string,
  ) {
    const what = status === 403 ? '403 Forbidden' : '401 Unauthorized';
    const why = reason === '' ? '' : `: ${reason}`;
    super(`remote app server at \`${url}\` refused the connection (HTTP ${what})${why}`);
    this.name = 'RemoteUnauthorizedError';
  }
}

/** Opening the connection or the `initialize` handshake took longer than allowed. */
export class RemoteTimeoutError extends Error {
  readonly code = 'REMOTE_TIMEOUT';

  constructor(
    readonly url: string,
    readonly phase: 'connect' | 'initialize',
  ) {
    super(
      phase === 'connect'
        ? `timed out connecting to remote app server at \`${url}\``
        : `timed out waiting for the initialize response from \`${url}\``,
    );
    this.name = 'RemoteTimeoutError';
  }
}

/** The server answered `initialize` with an error. */
export class RemoteInitializeError extends Error {
  readonly code = 'REMOTE_INITIALIZE_REJECTED';

  constructor(
    readonly url: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`remote app server at \`${url}\` rejected initialize: ${reason}`, options);
    this.name = 'RemoteInitializeError';
  }
}

/** An open connection ended without the client asking: closed, dropped, or bad data. */
export class RemoteDisconnectedError extends Error {
  readonly code = 'REMOTE_DISCONNECTED';

  constructor(
    readonly url: string,
    reason: string,
    /** The WebSocket close code (1006: dropped without a close frame); null when none. */
    readonly closeCode: number | null = null,
    options?: ErrorOptions,
  ) {
    super(`remote app server at \`${url}\` disconnected: ${reason}`, options);
    this.name = 'RemoteDisconnectedError';
  }
}
