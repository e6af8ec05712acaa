import type { AuthConfig } from '@codex-ts/config';
import { AuthManager } from '@codex-ts/providers';

/**
 * One AuthManager per CODEX_HOME and credential store, shared by every thread of the process,
 * so a ChatGPT token is refreshed once and all threads see the new one. Warnings (a keyring
 * that is not reachable) go to whoever asked first for that login.
 */
export class AuthManagers {
  private readonly managers = new Map<string, AuthManager>();
  private readonly warningSinks = new Map<string, (message: string) => void>();

  constructor(private readonly env: Record<string, string | undefined>) {}

  forConfig(authConfig: AuthConfig, onWarning: (message: string) => void): AuthManager {
    const key = `${authConfig.credentialsStore}\0${authConfig.codexHome}`;
    this.warningSinks.set(key, onWarning);
    let manager = this.managers.get(key);
    if (manager === undefined) {
      manager = new AuthManager({
        authConfig,
        env: this.env,
        onWarning: (message) => this.warningSinks.get(key)?.(message),
      });
      this.managers.set(key, manager);
    }
    return manager;
  }
}
