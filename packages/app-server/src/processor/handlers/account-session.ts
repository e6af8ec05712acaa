import type { ResolvedConfig } from '@codex-ts/config';
import type { AuthManager, CodexAuth } from '@codex-ts/providers';
import type { ServerNotification } from '@codex-ts/protocol';
import type { ProcessorServices } from '../request-handler.js';

/** A ChatGPT sign-in waiting for the browser or the device code (one at a time per server). */
export interface ActiveLogin {
  readonly id: string;
  /** Stops it; its `account/login/completed` then reports the failure. */
  cancel(): void;
}

/**
 * What the account methods keep per processor (shared by its connections, as the Rust app
 * server keeps one login slot): the sign-in in progress, the auth managers when the thread
 * manager does not share its own, and the refresh token the issuer refused for good.
 */
export class AccountSession {
  private active: ActiveLogin | null = null;
  private readonly managers = new Map<string, AuthManager>();
  /** The refresh token of credentials whose refresh failed permanently (signed out in effect). */
  refusedRefreshToken: string | null = null;

  constructor(private readonly services: ProcessorServices) {}

  /** Cancels the sign-in in progress, if any. */
  cancelActive(): void {
    const active = this.active;
    this.active = null;
    active?.cancel();
  }

  /** Makes `login` the sign-in in progress, cancelling the previous one. */
  replaceActive(login: ActiveLogin): void {
    this.cancelActive();
    this.active = login;
  }

  /** Cancels the sign-in `id`; false when it is not the one in progress. */
  cancel(id: string): boolean {
    if (this.active?.id !== id) return false;
    this.cancelActive();
    return true;
  }

  /** Forgets the sign-in `id` once it finished (unless another one replaced it). */
  finished(id: string): void {
    if (this.active?.id === id) this.active = null;
  }

  /** The auth manager of the config's CODEX_HOME and credential store. */
  async authManager(config: ResolvedConfig): Promise<AuthManager> {
    const warn = (message: string): void =>
      this.services.broadcast({ method: 'warning', params: { threadId: null, message } });
    const shared = this.services.threadManager.auth;
    if (shared !== undefined) return shared.forConfig(config.auth, warn);
    const key = `${config.auth.credentialsStore}\0${config.auth.codexHome}`;
    let manager = this.managers.get(key);
    if (manager === undefined) {
      const { AuthManager } = await import('@codex-ts/providers');
      manager = new AuthManager({
        authConfig: config.auth,
        env: this.services.env,
        onWarning: warn,
      });
      this.managers.set(key, manager);
    }
    return manager;
  }

  /** The config the account methods act on: CODEX_HOME's, without request overrides. */
  loadConfig(): Promise<ResolvedConfig> {
    const { codexHome, env } = this.services;
    return this.services.loadConfig({ codexHome, env });
  }

  /** Sends an account notification to every initialized connection. */
  broadcast(notification: ServerNotification): void {
    this.services.broadcast(notification);
  }
}

const sessions = new WeakMap<ProcessorServices, AccountSession>();

export function accountSessionFor(services: ProcessorServices): AccountSession {
  let session = sessions.get(services);
  if (session === undefined) {
    session = new AccountSession(services);
    sessions.set(services, session);
  }
  return session;
}

/** The stored credentials, or null when there are none or they cannot be read. */
export async function currentAuth(manager: AuthManager): Promise<CodexAuth | null> {
  try {
    return await manager.current();
  } catch {
    return null;
  }
}
